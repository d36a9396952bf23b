import { describe, it, expect } from "vitest";
import { evaluateFunction, findFunction, FUNCTIONS } from "../../src/functions/registry";
import { PerfError } from "../../src/core/errors";
import type { Arg } from "../../src/functions/types";

/** The Excel error a call shows, with its code. */
function errorOf(name: string, args: Arg[]): { error: string; code: string } {
  try {
    evaluateFunction(name, args);
  } catch (e) {
    if (e instanceof PerfError) return { error: e.kind === "na" ? "#N/A" : "#VALUE!", code: e.code };
    throw e;
  }
  throw new Error(`${name} did not fail`);
}

const NA = (code: string) => expect.objectContaining({ error: "#N/A", code });
const VALUE = (code: string) => expect.objectContaining({ error: "#VALUE!", code });

describe("registry", () => {
  it("holds the ten functions of SPEC §9, each with en and zh descriptions", () => {
    expect(FUNCTIONS.map((f) => f.name)).toEqual([
      "SCORE",
      "WEIGHTED",
      "FEEDBACK",
      "FINAL",
      "GRADE",
      "DISTRIBUTE",
      "BONUS",
      "ALLOCATE",
      "QUADRANT",
      "COMPLETION",
    ]);
    for (const f of FUNCTIONS) {
      expect(f.description.en && f.description.zh).toBeTruthy();
      for (const p of f.params)
        expect(p.description.en && p.description.zh, `${f.name}.${p.name}`).toBeTruthy();
      // optional parameters come last, as Excel requires
      const firstOptional = f.params.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.params.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });

  it("finds functions case-insensitively, with or without PERF.", () => {
    expect(findFunction("perf.score")?.name).toBe("SCORE");
    expect(findFunction("Grade")?.name).toBe("GRADE");
    expect(findFunction("SUM")).toBeUndefined();
  });

  it("refuses unknown names and too many arguments", () => {
    expect(errorOf("NOPE", [])).toEqual(VALUE("unknown_function"));
    expect(errorOf("QUADRANT", [1, 2, 3, 4, 5])).toEqual(VALUE("too_many_args"));
  });
});

describe("SCORE", () => {
  it("scores single values, numeric text and Chinese directions", () => {
    expect(evaluateFunction("SCORE", [85, 100, "higher", 80])).toBe(70);
    // "85%" of "100%": 0.85/1 → 85
    expect(evaluateFunction("SCORE", ["85%", "100%"])).toBeCloseTo(85, 12);
    // 反向: lower, 8 against 10 → 100·(2 − 0.8) = 120
    expect(evaluateFunction("SCORE", [8, 10, "反向"])).toBe(120);
    expect(evaluateFunction("SCORE", [0, 1, "是否"])).toBe(0);
    // cap 150 with a stretch of 200: 150 → 125
    expect(evaluateFunction("SCORE", [150, 100, null, null, 200, 150])).toBe(125);
  });

  it("gives #VALUE! for bad curves and words, #N/A for a blank actual", () => {
    expect(errorOf("SCORE", [85, 0])).toEqual(VALUE("target_zero_needs_threshold"));
    expect(errorOf("SCORE", [85, -10])).toEqual(VALUE("negative_target"));
    expect(errorOf("SCORE", [85, 100, "sideways"])).toEqual(VALUE("bad_direction"));
    expect(errorOf("SCORE", ["lots", 100])).toEqual(VALUE("not_a_number"));
    expect(errorOf("SCORE", [null, 100])).toEqual(NA("missing_actual"));
    expect(errorOf("SCORE", [85, 100, null, null, null, "max"])).toEqual(VALUE("not_a_number"));
  });

  it("spills over a column, broadcasting single values, with per-cell errors", () => {
    // target 100, threshold 80 for everyone: 85 → 70, blank → #N/A, 100 → 100, 70 → 0
    const result = evaluateFunction("SCORE", [[[85], [null], [100], [70]], [[100]], "higher", 80]);
    expect(result).toEqual([[70], [NA("missing_actual")], [100], [0]]);
  });

  it("spills with per-row targets and directions", () => {
    const result = evaluateFunction("SCORE", [
      [[90], [8]],
      [[100], [10]],
      [["正向"], ["越小越好"]],
    ]);
    // 90/100 → 90; lower 8 vs 10 → 120
    expect(result).toEqual([[90], [120]]);
  });

  it("answers a 1×1 range with a 1×1 range (as Excel passes single cells)", () => {
    expect(evaluateFunction("SCORE", [[[85]], [[100]], [["higher"]], [[80]]])).toEqual([[70]]);
  });

  it("refuses ranges of different shapes", () => {
    expect(
      errorOf("SCORE", [
        [[1], [2]],
        [[1], [2], [3]],
      ]),
    ).toEqual(VALUE("shape_mismatch"));
  });
});

describe("WEIGHTED", () => {
  it("is Σ w·s / Σ w over two ranges, skipping rows blank on both sides", () => {
    // (3·80 + 1·100) / 4 = 85
    expect(
      evaluateFunction("WEIGHTED", [
        [[80], [100], [null]],
        [[3], [1], [null]],
      ]),
    ).toBe(85);
    expect(evaluateFunction("WEIGHTED", [[[80, 100]], [["60%", "40%"]]])).toBeCloseTo(88, 12);
  });

  it("gives #N/A for a half-blank row and #VALUE! for zero weights and unequal ranges", () => {
    expect(
      errorOf("WEIGHTED", [
        [[80], [null]],
        [[1], [1]],
      ]),
    ).toEqual(NA("missing_value"));
    expect(errorOf("WEIGHTED", [[[80]], [[0]]])).toEqual(VALUE("zero_weights"));
    expect(errorOf("WEIGHTED", [[[80], [90]], [[1]]])).toEqual(VALUE("length_mismatch"));
    expect(errorOf("WEIGHTED", [[[null]], [[null]]])).toEqual(NA("no_rows"));
  });
});

describe("FEEDBACK", () => {
  it("weights group means by the default group weights, Chinese relationships accepted", () => {
    // manager 4, peers 3 and 5 (mean 4): (0.4·4 + 0.3·4)/0.7 = 4 → 100·4/5 = 80
    const result = evaluateFunction("FEEDBACK", [
      [[4], [3], [5], [null]],
      [["上级"], ["同事"], ["peer"], [null]],
    ]);
    expect(result).toBeCloseTo(80, 10);
  });

  it("takes group weights as text and a scale", () => {
    // only self counts: 100 · 8 / 10 = 80
    expect(evaluateFunction("FEEDBACK", [[[8]], [["本人"]], "self:100", 10])).toBeCloseTo(80, 10);
  });

  it("is #N/A without feedback that counts, #VALUE! for bad relationships or ratings", () => {
    expect(errorOf("FEEDBACK", [[[5]], [["self"]]])).toEqual(NA("no_feedback"));
    expect(errorOf("FEEDBACK", [[[5]], [["boss"]]])).toEqual(VALUE("bad_relationship"));
    expect(errorOf("FEEDBACK", [[[5]], [[null]]])).toEqual(VALUE("bad_relationship"));
    expect(errorOf("FEEDBACK", [[[7]], [["peer"]]])).toEqual(VALUE("rating_out_of_range"));
  });
});

describe("FINAL", () => {
  it("rounds the 70/30 weighted score to 2 decimals", () => {
    // 0.7·83.333 + 0.3·71.4286 = 79.76168 → 79.76
    expect(evaluateFunction("FINAL", [83.333, 71.4286])).toBe(79.76);
    expect(evaluateFunction("FINAL", [85, 90, 70, 30])).toBe(86.5);
    expect(evaluateFunction("FINAL", [85, 90, "70%", "30%"])).toBe(86.5);
  });

  it("takes the complement when only one weight is given", () => {
    // 60% KPI → 40% feedback: 0.6·80 + 0.4·90 = 84
    expect(evaluateFunction("FINAL", [80, 90, 60])).toBe(84);
    expect(evaluateFunction("FINAL", [80, 90, null, 0.4])).toBe(84);
  });

  it("is the KPI score without feedback; #N/A without a KPI score", () => {
    expect(evaluateFunction("FINAL", [91.234, null])).toBe(91.23);
    expect(errorOf("FINAL", [null, 80])).toEqual(NA("missing_value"));
  });
});

describe("GRADE", () => {
  it("grades by the default or a given table (text or 2-column range)", () => {
    expect(evaluateFunction("GRADE", [89.99])).toBe("A");
    expect(evaluateFunction("GRADE", [90])).toBe("S");
    expect(evaluateFunction("GRADE", [75, "优秀：85，良好：70，合格：0"])).toBe("良好");
    expect(
      evaluateFunction("GRADE", [
        75,
        [
          ["Top", 85],
          ["Good", 70],
        ],
      ]),
    ).toBe("Good");
  });

  it("gives #VALUE! when no grade fits or the table is bad, #N/A for a blank score", () => {
    expect(errorOf("GRADE", [50, "A:80,B:60"])).toEqual(VALUE("no_grade"));
    expect(errorOf("GRADE", [50, "A80"])).toEqual(VALUE("bad_table"));
    expect(errorOf("GRADE", [""])).toEqual(NA("missing_value"));
    expect(errorOf("GRADE", [[[1, 2]]])).toEqual(VALUE("range_not_allowed"));
  });
});

describe("DISTRIBUTE", () => {
  it("spills one grade per row, forced over the whole range, ties together", () => {
    // 10 scores at 10/20/40/20/10 → S1 A2 B4 C2 D1; the three 90s share A (B shrinks)
    const scores = [[95], [90], [90], [90], [80], [80], [75], [70], [60], [50]];
    expect(evaluateFunction("DISTRIBUTE", [scores])).toEqual([
      ["S"],
      ["A"],
      ["A"],
      ["A"],
      ["B"],
      ["B"],
      ["B"],
      ["C"],
      ["C"],
      ["D"],
    ]);
  });

  it("is forced even for fewer rows than forced_min, and keeps the range's shape", () => {
    // 3 people at 50/50 → 2 and 1 (exact 1.5 each, the better grade gets the tied remainder)
    expect(evaluateFunction("DISTRIBUTE", [[[70, 90, 80]], "A:50,B:50"])).toEqual([["B", "A", "A"]]);
  });

  it("marks blank cells #N/A and leaves them out of the counts", () => {
    const result = evaluateFunction("DISTRIBUTE", [[[90], [null], [70]], "A:50,B:50"]);
    expect(result).toEqual([["A"], [NA("missing_value")], ["B"]]);
  });

  it("orders grades by a grade table when given", () => {
    expect(evaluateFunction("DISTRIBUTE", [[[70], [90]], "B:50,A:50", "A:80,B:0"])).toEqual([["B"], ["A"]]);
  });

  it("gives #VALUE! for text scores and bad quotas", () => {
    expect(errorOf("DISTRIBUTE", [[["x"]]])).toEqual(VALUE("not_a_number"));
    expect(errorOf("DISTRIBUTE", [[[1]], "A:0,B:0"])).toEqual(VALUE("bad_quota"));
  });
});

describe("BONUS", () => {
  it("is base × coefficient rounded", () => {
    expect(evaluateFunction("BONUS", [10000, "A"])).toBe(12000);
    expect(evaluateFunction("BONUS", ["¥3,333.33", "s", "S:1.15", 1])).toBe(3833);
  });

  it("gives #VALUE! for unknown grades and #N/A for a blank grade", () => {
    expect(errorOf("BONUS", [10000, "Z"])).toEqual(VALUE("unknown_grade"));
    expect(errorOf("BONUS", [10000, null])).toEqual(NA("missing_value"));
    expect(errorOf("BONUS", [-1, "A"])).toEqual(VALUE("negative_base"));
  });
});

describe("ALLOCATE", () => {
  it("spills shares that add up to the pool exactly", () => {
    expect(evaluateFunction("ALLOCATE", [0.03, [[1], [1], [1], [1]]])).toEqual([[0.01], [0.01], [0.01], [0]]);
    expect(evaluateFunction("ALLOCATE", [90000, [[15000], [12000], [10000], [8000]], 1])).toEqual([
      [30000],
      [24000],
      [20000],
      [16000],
    ]);
  });

  it("gives equal remainders to the higher priority, then earlier rows", () => {
    expect(evaluateFunction("ALLOCATE", [100, [[1], [1], [1]], 0.01, [[80], [95], [90]]])).toEqual([
      [33.33],
      [33.34],
      [33.33],
    ]);
  });

  it("marks blank raw cells #N/A and shares among the others", () => {
    expect(evaluateFunction("ALLOCATE", [10, [[1], [null], [1]], 1])).toEqual([
      [5],
      [NA("missing_value")],
      [5],
    ]);
  });

  it("gives #VALUE! for Σ raw = 0 and mismatched priority", () => {
    expect(errorOf("ALLOCATE", [100, [[0], [0]]])).toEqual(VALUE("zero_raw_total"));
    expect(errorOf("ALLOCATE", [100, [[1], [1]], 0.01, [[1]]])).toEqual(VALUE("length_mismatch"));
    expect(errorOf("ALLOCATE", [100.005, [[1]]])).toEqual(VALUE("pool_not_multiple"));
  });
});

describe("QUADRANT", () => {
  it("places tasks with the default and given minimums", () => {
    expect(evaluateFunction("QUADRANT", [5, 5])).toBe("Q1");
    expect(evaluateFunction("QUADRANT", [4, 3])).toBe("Q2");
    expect(evaluateFunction("QUADRANT", [2, "4"])).toBe("Q3");
    expect(evaluateFunction("QUADRANT", [3, 3])).toBe("Q4");
    expect(evaluateFunction("QUADRANT", [3, 3, 3, 3])).toBe("Q1");
  });

  it("gives #N/A for blanks and #VALUE! for text", () => {
    expect(errorOf("QUADRANT", [null, 3])).toEqual(NA("missing_value"));
    expect(errorOf("QUADRANT", ["high", 3])).toEqual(VALUE("not_a_number"));
  });
});

describe("COMPLETION", () => {
  it("is the share of rows met; blank actuals not met; rows without target skipped", () => {
    // 120 ≥ 100 met; blank not met; 80 < 100 not met; row 4 has no target → 1/3
    const result = evaluateFunction("COMPLETION", [
      [[120], [null], [80], [50]],
      [[100], [100], [100], [null]],
    ]);
    expect(result).toBeCloseTo(1 / 3, 12);
  });

  it("takes one direction for all rows or one per row, in Chinese too", () => {
    // lower for all: 3 ≤ 5 met, 6 > 5 not → 0.5
    expect(evaluateFunction("COMPLETION", [[[3], [6]], [[5], [5]], "反向"])).toBe(0.5);
    // per row: higher 3 < 5 not met, lower 6 > 5 not met → 0
    expect(
      evaluateFunction("COMPLETION", [
        [[3], [6]],
        [[5], [5]],
        [["正向"], ["lower"]],
      ]),
    ).toBe(0);
  });

  it("gives #N/A with no rows, #VALUE! for bad directions or mismatched ranges", () => {
    expect(errorOf("COMPLETION", [[[1]], [[null]]])).toEqual(NA("no_rows"));
    expect(errorOf("COMPLETION", [[[1]], [[1]], "up-ish"])).toEqual(VALUE("bad_direction"));
    expect(errorOf("COMPLETION", [[[1], [2]], [[1]]])).toEqual(VALUE("length_mismatch"));
  });
});
