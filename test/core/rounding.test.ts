import { describe, it, expect } from "vitest";
import { excelRound, largestRemainder, round2, toDecimal } from "../../src/core/rounding";

describe("excelRound (Excel ROUND on the 15-significant-digit value)", () => {
  it("rounds halves away from zero even where the double is just below the half", () => {
    // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875;
    // Excel shows 2.675 and rounds that: 2.68. Plain Math.round(x*100)/100 would give 2.67 or 2.68 by luck.
    expect(excelRound(2.675, 2)).toBe(2.68);
    expect(excelRound(1.005, 2)).toBe(1.01); // 1.00499999999999989… as a double
    expect(excelRound(1.015, 2)).toBe(1.02);
    expect(excelRound(-2.5, 0)).toBe(-3);
    expect(excelRound(2.5, 0)).toBe(3);
    expect(excelRound(-1.005, 2)).toBe(-1.01);
  });

  it("rounds below the half down and keeps exact values", () => {
    expect(excelRound(2.674, 2)).toBe(2.67);
    expect(excelRound(86.5, 2)).toBe(86.5);
    expect(excelRound(70, 2)).toBe(70);
    expect(excelRound(0, 2)).toBe(0);
  });

  it("accepts negative digits (tens, hundreds) like ROUND(1250,-2) = 1300", () => {
    expect(excelRound(1250, -2)).toBe(1300);
    expect(excelRound(1249.99, -2)).toBe(1200);
    expect(excelRound(-150, -2)).toBe(-200);
    expect(excelRound(49, -2)).toBe(0);
    expect(excelRound(50, -2)).toBe(100);
  });

  it("removes binary noise beyond 15 significant digits before rounding", () => {
    // 0.1 + 0.2 = 0.30000000000000004; Excel shows 0.3.
    expect(round2(0.1 + 0.2)).toBe(0.3);
    // 4.35 * 100 = 434.99999999999994 in binary; Excel's ROUND(4.35*100, 0) is 435.
    expect(excelRound(4.35 * 100, 0)).toBe(435);
  });

  it("truncates fractional digits as Excel does (ROUND(x, 1.9) = ROUND(x, 1))", () => {
    expect(excelRound(1.25, 1.9)).toBe(1.3);
  });

  it("never returns -0", () => {
    expect(Object.is(excelRound(-0.001, 2), 0)).toBe(true);
  });
});

describe("toDecimal", () => {
  it("gives the shown decimal as integer units and a power of ten", () => {
    expect(toDecimal(2.675)).toEqual({ units: 2675n, exp: -3 });
    expect(toDecimal(-1200)).toEqual({ units: -12n, exp: 2 });
    expect(toDecimal(0.1 + 0.2)).toEqual({ units: 3n, exp: -1 });
  });
});

describe("largestRemainder", () => {
  it("gives leftover units to the largest remainders, ties by the given order", () => {
    // 10 over 1:1:1 → 3.33 each → floors 3,3,3, one unit left, equal remainders → first index.
    expect(largestRemainder(10n, [1n, 1n, 1n], (a, b) => a - b)).toEqual([4n, 3n, 3n]);
    // Same with the tie broken towards the last index.
    expect(largestRemainder(10n, [1n, 1n, 1n], (a, b) => b - a)).toEqual([3n, 3n, 4n]);
    // 7 over 1:2 → 2.33, 4.67 → the remainder 0.67 wins.
    expect(largestRemainder(7n, [1n, 2n], (a, b) => a - b)).toEqual([2n, 5n]);
  });
});
