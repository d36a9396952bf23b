import { describe, it, expect } from "vitest";
import { finalScore } from "../../src/core/final";
import { PerfError } from "../../src/core/errors";

describe("finalScore", () => {
  it("weights 70/30 by default and rounds to 2 decimals", () => {
    // 0.7·85 + 0.3·90 = 59.5 + 27 = 86.5
    expect(finalScore(85, 90)).toEqual({ score: 86.5 });
    // 0.7·83.333 + 0.3·71.4286 = 58.3331 + 21.42858 = 79.76168 → 79.76
    expect(finalScore(83.333, 71.4286).score).toBe(79.76);
  });

  it("normalises the weights: 7/3 and 70/30 give the same as 0.7/0.3", () => {
    expect(finalScore(85, 90, 7, 3).score).toBe(86.5);
    expect(finalScore(85, 90, 70, 30).score).toBe(86.5);
    // 0.6 / 0.3 → 2/3 and 1/3: (2·85 + 90)/3 = 86.666… → 86.67
    expect(finalScore(85, 90, 0.6, 0.3).score).toBe(86.67);
  });

  it("rounds halves away from zero the way Excel does", () => {
    // kpi 80.005 alone (weight 1, feedback 0 weight): ROUND(80.005, 2) = 80.01
    expect(finalScore(80.005, 50, 1, 0).score).toBe(80.01);
  });

  it("without feedback is the KPI score, with a warning", () => {
    expect(finalScore(91.234, null)).toEqual({ score: 91.23, warning: "no_feedback" });
  });

  it("refuses weights that add up to 0 or are negative", () => {
    expect(() => finalScore(80, 90, 0, 0)).toThrow(PerfError);
    expect(() => finalScore(80, 90, -1, 1)).toThrow(PerfError);
  });
});
