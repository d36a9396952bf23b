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
import { buildPlan, type DeferredPlan, type WorkbookPlan } from "./plan";
import { hasErrors, type Problem } from "./problems";
import type { RawWorkbook } from "./raw";
import { deferReportPlan } from "./report";
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
  /** The review workbook, each sheet built when asked (a host writing sheet by sheet). */
  deferredPlan: DeferredPlan;
  /** The review workbook with every sheet built, on first use. */
  readonly plan: WorkbookPlan;
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
export function userSheetClashes(
  raw: RawWorkbook,
  plan: { sheets: readonly { name: string }[] },
  lang: Lang,
): Problem[] {
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
  return runCycleReleasing({ raw }, opts);
}

/** What planning needs of the raw workbook once the cycle is computed: no cells but users' edits. */
interface Computed {
  lang: Lang;
  model: Model;
  result: CycleResult;
  tasks: TaskPlan | null;
  problems: Problem[];
  edits: UserEdits;
  /** The workbook's sheet names and defined names only (for the clash check). */
  shape: RawWorkbook;
}

/** Validation, the cycle, located issues and users' edits: everything that reads cells. */
function computeCycle(
  raw: RawWorkbook,
  opts: LoadOptions,
): { ok: false; lang: Lang; problems: Problem[] } | Computed {
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
  const shape: RawWorkbook = {
    sheets: raw.sheets.map((s) => ({ name: s.name, rows: [] })),
    definedNames: raw.definedNames,
  };
  return { lang, model, result, tasks, problems, edits: readUserEdits(raw), shape };
}

/**
 * `runCycle` for a caller that hands over its only reference to the raw workbook (`source.raw`):
 * the cells are let go once they are read (model, located issues, users' edits), before the
 * review workbook is planned, which is the largest allocation of a run (at 50,000 employees the
 * cells are about 0.5 GB). The outcome is the same as `runCycle`'s. The plan's sheets are built
 * when asked (`run.deferredPlan`) or all together on first use of `run.plan`.
 */
export function runCycleReleasing(source: { raw?: RawWorkbook }, opts: LoadOptions = {}): CycleOutcome {
  if (!source.raw) throw new Error("runCycleReleasing: no raw workbook");
  const computed = computeCycle(source.raw, opts);
  delete source.raw;
  if ("ok" in computed) return computed;
  const { lang, model, result, tasks, problems } = computed;
  const deferredPlan = deferReportPlan(makeContext(model, result, tasks, lang, computed.edits));
  const clashes = userSheetClashes(computed.shape, deferredPlan, lang);
  if (clashes.length) return { ok: false, lang, problems: clashes };
  const summary = buildSummary(model.settings.cycle, result, tasks, problems);
  let built: WorkbookPlan | undefined;
  const run: CycleRun = {
    lang,
    model,
    result,
    tasks,
    deferredPlan,
    get plan() {
      return (built ??= buildPlan(deferredPlan));
    },
    summary,
    problems,
  };
  return { ok: true, run };
}
