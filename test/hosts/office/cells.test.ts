import { describe, expect, it } from "vitest";
import {
  cellInput,
  groupRectangles,
  layoutBlock,
  needsTextPrefix,
  textInput,
} from "../../../src/hosts/office/cells";
import { rectText, splitSheetRef } from "../../../src/hosts/office/refs";
import { columnWidthPoints, hexColor } from "../../../src/hosts/office/render";
import { jsonBytes, OPERATION_BYTES, runSteps, type Step } from "../../../src/hosts/office/requests";
import { isoToSerial, serialToIso } from "../../../src/workbook/cells";
import { styleAt } from "../../../src/workbook/plan";

describe("text that must stay text (SPEC §8)", () => {
  it("prefixes an apostrophe to text Excel would read as a formula, number, boolean or error", () => {
    for (const text of [
      "=SUM(A1)",
      "+1",
      "-abc",
      "@x",
      "'quoted",
      "001",
      "2024-01-01",
      "3/4",
      "TRUE",
      "false",
      "#N/A",
    ]) {
      expect([text, needsTextPrefix(text)]).toEqual([text, true]);
    }
    for (const text of ["Operations", "运营", "N/A", "Ann-Marie"]) {
      expect([text, needsTextPrefix(text)]).toEqual([text, false]);
    }
    expect(textInput("=1+1")).toBe("'=1+1");
    expect(textInput("Ann")).toBe("Ann");
    expect(textInput("")).toBe("");
  });
});

describe("isoToSerial", () => {
  it("gives Excel's 1900-system serials, counting the fictitious 1900-02-29", () => {
    // Excel: 1900-01-01 is 1, 1900-02-28 is 59, (60 is the non-existent 29th), 1900-03-01 is 61.
    expect(isoToSerial("1900-01-01")).toBe(1);
    expect(isoToSerial("1900-02-28")).toBe(59);
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("2024-01-01")).toBe(45292);
  });

  it("is the inverse of serialToIso", () => {
    for (const iso of ["1900-01-01", "1900-02-28", "1900-03-01", "1999-12-31", "2024-02-29", "9999-12-31"]) {
      expect(serialToIso(isoToSerial(iso))).toBe(iso);
    }
  });
});

describe("cellInput", () => {
  it("writes the PERF form in perf mode when there is one, else the native formula", () => {
    const score = { formula: "ROUND(A1,1)", perf: "PERF.SCORE(A1,B1)", result: 1 };
    expect(cellInput(score, "perf")).toBe("=PERF.SCORE(A1,B1)");
    expect(cellInput(score, "native")).toBe("=ROUND(A1,1)");
    expect(cellInput({ formula: "SUM(A1:A3)", result: 6 }, "perf")).toBe("=SUM(A1:A3)");
  });

  it("writes blanks, numbers, booleans, dates and text", () => {
    expect([cellInput(null, "perf"), cellInput(3.5, "perf"), cellInput(false, "perf")]).toEqual([
      "",
      3.5,
      false,
    ]);
    expect(cellInput({ date: "2024-01-02" }, "perf")).toBe(45293);
    expect(cellInput("-5", "perf")).toBe("'-5");
  });
});

describe("layoutBlock and styles", () => {
  it("places a block and gives each cell its input, number format, style and lock", () => {
    const layout = layoutBlock(
      {
        at: "B2",
        headerStyle: "header",
        columnStyles: [undefined, "score"],
        rows: [["Name", "Score"], ["Ann", { value: 91.5, input: true }], [{ value: "Sum", style: "total" }]],
      },
      "native",
    );
    expect(layout).toEqual({
      top: 2,
      left: 2,
      height: 3,
      width: 2,
      inputs: [
        ["Name", "Score"],
        ["Ann", 91.5],
        ["Sum", ""],
      ],
      numberFormats: [
        ["General", "General"],
        ["General", "0.0"],
        ["General", "0.0"],
      ],
      styles: [
        ["header", "header"],
        [undefined, "score"],
        ["total", "score"],
      ],
      unlocked: [
        [undefined, undefined],
        [undefined, true],
        [undefined, undefined],
      ],
    });
  });

  it("takes a cell's own style over the header's, and the header's over the column's", () => {
    const block = {
      at: "A1",
      headerStyle: "header" as const,
      columnStyles: ["score" as const],
      rows: [[{ value: "x", style: "title" as const }], ["y"], [1]],
    };
    expect([styleAt(block, 0, 0), styleAt({ ...block, rows: [["x"]] }, 0, 0), styleAt(block, 2, 0)]).toEqual([
      "title",
      "header",
      "score",
    ]);
  });

  it("gives dates a date format when their style has none", () => {
    const layout = layoutBlock(
      { at: "A1", rows: [[{ date: "2024-01-01" }, { value: { date: "2024-01-01" }, style: "input" }]] },
      "perf",
    );
    expect(layout.numberFormats).toEqual([["yyyy-mm-dd", "yyyy-mm-dd"]]);
  });

  it("groups equal styles into rectangles: runs down columns joined across equal neighbours", () => {
    // h h h      one header rectangle A1:C1;
    // a b a      column A and C are separate "a" runs (B is between them), B2:B3 is "b";
    // a b .      the blank at C3 ends C's run.
    expect(
      groupRectangles(
        [
          ["h", "h", "h"],
          ["a", "b", "a"],
          ["a", "b", undefined],
        ],
        1,
        1,
      ),
    ).toEqual([
      { top: 1, bottom: 1, left: 1, right: 3, key: "h" },
      { top: 2, bottom: 3, left: 1, right: 1, key: "a" },
      { top: 2, bottom: 3, left: 2, right: 2, key: "b" },
      { top: 2, bottom: 2, left: 3, right: 3, key: "a" },
    ]);
  });
});

describe("units and references", () => {
  it("converts widths in characters to points for Calibri 11 (7 px a digit)", () => {
    // trunc((256·w + 18) / 256 · 7) px × 0.75. Excel's default column, shown as 8.43 in the UI,
    // has the file width 9.140625: (2340 + 18) / 256 · 7 = 64.48 → 64 px = 48 pt.
    expect(columnWidthPoints(9.140625)).toBe(48);
    expect(columnWidthPoints(20)).toBe(105);
  });

  it("adds the hash Office.js colours need", () => {
    expect([hexColor("1f4e79"), hexColor("#FFFFFF")]).toEqual(["#1F4E79", "#FFFFFF"]);
  });

  it("splits sheet references", () => {
    expect(splitSheetRef("'Score card'!$B$2:$B$9")).toEqual({ sheet: "Score card", address: "B2:B9" });
    expect(splitSheetRef("'It''s'!A1")).toEqual({ sheet: "It's", address: "A1" });
    expect(splitSheetRef("Scorecard!A1:C3")).toEqual({ sheet: "Scorecard", address: "A1:C3" });
    expect(splitSheetRef("A1")).toEqual({ address: "A1" });
    expect(rectText({ top: 2, left: 1, bottom: 9, right: 3 })).toBe("A2:C9");
    expect(rectText({ top: 2, left: 1, bottom: 2, right: 1 })).toBe("A2");
  });
});

describe("request batching", () => {
  it("measures JSON in UTF-8 bytes, non-ASCII at its escaped size", () => {
    expect(jsonBytes([["a", 1]])).toBe(9); // [["a",1]]
    expect(jsonBytes("考")).toBe(8); // "考" = 3 characters, the CJK one counted as \u8003 (6)
  });

  const counting = () => {
    const log: string[] = [];
    return { log, context: { sync: async () => void log.push("sync") } };
  };
  const step = (log: string[], name: string, bytes: number): Step => ({ bytes, run: () => log.push(name) });

  it("syncs only when the next step would pass the budget, and at the end", async () => {
    const { log, context } = counting();
    const syncs = await runSteps(context, [step(log, "a", 40), step(log, "b", 40), step(log, "c", 40)], 100);
    expect(syncs).toBe(2);
    expect(log).toEqual(["a", "b", "sync", "c", "sync"]);
  });

  it("splits a large step to fill the rest of a request", async () => {
    const { log, context } = counting();
    // Rows of 10 bytes; a split part costs 10 bytes per row.
    const rows = (from: number, to: number): Step => ({
      bytes: (to - from) * 10,
      run: () => log.push(`rows ${from}-${to}`),
      split: (max) => {
        const cut = from + Math.floor(max / 10);
        return cut > from && cut < to ? [rows(from, cut), rows(cut, to)] : undefined;
      },
    });
    const syncs = await runSteps(context, [step(log, "a", 30), rows(0, 25)], 100);
    // 30 + 70 bytes of rows fill the first request, 100 the second, 50 the third.
    expect(log).toEqual(["a", "rows 0-7", "sync", "rows 7-17", "sync", "rows 17-25", "sync"]);
    expect(syncs).toBe(3);
  });

  it("refuses a step larger than a whole request", async () => {
    const { log, context } = counting();
    await expect(runSteps(context, [step(log, "huge", 101)], 100)).rejects.toThrow(
      /exceeds the request budget/,
    );
    expect(OPERATION_BYTES).toBeGreaterThan(0);
  });
});
