/**
 * Bonuses (SPEC §6): base × grade coefficient, rounded to the `rounding` unit; and the split
 * of a bonus pool that adds up to the pool exactly. Amounts are handled as whole numbers of
 * rounding units in BigInt, so floating-point error never moves a unit.
 */
import { invalid } from "./messages";
import {
  commonScale,
  divideRoundHalfAway,
  fromDecimal,
  pow10,
  largestRemainder,
  toDecimal,
} from "./rounding";
import type { TableEntry } from "./tables";
import { normalizeWord } from "./vocabulary";

function checkRounding(rounding: number): void {
  if (!Number.isFinite(rounding) || rounding <= 0) throw invalid("bad_rounding", { rounding });
}

/**
 * The coefficient of `grade` in a coefficients table (grade names compared case- and
 * width-insensitively). Unknown grade → `#VALUE!`.
 *
 * @example coefficientFor("a", [{ key: "S", value: 1.5 }, { key: "A", value: 1.2 }]) // 1.2
 */
export function coefficientFor(grade: string, coefficients: TableEntry[]): number {
  const entry = coefficients.find((c) => normalizeWord(c.key) === normalizeWord(grade));
  if (!entry) throw invalid("unknown_grade", { grade });
  return entry.value;
}

/**
 * base × coefficient rounded to the nearest multiple of `rounding` (half away from zero),
 * computed exactly on the decimal values.
 *
 * @example bonusFor(10000, 1.2) // 12000
 * @example bonusFor(3333.33, 1.15, 1) // 3833 (3833.3295 to the nearest unit)
 */
export function bonusFor(base: number, coefficient: number, rounding = 0.01): number {
  checkRounding(rounding);
  if (!Number.isFinite(base) || base < 0) throw invalid("negative_base", { base });
  if (!Number.isFinite(coefficient) || coefficient < 0)
    throw invalid("negative_coefficient", { coefficient });
  const b = toDecimal(base);
  const c = toDecimal(coefficient);
  const r = toDecimal(rounding);
  // base·coefficient / rounding = (b·c / r) · 10^shift
  const shift = b.exp + c.exp - r.exp;
  const numerator = b.units * c.units * (shift > 0 ? pow10(shift) : 1n);
  const denominator = r.units * (shift < 0 ? pow10(-shift) : 1n);
  const units = divideRoundHalfAway(numerator, denominator);
  return fromDecimal(units * r.units, r.exp);
}

/**
 * Splits `pool` in proportion to `raws` (SPEC §6): each share P × raw / Σ raw is rounded to
 * whole `rounding` units by largest remainder, so the shares add up to the pool exactly and
 * each is within one unit of its exact value. Equal remainders go to the higher `priority`
 * (e.g. final score), then to the earlier index. The pool must be a whole number of units;
 * Σ raw = 0 is an error.
 *
 * @example allocatePool(0.03, [1, 1, 1, 1]) // [0.01, 0.01, 0.01, 0]
 * @example allocatePool(100, [1, 1, 2]) // [25, 25, 50]
 */
export function allocatePool(pool: number, raws: number[], rounding = 0.01, priority?: number[]): number[] {
  checkRounding(rounding);
  if (!Number.isFinite(pool) || pool < 0) throw invalid("negative_pool", { pool });
  for (const raw of raws) {
    if (!Number.isFinite(raw) || raw < 0) throw invalid("negative_raw", { raw });
  }
  if (priority && priority.length !== raws.length) {
    throw invalid("length_mismatch", { what: "priority", left: raws.length, right: priority.length });
  }
  // -Infinity is a fine priority (someone without a score ranks last); NaN orders nothing.
  if (priority?.some((p) => Number.isNaN(p))) throw invalid("not_finite", { what: "priority" });
  const {
    ints: [poolInt, unitInt],
    exp,
  } = commonScale([pool, rounding]);
  if (poolInt % unitInt !== 0n) throw invalid("pool_not_multiple", { pool, rounding });
  const weights = commonScale(raws).ints;
  if (weights.every((w) => w === 0n)) throw invalid("zero_raw_total");
  const byPriority = (a: number, b: number) => {
    if (priority && priority[a] !== priority[b]) return priority[a] > priority[b] ? -1 : 1;
    return a - b;
  };
  return largestRemainder(poolInt / unitInt, weights, byPriority).map((units) =>
    fromDecimal(units * unitInt, exp),
  );
}
