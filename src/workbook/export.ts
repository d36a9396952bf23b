/**
 * The per-employee export (SPEC §8): one workbook per person holding only that person's
 * review form — no other name, id, score or salary anywhere in the file.
 */
import type { CycleRun } from "./pipeline";
import type { WorkbookPlan } from "./plan";
import { makeContext, type UserEdits } from "./report/context";
import { reviewSheet } from "./report/review";

export interface PersonalPlan {
  employeeId: string;
  plan: WorkbookPlan;
}

export function personalPlans(run: CycleRun, edits?: UserEdits): PersonalPlan[] {
  const ctx = makeContext(run.model, run.result, run.tasks, run.lang, edits);
  return run.result.employees.map((e) => ({
    employeeId: e.id,
    plan: { lang: run.lang, sheets: [reviewSheet(ctx, e, true)] },
  }));
}
