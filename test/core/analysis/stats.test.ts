import { describe, it, expect } from "vitest";
import { mean, pearson } from "../../../src/core/analysis/stats";

describe("mean", () => {
  it("averages, and is null for nothing", () => {
    expect(mean([2, 4, 9])).toBe(5);
    expect(mean([])).toBeNull();
  });
});

describe("pearson", () => {
  it("is 1 and −1 for exactly linear data", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toEqual({ r: 1, n: 3 });
    expect(pearson([1, 2, 3], [3, 2, 1])).toEqual({ r: -1, n: 3 });
  });

  it("matches a hand-computed r", () => {
    // x = 1..4, y = 2,1,4,3; deviations from 2.5: dx = −1.5,−.5,.5,1.5, dy = −.5,−1.5,1.5,.5
    // Σdxdy = .75·4 = 3, Σdx² = Σdy² = 5 → r = 3/5 = 0.6
    const { r, n } = pearson([1, 2, 3, 4], [2, 1, 4, 3]);
    expect(n).toBe(4);
    expect(r).toBeCloseTo(0.6, 12);
  });

  it("needs at least 3 pairs", () => {
    expect(pearson([1, 2], [1, 2])).toEqual({ r: null, n: 2, reason: "too_few" });
    expect(pearson([], [])).toEqual({ r: null, n: 0, reason: "too_few" });
    expect(pearson([5], [7])).toEqual({ r: null, n: 1, reason: "too_few" });
  });

  it("has no r when one side never varies, even if its mean is not exact in binary", () => {
    // 0.1 × 3 / 3 is 0.10000000000000002: a naive variance would not be 0.
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3])).toEqual({ r: null, n: 3, reason: "zero_variance" });
    expect(pearson([1, 2, 3], [4, 4, 4])).toEqual({ r: null, n: 3, reason: "zero_variance" });
  });

  it("rejects unpaired inputs", () => {
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow();
  });
});
