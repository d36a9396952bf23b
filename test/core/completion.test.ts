import { describe, it, expect } from "vitest";
import { completionRate, isTargetMet } from "../../src/core/completion";
import { PerfError } from "../../src/core/errors";

describe("isTargetMet", () => {
  it("is a ≥ T for higher and binary, a ≤ T for lower", () => {
    expect(isTargetMet(100, 100, "higher")).toBe(true);
    expect(isTargetMet(99.9, 100, "higher")).toBe(false);
    expect(isTargetMet(5, 5, "lower")).toBe(true);
    expect(isTargetMet(6, 5, "lower")).toBe(false);
    expect(isTargetMet(1, 1, "binary")).toBe(true);
    expect(isTargetMet(0, 1, "binary")).toBe(false);
  });
});

describe("completionRate", () => {
  it("is the share of rows met; a blank actual is not met", () => {
    // met: row 1 (120 ≥ 100) and row 3 (3 ≤ 5, lower); row 2 blank; row 4 80 < 100 → 2/4
    expect(
      completionRate([120, null, 3, 80], [100, 100, 5, 100], ["higher", "higher", "lower", "higher"]),
    ).toBe(0.5);
  });

  it("defaults to higher and refuses no rows or unequal lists", () => {
    expect(completionRate([100, 50, 100], [100, 100, 100])).toBeCloseTo(2 / 3, 12);
    expect(() => completionRate([], [])).toThrow(PerfError);
    expect(() => completionRate([1], [1, 2])).toThrow(PerfError);
  });
});
