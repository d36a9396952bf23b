import { describe, it, expect } from "vitest";
import { apportionQuotas, distributeForced, gradeByThreshold, gradeEmployees } from "../../src/core/grading";
import { parseKeyValueTable } from "../../src/core/tables";
import { PerfError } from "../../src/core/errors";

const GRADES = parseKeyValueTable("S:90,A:80,B:70,C:60,D:0", "grades");
const QUOTAS = parseKeyValueTable("S:10,A:20,B:40,C:20,D:10", "quotas");

/** Grades in the order of the entries given. */
const gradesOf = (map: Map<string, string>, ids: string[]) => ids.map((id) => map.get(id));

describe("gradeByThreshold", () => {
  it("takes the highest grade whose minimum is at or below the score", () => {
    expect(gradeByThreshold(95, GRADES)).toBe("S");
    expect(gradeByThreshold(90, GRADES)).toBe("S");
    expect(gradeByThreshold(89.99, GRADES)).toBe("A");
    expect(gradeByThreshold(0, GRADES)).toBe("D");
  });

  it("does not depend on the order grades are listed in", () => {
    expect(gradeByThreshold(85, parseKeyValueTable("D:0,B:70,A:80", "g"))).toBe("A");
  });

  it("is #VALUE! when no grade fits", () => {
    const e = (() => {
      try {
        gradeByThreshold(-5, GRADES);
      } catch (x) {
        return x as PerfError;
      }
    })();
    expect(e?.code).toBe("no_grade");
  });
});

describe("apportionQuotas", () => {
  it("uses largest remainders: 7 people at 10/20/40/20/10", () => {
    // exact 0.7, 1.4, 2.8, 1.4, 0.7 → floors 0, 1, 2, 1, 0 (4); 3 left:
    // remainders .8 (B), .7 (S), .7 (D), .4, .4 → B, then S and D (equal .7: both get one)
    expect([...apportionQuotas(7, QUOTAS)]).toEqual([
      ["S", 1],
      ["A", 1],
      ["B", 3],
      ["C", 1],
      ["D", 1],
    ]);
  });

  it("gives equal remainders to the better grade first", () => {
    // 5 people: exact 0.5, 1, 2, 1, 0.5 → floors 0,1,2,1,0; 1 left; S and D tie at .5 → S
    expect([...apportionQuotas(5, QUOTAS).values()]).toEqual([1, 1, 2, 1, 0]);
  });

  it("is exact where floating point is not: 10 people at 0.1/0.2/0.7", () => {
    // 10·0.7 = 7.000000000000001 in floating point; exactly 7 here → 1, 2, 7
    const quotas = parseKeyValueTable("A:0.1,B:0.2,C:0.7", "q");
    expect([...apportionQuotas(10, quotas).values()]).toEqual([1, 2, 7]);
  });

  it("normalises quotas that do not total 100 and always gives n in all", () => {
    const counts = apportionQuotas(6, parseKeyValueTable("A:1,B:2", "q"));
    expect([...counts.values()]).toEqual([2, 4]);
  });
});

describe("distributeForced", () => {
  const entries = (scores: number[]) => scores.map((score, i) => ({ id: `E${i + 1}`, score }));

  it("fills the best grade first in score order", () => {
    // 10 people at 10/20/40/20/10 → 1, 2, 4, 2, 1
    const list = entries([50, 95, 88, 60, 77, 91, 70, 72, 65, 81]);
    const grades = distributeForced(list, QUOTAS);
    // ranking: 95 S | 91 88 A | 81 77 72 70 B | 65 60 C | 50 D
    expect(
      gradesOf(
        grades,
        list.map((e) => e.id),
      ),
    ).toEqual(["D", "S", "A", "C", "B", "A", "B", "B", "C", "B"]);
  });

  it("keeps a tie across a boundary together in the better grade; the next grade shrinks", () => {
    // counts for 10: S1 A2 B4 C2 D1. Scores: 95 | 90 90 90 … the third 90 would be B.
    const list = entries([95, 90, 90, 90, 80, 80, 75, 70, 60, 50]);
    const grades = distributeForced(list, QUOTAS);
    // S: 95; A: 90 ×3 (overflow 1); B shrinks to 3: 80 80 75; C: 70 60; D: 50
    expect(
      gradesOf(
        grades,
        list.map((e) => e.id),
      ),
    ).toEqual(["S", "A", "A", "A", "B", "B", "B", "C", "C", "D"]);
  });

  it("carries an overflow larger than the next grade's count on to the grade after", () => {
    const quotas = parseKeyValueTable("S:1,A:1,B:1,C:2", "q");
    // 5 people → counts 1,1,1,2. Scores 95, 90, 90, 90, 70: the 90s all take A, B gets nobody, C one.
    const list = entries([95, 90, 90, 90, 70]);
    expect(
      gradesOf(
        distributeForced(list, quotas),
        list.map((e) => e.id),
      ),
    ).toEqual(["S", "A", "A", "A", "C"]);
  });

  it("gives everyone the same grade when all scores are equal", () => {
    const list = entries([80, 80, 80, 80, 80]);
    expect(new Set(distributeForced(list, QUOTAS).values())).toEqual(new Set(["S"]));
  });

  it("orders equal scores by id only for counting", () => {
    // 2 people, quotas A:50,B:50 → 1 and 1; scores differ → higher is A regardless of id
    const list = [
      { id: "E2", score: 70 },
      { id: "E1", score: 80 },
    ];
    expect(gradesOf(distributeForced(list, parseKeyValueTable("A:50,B:50", "q")), ["E1", "E2"])).toEqual([
      "A",
      "B",
    ]);
  });

  it("takes the grade order from a grade table when given", () => {
    // quotas listed worst first; the grade table says A is better than B
    const quotas = parseKeyValueTable("B:50,A:50", "q");
    const list = entries([70, 80]);
    expect(gradesOf(distributeForced(list, quotas, GRADES), ["E1", "E2"])).toEqual(["B", "A"]);
    expect(() => distributeForced(list, parseKeyValueTable("X:100", "q"), GRADES)).toThrow(PerfError);
  });
});

describe("gradeEmployees", () => {
  const settings = { mode: "forced" as const, grades: GRADES, quotas: QUOTAS, forcedMin: 5 };

  it("distributes per group and falls back to threshold for a group below forced_min", () => {
    const big = [95, 90, 85, 80, 75, 70, 65, 60, 55, 50].map((score, i) => ({
      id: `B${i}`,
      score,
      group: "Ops",
    }));
    // Sales has 3 people (< 5): threshold mode → 92 S, 81 A, 55 D, even though forced would give fewer S
    const small = [
      { id: "S1", score: 92, group: "Sales" },
      { id: "S2", score: 81, group: "Sales" },
      { id: "S3", score: 55, group: "Sales" },
    ];
    const { grades, thresholdFallbackGroups } = gradeEmployees([...big, ...small], settings);
    expect(thresholdFallbackGroups).toEqual(["Sales"]);
    expect(gradesOf(grades, ["S1", "S2", "S3"])).toEqual(["S", "A", "D"]);
    // Ops forced: 1 S, 2 A, 4 B, 2 C, 1 D
    expect(
      gradesOf(
        grades,
        big.map((e) => e.id),
      ),
    ).toEqual(["S", "A", "A", "B", "B", "B", "B", "C", "C", "D"]);
  });

  it("in threshold mode grades everyone by the minimums", () => {
    const { grades, thresholdFallbackGroups } = gradeEmployees([{ id: "E1", score: 72, group: "x" }], {
      ...settings,
      mode: "threshold",
    });
    expect(grades.get("E1")).toBe("B");
    expect(thresholdFallbackGroups).toEqual([]);
  });
});
