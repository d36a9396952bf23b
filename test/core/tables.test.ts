import { describe, it, expect } from "vitest";
import { parseGroupWeights, parseKeyValueTable } from "../../src/core/tables";
import { PerfError } from "../../src/core/errors";

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof PerfError) return e.code;
    throw e;
  }
  throw new Error("expected a PerfError");
}

describe("parseKeyValueTable", () => {
  it("reads typed text in order", () => {
    expect(parseKeyValueTable("S:90,A:80,B:70", "grades")).toEqual([
      { key: "S", value: 90 },
      { key: "A", value: 80 },
      { key: "B", value: 70 },
    ]);
  });

  it("accepts full-width and Chinese separators, = and spaces", () => {
    expect(parseKeyValueTable(" S：90，A = 80、B:70；C:60\nD:0, ", "grades").map((e) => e.key)).toEqual([
      "S",
      "A",
      "B",
      "C",
      "D",
    ]);
    expect(parseKeyValueTable("Ｓ：９０", "grades")).toEqual([{ key: "S", value: 90 }]);
  });

  it("reads percents as fractions", () => {
    expect(parseKeyValueTable("manager:40%,peer:0.3", "w")).toEqual([
      { key: "manager", value: 0.4 },
      { key: "peer", value: 0.3 },
    ]);
  });

  it("reads a 2-column range, a 2-row range and a single cell holding text", () => {
    const expected = [
      { key: "S", value: 1.5 },
      { key: "A", value: 1.2 },
    ];
    expect(
      parseKeyValueTable(
        [
          ["S", 1.5],
          ["A", "1.2"],
          [null, null],
        ],
        "c",
      ),
    ).toEqual(expected);
    expect(
      parseKeyValueTable(
        [
          ["S", "A"],
          [1.5, 1.2],
        ],
        "c",
      ),
    ).toEqual(expected);
    expect(parseKeyValueTable([["S:1.5,A:1.2"]], "c")).toEqual(expected);
  });

  it("rejects duplicates (case-insensitively), non-numbers, missing separators, blanks and empty tables", () => {
    expect(codeOf(() => parseKeyValueTable("S:90,s:80", "grades"))).toBe("bad_table");
    expect(codeOf(() => parseKeyValueTable("S:ninety", "grades"))).toBe("bad_table");
    expect(codeOf(() => parseKeyValueTable("S90", "grades"))).toBe("bad_table");
    expect(codeOf(() => parseKeyValueTable(":90", "grades"))).toBe("bad_table");
    expect(codeOf(() => parseKeyValueTable("S:", "grades"))).toBe("bad_table");
    expect(codeOf(() => parseKeyValueTable("", "grades"))).toBe("bad_table");
    expect(codeOf(() => parseKeyValueTable(42, "grades"))).toBe("bad_table");
    expect(codeOf(() => parseKeyValueTable([["S", 1, 2]], "grades"))).toBe("bad_table");
  });
});

describe("parseGroupWeights", () => {
  it("reads the default as fractions per relationship", () => {
    expect(parseGroupWeights("manager:40,peer:30,subordinate:15,customer:15,self:0")).toEqual({
      manager: 0.4,
      peer: 0.3,
      subordinate: 0.15,
      customer: 0.15,
      self: 0,
    });
  });

  it("accepts Chinese relationship words; those left out weigh 0", () => {
    expect(parseGroupWeights("上级:50，同事:50%")).toEqual({
      manager: 0.5,
      peer: 0.5,
      subordinate: 0,
      customer: 0,
      self: 0,
    });
  });

  it("rejects unknown relationships, one named twice, negative weights", () => {
    expect(codeOf(() => parseGroupWeights("boss:40"))).toBe("bad_relationship");
    expect(codeOf(() => parseGroupWeights("manager:40,上级:30"))).toBe("bad_table");
    expect(codeOf(() => parseGroupWeights("manager:-40"))).toBe("negative_weight");
  });
});
