/**
 * Rounding the way Excel and an HR analyst expect (SPEC §5, §6). Excel does not round the
 * binary double it holds but the 15-significant-digit decimal it shows, so 2.675 (really
 * 2.67499999…) rounds to 2.68. Everything here therefore works on that decimal value with
 * integer (BigInt) arithmetic: no floating-point error can move a digit or a unit.
 */

/** A decimal number: `units × 10^exp`. */
export interface Decimal {
  units: bigint;
  exp: number;
}

/**
 * The 15-significant-digit decimal value of `x` (trailing zeros dropped).
 *
 * @example toDecimal(2.675) // { units: 2675n, exp: -3 }
 * @example toDecimal(0.1 + 0.2) // { units: 3n, exp: -1 }
 */
export function toDecimal(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (x === 0) return { units: 0n, exp: 0 };
  const [mantissa, exponent] = Math.abs(x).toExponential(14).split("e");
  let digits = mantissa.replace(".", "");
  let exp = Number(exponent) - 14;
  while (digits.length > 1 && digits.endsWith("0")) {
    digits = digits.slice(0, -1);
    exp += 1;
  }
  const units = BigInt(digits);
  return { units: x < 0 ? -units : units, exp };
}

/** The double nearest to `units × 10^exp` (never -0). */
export function fromDecimal(units: bigint, exp: number): number {
  return units === 0n ? 0 : Number(`${units}e${exp}`);
}

/** 10^n as a BigInt (n ≥ 0). */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/**
 * Several numbers as integers over one common power of ten, so they can be added, compared
 * and divided exactly.
 *
 * @example commonScale([0.03, 1.5]) // { ints: [3n, 150n], exp: -2 }
 */
export function commonScale(xs: number[]): { ints: bigint[]; exp: number } {
  const decimals = xs.map(toDecimal);
  // Folded, not spread: a company's worth of amounts would overflow the call stack.
  const exp = decimals.reduce((least, d) => Math.min(least, d.exp), 0);
  return { ints: decimals.map((d) => d.units * pow10(d.exp - exp)), exp };
}

/** `numerator / denominator` (denominator > 0) rounded half away from zero. */
export function divideRoundHalfAway(numerator: bigint, denominator: bigint): bigint {
  const magnitude = numerator < 0n ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if (2n * (magnitude % denominator) >= denominator) quotient += 1n;
  return numerator < 0n ? -quotient : quotient;
}

/**
 * Excel's ROUND: half away from zero, on x's 15-significant-digit decimal value. `digits`
 * may be negative (tens, hundreds…) and is truncated to a whole number, as Excel does.
 *
 * @example excelRound(2.675, 2) // 2.68
 * @example excelRound(1.005, 2) // 1.01
 * @example excelRound(-2.5, 0) // -3
 * @example excelRound(1250, -2) // 1300
 */
export function excelRound(x: number, digits: number): number {
  const places = Math.trunc(digits);
  const { units, exp } = toDecimal(x);
  if (exp >= -places) return fromDecimal(units, exp);
  const rounded = divideRoundHalfAway(units, pow10(-places - exp));
  return fromDecimal(rounded, -places);
}

/** round₂ of SPEC §5: Excel's ROUND(x, 2). */
export function round2(x: number): number {
  return excelRound(x, 2);
}

/**
 * Splits `total` whole units in proportion to `weights` (non-negative, Σ > 0) by the
 * largest-remainder method: everyone gets the floor of their exact share, and the units
 * left over go one each to the largest remainders. `before(a, b) < 0` puts index a first
 * among equal remainders. All arithmetic is on integers, so equal remainders are exactly
 * equal.
 *
 * @example largestRemainder(3n, [1n, 1n, 1n, 1n], (a, b) => a - b) // [1n, 1n, 1n, 0n]
 */
export function largestRemainder(
  total: bigint,
  weights: bigint[],
  before: (a: number, b: number) => number,
): bigint[] {
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (sum <= 0n) throw new RangeError("weights must add up to more than 0");
  const shares = weights.map((w) => total * w);
  const result = shares.map((share) => share / sum);
  const remainders = shares.map((share) => share % sum);
  let left = total - result.reduce((s, r) => s + r, 0n);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      if (remainders[a] !== remainders[b]) return remainders[a] > remainders[b] ? -1 : 1;
      return before(a, b);
    });
  for (const i of order) {
    if (left <= 0n) break;
    result[i] += 1n;
    left -= 1n;
  }
  return result;
}
