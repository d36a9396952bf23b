/**
 * Department roll-up of employee progress (SPEC §1 stage 3, §9 departments).
 */

import type { EmployeeProgress } from "./progress";

/** A count and its share of the group's employees (0–1; null for an empty group). */
export interface CountShare {
  count: number;
  share: number | null;
}

export interface ProgressRollup {
  /** null for the whole cycle. */
  department: string | null;
  employees: number;
  goalsSet: CountShare;
  actualsComplete: CountShare;
  /** Σ actuals present / Σ actuals expected over the group (null when none expected). */
  actualsCoverage: number | null;
  feedbackSufficient: CountShare;
  reviewsGenerated: CountShare;
  commentsPresent: CountShare;
  complete: CountShare;
}

function countShare(
  progress: readonly EmployeeProgress[],
  test: (p: EmployeeProgress) => boolean,
): CountShare {
  const count = progress.filter(test).length;
  return { count, share: progress.length === 0 ? null : count / progress.length };
}

/** Counts and shares for any group of employees. */
export function rollupProgress(
  department: string | null,
  progress: readonly EmployeeProgress[],
): ProgressRollup {
  const present = progress.reduce((sum, p) => sum + p.actualsPresent, 0);
  const expected = progress.reduce((sum, p) => sum + p.actualsExpected, 0);
  return {
    department,
    employees: progress.length,
    goalsSet: countShare(progress, (p) => p.goalsSet),
    actualsComplete: countShare(progress, (p) => p.actualsComplete),
    actualsCoverage: expected === 0 ? null : present / expected,
    feedbackSufficient: countShare(progress, (p) => p.feedbackSufficient),
    reviewsGenerated: countShare(progress, (p) => p.reviewGenerated),
    commentsPresent: countShare(progress, (p) => p.managerCommentPresent),
    complete: countShare(progress, (p) => p.complete),
  };
}

/**
 * One row per department, in the order departments first appear (the Employees sheet's
 * order), so the Monitor reads like the user's own list.
 *
 * @example departmentRollup([opsAnn, opsBen, salesCy]).map((d) => d.department) // ["Ops", "Sales"]
 */
export function departmentRollup(progress: readonly EmployeeProgress[]): ProgressRollup[] {
  const byDepartment = new Map<string, EmployeeProgress[]>();
  for (const p of progress) {
    const members = byDepartment.get(p.department) ?? [];
    members.push(p);
    byDepartment.set(p.department, members);
  }
  return [...byDepartment].map(([department, members]) => rollupProgress(department, members));
}
