/**
 * Defaults and sanity checks of the inputs to the task engine. The workbook layer
 * reports located errors for bad cells first; these checks keep the engine from
 * producing nonsense (infinite days, NaN loads) when called directly.
 */
import { valueError } from "../errors";
import { DEFAULTS } from "../settings-defaults";
import { dayNumber } from "../workdays";
import { textOrNull } from "./ids";
import type { PersonInput, PlanSettings, ResolvedPlanSettings, TaskInput } from "./types";

/**
 * SPEC §2 defaults of the Settings keys used by §7. important_min and urgent_min come from
 * core/settings-defaults.ts; buffer (15%) and daily_hours (8) are not there yet.
 */
export const PLAN_DEFAULTS = {
  importantMin: DEFAULTS.importantMin,
  urgentMin: DEFAULTS.urgentMin,
  buffer: 0.15,
  dailyHours: 8,
} as const;

/** Fills in defaults and checks the values: dates valid and in order, daily_hours > 0, buffer ≥ 0. */
export function resolvePlanSettings(settings: PlanSettings): ResolvedPlanSettings {
  const resolved: ResolvedPlanSettings = {
    periodStart: settings.periodStart,
    periodEnd: settings.periodEnd,
    importantMin: settings.importantMin ?? PLAN_DEFAULTS.importantMin,
    urgentMin: settings.urgentMin ?? PLAN_DEFAULTS.urgentMin,
    buffer: settings.buffer ?? PLAN_DEFAULTS.buffer,
    dailyHours: settings.dailyHours ?? PLAN_DEFAULTS.dailyHours,
  };
  if (dayNumber(resolved.periodEnd) < dayNumber(resolved.periodStart)) {
    throw valueError("period_reversed", "period_end is before period_start", {
      start: resolved.periodStart,
      end: resolved.periodEnd,
    });
  }
  requireNumber("daily_hours", resolved.dailyHours, (v) => v > 0);
  requireNumber("buffer", resolved.buffer, (v) => v >= 0);
  requireNumber("important_min", resolved.importantMin, () => true);
  requireNumber("urgent_min", resolved.urgentMin, () => true);
  return resolved;
}

/** fte of a person, 1 when blank. */
export function fteOf(person: PersonInput): number {
  return person.fte ?? 1;
}

/** Checks the numbers and dates the engine computes with; throws a `bad_input` error naming the field. */
export function checkTask(task: TaskInput): void {
  requireNumber("importance", task.importance, () => true, task.taskId);
  requireNumber("urgency", task.urgency, () => true, task.taskId);
  requireNumber("effort_hours", task.effortHours, (v) => v >= 0, task.taskId);
  if (task.skillLevel != null) requireNumber("skill_level", task.skillLevel, () => true, task.taskId);
  isoDateOrNull(task.due);
  isoDateOrNull(task.earliestStart);
}

/** A date cell: null when blank, else the trimmed ISO date (a `bad_date` error if it is not one). */
export function isoDateOrNull(text: string | null | undefined): string | null {
  const date = textOrNull(text);
  if (date !== null) dayNumber(date);
  return date;
}

/** fte must be above 0 (it divides the hours per day); a given capacity must be 0 or more. */
export function checkPerson(person: PersonInput): void {
  requireNumber("fte", fteOf(person), (v) => v > 0, person.employeeId);
  if (person.capacityHours != null) {
    requireNumber("capacity_hours", person.capacityHours, (v) => v >= 0, person.employeeId);
  }
}

function requireNumber(field: string, value: number, ok: (v: number) => boolean, id?: string): void {
  if (typeof value === "number" && Number.isFinite(value) && ok(value)) return;
  const where = id === undefined ? "" : ` (${id})`;
  throw valueError("bad_input", `${field}${where} cannot be ${String(value)}`, {
    field,
    value: String(value),
    ...(id === undefined ? {} : { id }),
  });
}
