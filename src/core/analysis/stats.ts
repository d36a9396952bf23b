/** Small statistics used by the incentive review (SPEC §1 stage 6). */

import { valueError } from "../errors";

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

export interface Correlation {
  /** Pearson's r in [−1, 1], or null when it cannot be computed. */
  r: number | null;
  n: number;
  reason?: "too_few" | "zero_variance";
}

/** True when every value equals the first; exact, so rounding in a mean cannot hide it. */
function isConstant(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}

/**
 * Pearson correlation of paired values. Fewer than 3 pairs say nothing about a relation
 * ("too_few"); a variable that never changes has no correlation ("zero_variance").
 *
 * @example pearson([1, 2, 3], [2, 4, 6]) // { r: 1, n: 3 }
 */
export function pearson(xs: readonly number[], ys: readonly number[]): Correlation {
  if (xs.length !== ys.length) {
    throw valueError("pearson_lengths", `pearson needs paired values (${xs.length} vs ${ys.length})`, {
      x: xs.length,
      y: ys.length,
    });
  }
  const n = xs.length;
  if (n < 3) return { r: null, n, reason: "too_few" };
  if (isConstant(xs) || isConstant(ys)) return { r: null, n, reason: "zero_variance" };
  const mx = mean(xs) as number;
  const my = mean(ys) as number;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Rounding can push |r| a hair past 1 for perfectly linear data.
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  return { r, n };
}
