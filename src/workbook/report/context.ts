/**
 * What every sheet builder is given: the model, the engine's results, the language and the
 * users' edits found in the previous generation (kept on regeneration, SPEC §6, §8).
 */
import type { Model } from "../../core/model";
import type { CycleResult } from "../../core/cycle";
import type { TaskPlan } from "../../core/tasks";
import { GENERATED_SHEETS, sheetName, type GeneratedSheetKey, type Lang } from "../schema";
import { labels, type Translate } from "./labels";

/** An improvement row's editable cells, keyed by employee + KPI. */
export interface ImprovementEdit {
  action?: string;
  owner?: string;
  due?: string;
  status?: string;
}

export interface UserEdits {
  improvements: Map<string, ImprovementEdit>;
  /** Manager comment per employee id, from the review forms. */
  reviewComments: Map<string, string>;
}

export const NO_EDITS: UserEdits = { improvements: new Map(), reviewComments: new Map() };

export interface ReportContext {
  model: Model;
  result: CycleResult;
  /** Null when the period is not set (nothing to schedule in). */
  tasks: TaskPlan | null;
  lang: Lang;
  t: Translate;
  edits: UserEdits;
  sheet(key: GeneratedSheetKey): string;
}

export function improvementKey(employeeId: string, kpiId: string): string {
  return `${employeeId}\u0000${kpiId}`;
}

export function reviewSheetName(employeeId: string, lang: Lang): string {
  // Sheet names are at most 31 characters and cannot hold : \ / ? * [ ].
  return `${sheetName(GENERATED_SHEETS.review, lang)}-${employeeId}`
    .replace(/[:\\/?*[\]]/g, "_")
    .slice(0, 31);
}

export function makeContext(
  model: Model,
  result: CycleResult,
  tasks: TaskPlan | null,
  lang: Lang,
  edits: UserEdits = NO_EDITS,
): ReportContext {
  return {
    model,
    result,
    tasks,
    lang,
    t: labels(lang),
    edits,
    sheet: (key) => sheetName(GENERATED_SHEETS[key], lang),
  };
}
