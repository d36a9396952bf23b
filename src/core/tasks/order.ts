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

/** What the priority order looks at in a task. */
interface PriorityKey {
  quadrant: Quadrant;
  due: string | null;
  importance: number;
  taskId: string;
}

function priorityKey(task: TaskInput, settings: QuadrantThresholds): PriorityKey {
  return {
    quadrant: taskQuadrant(task, settings),
    due: textOrNull(task.due),
    importance: task.importance,
    taskId: task.taskId,
  };
}

function comparePriorityKeys(a: PriorityKey, b: PriorityKey): number {
  if (a.quadrant !== b.quadrant) return a.quadrant < b.quadrant ? -1 : 1;
  const due = compareDue(a.due, b.due);
  if (due !== 0) return due;
  if (a.importance !== b.importance) return b.importance - a.importance;
  return compareIds(a.taskId, b.taskId);
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
  return (a, b) => comparePriorityKeys(priorityKey(a, settings), priorityKey(b, settings));
}

/** A new array of the tasks in priority order; the input is left as is. */
export function orderTasks<T extends TaskInput>(tasks: readonly T[], settings: QuadrantThresholds): T[] {
  // Each task's key is worked out once, not at every comparison of the (stable) sort.
  const keyed = tasks.map((task) => ({ task, key: priorityKey(task, settings) }));
  keyed.sort((a, b) => comparePriorityKeys(a.key, b.key));
  return keyed.map(({ task }) => task);
}
