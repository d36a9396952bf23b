/**
 * Task priority (SPEC §7): quadrant, due date ascending (blank last), importance
 * descending, task_id (plain code-point order, see ids.ts).
 */
import { compareIds, textOrNull } from "./ids";
import { quadrant, type Quadrant } from "./quadrant";
import { PLAN_DEFAULTS } from "./settings";
import type { PlanSettings, TaskInput } from "./types";

type QuadrantThresholds = Pick<PlanSettings, "importantMin" | "urgentMin">;

/** The quadrant of a task under the settings' important_min and urgent_min. */
export function taskQuadrant(
  task: Pick<TaskInput, "importance" | "urgency">,
  settings: QuadrantThresholds,
): Quadrant {
  return quadrant(
    task.importance,
    task.urgency,
    settings.importantMin ?? PLAN_DEFAULTS.importantMin,
    settings.urgentMin ?? PLAN_DEFAULTS.urgentMin,
  );
}

/** ISO dates compare as text; a blank due date comes after every date. */
function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * Comparator for tasks in priority order.
 *
 * @example
 * // Q1 before Q2; within Q1 the earlier due date first, then the more important, then the smaller id.
 */
export function compareTaskPriority<T extends TaskInput>(
  settings: QuadrantThresholds,
): (a: T, b: T) => number {
  return (a, b) => {
    const qa = taskQuadrant(a, settings);
    const qb = taskQuadrant(b, settings);
    if (qa !== qb) return qa < qb ? -1 : 1;
    const due = compareDue(textOrNull(a.due), textOrNull(b.due));
    if (due !== 0) return due;
    if (a.importance !== b.importance) return b.importance - a.importance;
    return compareIds(a.taskId, b.taskId);
  };
}

/** A new array of the tasks in priority order; the input is left as is. */
export function orderTasks<T extends TaskInput>(tasks: readonly T[], settings: QuadrantThresholds): T[] {
  return [...tasks].sort(compareTaskPriority<T>(settings));
}
