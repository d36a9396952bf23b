/**
 * One click (SPEC §1): from the raw workbook to the plan of every generated sheet and the
 * summary. Validation runs first; with any error nothing is planned, so nothing is written.
 * Hosts read the raw workbook, call this, and render the plan.
 */
import { evaluateCycle, planCycleTasks, type CycleResult } from "../core/cycle";
import type { Model } from "../core/model";
import type { TaskPlan } from "../core/tasks";
import { loadModel, type LoadOptions } from "./load";
import { isMarkerName, sheetOfMarkerRef } from "./markers";
import type { WorkbookPlan } from "./plan";
import { hasErrors, type Problem } from "./problems";
import type { RawWorkbook } from "./raw";
import { buildReportPlan } from "./report";
import { makeContext, type UserEdits } from "./report/context";
import { readImprovementEdits } from "./report/improvements";
import { readReviewComments } from "./report/review";
import { locateIssues } from "./validate";
import { formatMessage } from "../core/messages";
import { GENERATED_SHEETS, type Lang } from "./schema";
import { buildSummary, type Summary } from "./summary";

export interface CycleRun {
  lang: Lang;
  model: Model;
  result: CycleResult;
  tasks: TaskPlan | null;
  plan: WorkbookPlan;
  summary: Summary;
  /** Warnings only: a run with errors stops before planning. */
  problems: Problem[];
}

export type CycleOutcome = { ok: true; run: CycleRun } | { ok: false; lang: Lang; problems: Problem[] };

/** Names of the sheets a previous run generated (they carry a marker). */
export function generatedSheetNames(raw: RawWorkbook): Set<string> {
  const names = new Set<string>();
  for (const n of raw.definedNames ?? []) {
    if (!isMarkerName(n.name)) continue;
    const sheet = sheetOfMarkerRef(n.ref);
    if (sheet) names.add(sheet);
  }
  return names;
}

/** Users' edits in the sheets a previous run generated, kept by the next one. */
export function readUserEdits(raw: RawWorkbook): UserEdits {
  const generated = generatedSheetNames(raw);
  const previous: RawWorkbook = { sheets: raw.sheets.filter((s) => generated.has(s.name)) };
  const { en, zh } = GENERATED_SHEETS.improvements;
  return {
    improvements: readImprovementEdits(previous, [en, zh]),
    reviewComments: readReviewComments(previous),
  };
}

/**
 * A planned sheet whose name is taken by a sheet without a marker would overwrite the user's
 * data: that is refused before anything is written (SPEC §8).
 */
export function userSheetClashes(raw: RawWorkbook, plan: WorkbookPlan, lang: Lang): Problem[] {
  const generated = generatedSheetNames(raw);
  const existing = new Map(raw.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  return plan.sheets
    .filter((p) => existing.has(p.name.toLowerCase()) && !generated.has(existing.get(p.name.toLowerCase())!))
    .map((p) => ({
      sheet: existing.get(p.name.toLowerCase())!,
      cell: "A1",
      code: "sheet_is_user_data",
      message: formatMessage("sheet_is_user_data", { sheet: p.name }, lang),
      severity: "error" as const,
    }));
}

export function runCycle(raw: RawWorkbook, opts: LoadOptions = {}): CycleOutcome {
  // Generated sheets are outputs, never inputs: read the workbook without them.
  const generated = generatedSheetNames(raw);
  const inputs: RawWorkbook = { ...raw, sheets: raw.sheets.filter((s) => !generated.has(s.name)) };
  const loaded = loadModel(inputs, opts);
  if (!loaded.model || hasErrors(loaded.problems))
    return { ok: false, lang: loaded.lang, problems: loaded.problems };
  const model = loaded.model;
  const lang = loaded.lang;
  const result = evaluateCycle(model);
  const tasks = planCycleTasks(model);
  const problems = [...loaded.problems, ...locateIssues(inputs, result.issues, lang)];
  if (hasErrors(problems)) return { ok: false, lang, problems };
  const plan = buildReportPlan(makeContext(model, result, tasks, lang, readUserEdits(raw)));
  const clashes = userSheetClashes(raw, plan, lang);
  if (clashes.length) return { ok: false, lang, problems: clashes };
  const summary = buildSummary(model.settings.cycle, result, tasks, problems);
  return { ok: true, run: { lang, model, result, tasks, plan, summary, problems } };
}
