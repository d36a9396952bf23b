/**
 * Did more incentive go with more improvement? (SPEC §1 stage 6.)
 */

import { pearson, type Correlation } from "./stats";

export interface IncentivePerson {
  employeeId: string;
  bonus: number;
  /** bonus_base; the bonus is compared relative to it so that pay level does not dominate. */
  base: number;
  /** From efficiencyChangeByEmployee: mean signed relative change, positive = better. */
  efficiencyChange: number | null;
}

export interface IncentiveCorrelation extends Correlation {
  /** People left out: no efficiency change, or a bonus base of 0 (ratio undefined). */
  excluded: number;
}

/**
 * Pearson r between bonus / bonus_base and efficiency change, over the people who have both.
 *
 * @example incentiveCorrelation([{ employeeId: "E1", bonus: 1200, base: 1000, efficiencyChange: 0.1 }, …])
 */
export function incentiveCorrelation(people: readonly IncentivePerson[]): IncentiveCorrelation {
  const usable = people.filter((p) => p.base !== 0 && p.efficiencyChange !== null);
  const ratios = usable.map((p) => p.bonus / p.base);
  const changes = usable.map((p) => p.efficiencyChange as number);
  return { ...pearson(ratios, changes), excluded: people.length - usable.length };
}
