/**
 * Percents as users type them (SPEC §2): 0.4, `40%` and 40 all mean 40 %. Excel already
 * stores `40%` as 0.4, so only a bare number is ambiguous: above 1 it is percent points.
 */

/**
 * The fraction a typed percent means.
 *
 * @example toFraction(40) // 0.4
 * @example toFraction(0.4) // 0.4
 * @example toFraction(1) // 1 (100 %)
 */
export function toFraction(x: number): number {
  return x > 1 ? x / 100 : x;
}
