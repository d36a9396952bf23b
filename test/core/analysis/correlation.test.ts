import { describe, it, expect } from "vitest";
import { incentiveCorrelation, type IncentivePerson } from "../../../src/core/analysis/correlation";

const p = (
  employeeId: string,
  bonus: number,
  base: number,
  efficiencyChange: number | null,
): IncentivePerson => ({
  employeeId,
  bonus,
  base,
  efficiencyChange,
});

describe("incentiveCorrelation", () => {
  it("correlates bonus / base with efficiency change over people who have both", () => {
    // Ratios 1,2,3,4 (bonus/base) against changes .2,.1,.4,.3: same shape as 1..4 vs 2,1,4,3 → r = 0.6.
    const result = incentiveCorrelation([
      p("E1", 1000, 1000, 0.2),
      p("E2", 4000, 2000, 0.1),
      p("E3", 3000, 1000, 0.4),
      p("E4", 8000, 2000, 0.3),
      p("E5", 5000, 1000, null), // no efficiency data
      p("E6", 500, 0, 0.9), // no base: ratio undefined
    ]);
    expect(result.n).toBe(4);
    expect(result.excluded).toBe(2);
    expect(result.r).toBeCloseTo(0.6, 12);
  });

  it("uses the ratio, not the bonus, so pay level does not decide", () => {
    // Bonuses rise with change (r of bonus would be +1) but ratios fall: 3, 2, 1.
    const result = incentiveCorrelation([
      p("A", 3000, 1000, 0.1),
      p("B", 4000, 2000, 0.2),
      p("C", 5000, 5000, 0.3),
    ]);
    expect(result.r).toBeCloseTo(-1, 12);
  });

  it("is not available with fewer than 3 people", () => {
    expect(incentiveCorrelation([p("E1", 1, 1, 0.1), p("E2", 2, 1, 0.2)])).toEqual({
      r: null,
      n: 2,
      reason: "too_few",
      excluded: 0,
    });
    expect(incentiveCorrelation([])).toMatchObject({ r: null, n: 0, reason: "too_few" });
  });

  it("is not available when everyone has the same bonus ratio", () => {
    const result = incentiveCorrelation([
      p("E1", 1200, 1000, 0.1),
      p("E2", 2400, 2000, 0.3),
      p("E3", 600, 500, 0.2),
    ]);
    expect(result).toMatchObject({ r: null, n: 3, reason: "zero_variance" });
  });
});
