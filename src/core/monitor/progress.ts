/**
 * Per-employee progress through the cycle (the Monitor sheet's rows, SPEC §1 stage 3).
 */

import { RELATIONSHIPS, type Relationship } from "../vocabulary";

/**
 * Relationships whose raters must stay anonymous (SPEC §5); only these need `min_raters`.
 * Self and manager are one person by nature, so one rating is enough.
 */
const ANONYMOUS_GROUPS: readonly Relationship[] = ["peer", "subordinate", "customer"];

export interface EmployeeProgressInput {
  employeeId: string;
  name: string;
  department: string;
  /** KPIs on the employee's scorecard (goals set). */
  kpiCount: number;
  actualsPresent: number;
  actualsExpected: number;
  /**
   * Raters counted per relationship. A group that is listed is expected (list it with 0 to
   * flag it as missing); a group left out is not expected, e.g. no subordinates.
   */
  ratersByGroup: Partial<Record<Relationship, number>>;
  minRaters: number;
  reviewGenerated: boolean;
  managerCommentPresent: boolean;
}

export interface RaterGroupProgress {
  relationship: Relationship;
  raters: number;
  /** min_raters for anonymous groups, 1 for self and manager. */
  required: number;
  short: boolean;
}

export interface EmployeeProgress {
  employeeId: string;
  name: string;
  department: string;
  kpiCount: number;
  goalsSet: boolean;
  actualsPresent: number;
  actualsExpected: number;
  /** "n/m" as the Monitor shows it. */
  actualsText: string;
  actualsComplete: boolean;
  raterGroups: RaterGroupProgress[];
  /** Expected groups below their required raters, in RELATIONSHIPS order. */
  shortGroups: Relationship[];
  feedbackSufficient: boolean;
  reviewGenerated: boolean;
  managerCommentPresent: boolean;
  /** Every stage finished for this person. */
  complete: boolean;
}

/** Raters a relationship group needs before it counts as sufficient. */
export function requiredRaters(relationship: Relationship, minRaters: number): number {
  return ANONYMOUS_GROUPS.includes(relationship) ? minRaters : 1;
}

export interface RaterExpectationInput {
  /** Raters counted per relationship. */
  raters: Readonly<Record<Relationship, number>>;
  /** Settings `group_weights`. */
  groupWeights: Readonly<Partial<Record<Relationship, number>>>;
  hasManager: boolean;
  hasReports: boolean;
}

/**
 * The groups expected to rate an employee, with their raters counted — the
 * `ratersByGroup` of `employeeProgress`. A group that weighs 0 in the 360° score is never
 * expected (it would change nothing); the manager group only for someone with a manager,
 * subordinates only for someone with direct reports; customers only once some customer
 * rated the person, because only customer-facing roles are rated by customers and the
 * workbook does not say which roles those are. Self and peers are expected whenever they weigh.
 *
 * @example expectedRaterGroups({ raters: { self: 1, manager: 1, peer: 2, subordinate: 0, customer: 0 },
 *   groupWeights: { manager: 0.4, peer: 0.3, subordinate: 0.15, customer: 0.15, self: 0 },
 *   hasManager: true, hasReports: false }) // { manager: 1, peer: 2 }
 */
export function expectedRaterGroups(input: RaterExpectationInput): Partial<Record<Relationship, number>> {
  const applies: Record<Relationship, boolean> = {
    self: true,
    manager: input.hasManager,
    peer: true,
    subordinate: input.hasReports,
    customer: input.raters.customer > 0,
  };
  const expected: Partial<Record<Relationship, number>> = {};
  for (const relationship of RELATIONSHIPS) {
    if (applies[relationship] && (input.groupWeights[relationship] ?? 0) > 0) {
      expected[relationship] = input.raters[relationship];
    }
  }
  return expected;
}

/**
 * Flags for one employee. Actuals are complete only once goals are set (someone without
 * a scorecard has nothing to collect yet, which is not "complete"). Feedback is sufficient
 * when at least one rating exists and no expected group is short.
 *
 * @example employeeProgress({ ..., kpiCount: 4, actualsPresent: 3, actualsExpected: 4,
 *   ratersByGroup: { manager: 1, peer: 2 }, minRaters: 3, ... })
 * // actualsText "3/4", actualsComplete false, shortGroups ["peer"]
 */
export function employeeProgress(input: EmployeeProgressInput): EmployeeProgress {
  const goalsSet = input.kpiCount > 0;
  const actualsComplete = goalsSet && input.actualsPresent >= input.actualsExpected;
  const raterGroups: RaterGroupProgress[] = RELATIONSHIPS.filter(
    (r) => input.ratersByGroup[r] !== undefined,
  ).map((relationship) => {
    const raters = input.ratersByGroup[relationship] ?? 0;
    const required = requiredRaters(relationship, input.minRaters);
    return { relationship, raters, required, short: raters < required };
  });
  const shortGroups = raterGroups.filter((g) => g.short).map((g) => g.relationship);
  const totalRaters = raterGroups.reduce((sum, g) => sum + g.raters, 0);
  const feedbackSufficient = totalRaters > 0 && shortGroups.length === 0;
  return {
    employeeId: input.employeeId,
    name: input.name,
    department: input.department,
    kpiCount: input.kpiCount,
    goalsSet,
    actualsPresent: input.actualsPresent,
    actualsExpected: input.actualsExpected,
    actualsText: `${input.actualsPresent}/${input.actualsExpected}`,
    actualsComplete,
    raterGroups,
    shortGroups,
    feedbackSufficient,
    reviewGenerated: input.reviewGenerated,
    managerCommentPresent: input.managerCommentPresent,
    complete:
      goalsSet &&
      actualsComplete &&
      feedbackSufficient &&
      input.reviewGenerated &&
      input.managerCommentPresent,
  };
}
