/**
 * Scheduling (SPEC §7): each person works through their tasks one after another, in
 * priority order, on working days (Mon–Fri), with the time buffer added to every task.
 */
import { valueError } from "../errors";
import { addWorkingDays, nextDay, workingDayOnOrAfter } from "../workdays";
import { idMatchKey } from "./ids";
import { checkPerson, fteOf, isoDateOrNull, resolvePlanSettings } from "./settings";
import type { PersonInput, PlanSettings, ScheduledTask, ScheduleInput } from "./types";

/** A quotient this close above a whole number is that number: 3.0000000001 days is 3 days. */
export const CEILING_TOLERANCE = 1e-9;

/**
 * ceil(x) that ignores floating-point noise just above a whole number.
 *
 * @example ceilTolerant(3.0000000001) // 3
 * @example ceilTolerant(3.01) // 4
 */
export function ceilTolerant(x: number): number {
  return Math.ceil(x - CEILING_TOLERANCE);
}

/**
 * Working days a task takes: ceil(effort / (daily_hours × fte) × (1 + buffer)), at least 1.
 *
 * @example workingDaysNeeded(20, 8, 1, 0.15) // 20 / 8 × 1.15 = 2.875 → 3
 */
export function workingDaysNeeded(
  effortHours: number,
  dailyHours: number,
  fte: number,
  buffer: number,
): number {
  return Math.max(1, ceilTolerant((effortHours / (dailyHours * fte)) * (1 + buffer)));
}

/** The later of two ISO dates, either possibly null. */
function later(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

/**
 * Dates for tasks already in priority order and allocated. Per assignee: start =
 * max(period_start, earliest_start, day after their previous task ends), moved to a
 * Monday when it falls on a weekend; end = start + days − 1 working days; at risk when
 * end > due. Unassigned tasks get no dates. An assignee who is not among `people` is an error.
 *
 * @example
 * // period from Mon 2025-03-03, 8 h/day, buffer 0: E1's 16 h task runs Mon–Tue,
 * // E1's next 8 h task starts Wed 2025-03-05 and ends that day.
 */
export function scheduleTasks(
  tasks: readonly ScheduleInput[],
  people: readonly PersonInput[],
  settings: PlanSettings,
): ScheduledTask[] {
  const resolved = resolvePlanSettings(settings);
  const fteByPerson = new Map<string, number>();
  for (const person of people) {
    checkPerson(person);
    const key = idMatchKey(person.employeeId);
    if (!fteByPerson.has(key)) fteByPerson.set(key, fteOf(person));
  }
  const nextFree = new Map<string, string>();
  return tasks.map((task) => {
    if (task.assignee === null) {
      return { taskId: task.taskId, assignee: null, days: null, start: null, end: null, atRisk: false };
    }
    const key = idMatchKey(task.assignee);
    const fte = fteByPerson.get(key);
    if (fte === undefined) {
      throw valueError("unknown_assignee", `${task.assignee} is not an employee`, {
        taskId: task.taskId,
        assignee: task.assignee,
      });
    }
    const days = workingDaysNeeded(task.effortHours, resolved.dailyHours, fte, resolved.buffer);
    const earliest = later(
      later(resolved.periodStart, isoDateOrNull(task.earliestStart)),
      nextFree.get(key) ?? null,
    );
    const start = workingDayOnOrAfter(earliest);
    const end = addWorkingDays(start, days - 1);
    nextFree.set(key, nextDay(end));
    const due = isoDateOrNull(task.due);
    return {
      taskId: task.taskId,
      assignee: task.assignee,
      days,
      start,
      end,
      atRisk: due !== null && end > due,
    };
  });
}
