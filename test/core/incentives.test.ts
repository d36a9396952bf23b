import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { allocatePool, bonusFor, coefficientFor } from "../../src/core/incentives";
import { parseKeyValueTable } from "../../src/core/tables";
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

describe("coefficientFor and bonusFor", () => {
  const coefficients = parseKeyValueTable("S:1.5,A:1.2,B:1.0,C:0.8,D:0", "coefficients");

  it("looks a grade up case-insensitively and refuses unknown grades", () => {
    expect(coefficientFor("a", coefficients)).toBe(1.2);
    expect(codeOf(() => coefficientFor("X", coefficients))).toBe("unknown_grade");
  });

  it("rounds base × coefficient to the rounding unit, half away from zero", () => {
    expect(bonusFor(10000, 1.2)).toBe(12000);
    // 3333.33 × 1.15 = 3833.3295 → 3833.33 (0.01) or 3833 (1) or 3800 (100)
    expect(bonusFor(3333.33, 1.15)).toBe(3833.33);
    expect(bonusFor(3333.33, 1.15, 1)).toBe(3833);
    expect(bonusFor(3333.33, 1.15, 100)).toBe(3800);
    // 1.005 × 1 = 1.005 exactly in decimal → 1.01 (a float product would give 1.00)
    expect(bonusFor(1.005, 1)).toBe(1.01);
    // 250 × 1 to a unit of 500 → half → away from zero → 500
    expect(bonusFor(250, 1, 500)).toBe(500);
    expect(bonusFor(8000, 0)).toBe(0);
  });

  it("refuses a negative base, a negative coefficient and a rounding unit of 0", () => {
    expect(codeOf(() => bonusFor(-1, 1))).toBe("negative_base");
    expect(codeOf(() => bonusFor(1, -1))).toBe("negative_coefficient");
    expect(codeOf(() => bonusFor(1, 1, 0))).toBe("bad_rounding");
  });
});

describe("allocatePool", () => {
  it("splits 0.03 over four equal people as 0.01, 0.01, 0.01, 0", () => {
    // 3 units over 4 equal shares of 0.75: floors 0, remainders equal → earlier index first
    expect(allocatePool(0.03, [1, 1, 1, 1])).toEqual([0.01, 0.01, 0.01, 0]);
  });

  it("gives shares that are whole numbers exactly", () => {
    // 90000 × (15000, 12000, 10000, 8000, 0) / 45000 = 30000, 24000, 20000, 16000, 0
    expect(allocatePool(90000, [15000, 12000, 10000, 8000, 0])).toEqual([30000, 24000, 20000, 16000, 0]);
    // 0.3 over 0.1 : 0.2 → 0.1, 0.2 although 0.3·(0.1/0.3) is 0.09999999999999999 in floating point
    expect(allocatePool(0.3, [0.1, 0.2])).toEqual([0.1, 0.2]);
  });

  it("gives equal remainders to the higher priority, then the earlier index", () => {
    // 100 over 3 equal → 33.333… each; 1 unit of 0.01 left over; floors 33.33 each
    expect(allocatePool(100, [1, 1, 1])).toEqual([33.34, 33.33, 33.33]);
    expect(allocatePool(100, [1, 1, 1], 0.01, [80, 95, 90])).toEqual([33.33, 33.34, 33.33]);
    // equal priorities fall back to the index
    expect(allocatePool(100, [1, 1, 1], 0.01, [90, 95, 95])).toEqual([33.33, 33.34, 33.33]);
    // a person without a score (-Infinity) comes last
    expect(allocatePool(100, [1, 1, 1], 0.01, [-Infinity, 50, 60])).toEqual([33.33, 33.33, 33.34]);
  });

  it("works in whole units of a coarse rounding", () => {
    // 1000 in units of 100 over 1:1:1 → 10 units: 3.33 each → 4, 3, 3
    expect(allocatePool(1000, [1, 1, 1], 100)).toEqual([400, 300, 300]);
  });

  it("refuses Σ raw = 0, a pool that is not a whole number of units, negatives", () => {
    expect(codeOf(() => allocatePool(100, [0, 0]))).toBe("zero_raw_total");
    expect(codeOf(() => allocatePool(100, []))).toBe("zero_raw_total");
    expect(codeOf(() => allocatePool(100.005, [1, 1]))).toBe("pool_not_multiple");
    expect(codeOf(() => allocatePool(-5, [1]))).toBe("negative_pool");
    expect(codeOf(() => allocatePool(5, [1, -1]))).toBe("negative_raw");
    expect(codeOf(() => allocatePool(5, [1], 0))).toBe("bad_rounding");
    expect(codeOf(() => allocatePool(5, [1, 2], 0.01, [1]))).toBe("length_mismatch");
  });

  it("always sums to the pool exactly and keeps everyone within one unit of the exact share", () => {
    // Amounts in cents so the exact share can be computed independently with integers:
    // share_i = units · raw_i / Σraw, as a fraction n_i / Σraw.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(0.01, 1, 100),
        (units, rawCents, rounding) => {
          fc.pre(rawCents.some((r) => r > 0));
          const pool = Number((BigInt(units) * BigInt(Math.round(rounding * 100))).toString()) / 100;
          const raws = rawCents.map((c) => c / 100);
          const shares = allocatePool(pool, raws, rounding);
          const shareUnits = shares.map((s) => Math.round(s / rounding));
          // each share is a whole number of units (as a decimal, not approximately)
          shares.forEach((s, i) => expect(s).toBe(Number((shareUnits[i] * rounding).toFixed(2))));
          expect(shareUnits.reduce((a, b) => a + b, 0)).toBe(units);
          const total = BigInt(rawCents.reduce((a, b) => a + b, 0));
          shareUnits.forEach((u, i) => {
            // |u − units·raw_i/Σraw| < 1  ⇔  |u·Σraw − units·raw_i| < Σraw
            const diff = BigInt(u) * total - BigInt(units) * BigInt(rawCents[i]);
            expect(diff < 0n ? -diff : diff).toBeLessThan(total);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
