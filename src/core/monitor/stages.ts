/**
 * Stage deadlines of the cycle (SPEC §1 stage 3, Settings `stage_*_due`): which stage is
 * done, still open, or overdue on the `as_of` date.
 */

import { dayNumber } from "../workdays";
import type { EmployeeProgress } from "./progress";

export const STAGE_KEYS = ["goals", "data", "review", "feedback"] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

export type StageState = "done" | "open" | "overdue";

export interface StageInput {
  key: StageKey;
  /** ISO date, or null when Settings gives no deadline. */
  due: string | null;
  done: boolean;
}

export interface StageStatus extends StageInput {
  status: StageState;
  /** Whole days past the deadline; 0 unless overdue. */
  daysOverdue: number;
}

/**
 * A done stage is done whatever its deadline; an open stage is overdue only once `asOf`
 * is strictly after its due date (the due day itself still counts as in time).
 *
 * @example stageStatus([{ key: "data", due: "2024-03-31", done: false }], "2024-04-02")
 * // [{ key: "data", due: "2024-03-31", done: false, status: "overdue", daysOverdue: 2 }]
 */
export function stageStatus(stages: readonly StageInput[], asOf: string): StageStatus[] {
  const today = dayNumber(asOf);
  return stages.map((stage) => {
    const late = stage.due === null ? 0 : today - dayNumber(stage.due);
    if (stage.done) return { ...stage, status: "done", daysOverdue: 0 };
    if (late > 0) return { ...stage, status: "overdue", daysOverdue: late };
    return { ...stage, status: "open", daysOverdue: 0 };
  });
}

/**
 * Whether each stage is complete for the whole cycle, from per-employee progress:
 * goals = everyone has a scorecard; data = everyone's actuals are all present;
 * review = everyone has a generated review (final score); feedback = everyone has a
 * manager comment. With no employees at all, nothing is done (there is nothing to show
 * as finished, and an empty workbook should not look complete).
 */
export function stageCompletion(progress: readonly EmployeeProgress[]): Record<StageKey, boolean> {
  const everyone = (test: (p: EmployeeProgress) => boolean) => progress.length > 0 && progress.every(test);
  return {
    goals: everyone((p) => p.goalsSet),
    data: everyone((p) => p.actualsComplete),
    review: everyone((p) => p.reviewGenerated),
    feedback: everyone((p) => p.managerCommentPresent),
  };
}

/**
 * The Monitor's stage table in one call: deadlines from Settings, completion from progress.
 *
 * @example cycleStages({ goals: "2024-01-15", data: null, review: null, feedback: null }, progress, "2024-02-01")
 */
export function cycleStages(
  due: Readonly<Record<StageKey, string | null>>,
  progress: readonly EmployeeProgress[],
  asOf: string,
): StageStatus[] {
  const done = stageCompletion(progress);
  return stageStatus(
    STAGE_KEYS.map((key) => ({ key, due: due[key], done: done[key] })),
    asOf,
  );
}
