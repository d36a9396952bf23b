/**
 * What the pane shows of a workbook, step by step: the run of the cycle and its problems in
 * the pane's language, the sheets each step writes, and each step's figures (goal checks,
 * task counts, data completeness, grades, an incentives preview). Pure: the numbers all come
 * from the engine (core/) and the pipeline (workbook/); this file only picks and counts.
 */
import { evaluateCycle, type GradeTotal } from "../core/cycle";
import { rollupProgress } from "../core/monitor";
import type { TaskPlan } from "../core/tasks";
import { formatMessage } from "../core/messages";
import { loadModel } from "../workbook/load";
import { generatedSheetNames, readUserEdits, runCycle, type CycleRun } from "../workbook/pipeline";
import type { SheetPlan, WorkbookPlan } from "../workbook/plan";
import { hasErrors, type Problem } from "../workbook/problems";
import type { RawWorkbook } from "../workbook/raw";
import { makeContext } from "../workbook/report/context";
import { monitorProgress } from "../workbook/report/monitor";
import { reviewSheet } from "../workbook/report/review";
import { INPUT_SHEETS, type InputSheetKey, type Lang } from "../workbook/schema";
import { locateIssues } from "../workbook/validate";
import { applyCellEdits, settingCellEdits } from "./settings-edits";

/** The steps of the pane, in the order of the cycle (SPEC §1). */
export const STAGES = ["setup", "goals", "tasks", "data", "evaluate", "incentives", "report"] as const;
export type Stage = (typeof STAGES)[number];

/** A workbook as the pane knows it after a check. */
export interface Analysis {
  raw: RawWorkbook;
  /** In the pane's language: errors stop the run; warnings do not. */
  problems: Problem[];
  /** The run, in the workbook's own language (its sheet names); absent when there are errors. */
  run?: CycleRun;
}

/**
 * Runs the cycle on a raw workbook. The plan keeps the workbook's language (the sheet names
 * a run writes); the problems are given in the pane's, re-checked in that language when the
 * two differ, so every message reads in the language the user chose.
 */
export function analyse(raw: RawWorkbook, lang: Lang, today?: string): Analysis {
  const outcome = runCycle(raw, { today });
  const shown =
    (outcome.ok ? outcome.run.lang : outcome.lang) === lang ? outcome : runCycle(raw, { lang, today });
  const problems = shown.ok ? shown.run.problems : shown.problems;
  return outcome.ok ? { raw, problems, run: outcome.run } : { raw, problems };
}

/** The input sheets each step reads; its problems are the ones found on them. */
const STAGE_INPUTS: Record<Stage, readonly InputSheetKey[]> = {
  setup: [],
  goals: ["strategy", "kpis", "positions", "employees", "decomposition"],
  tasks: ["tasks"],
  data: ["actuals", "feedback"],
  evaluate: ["settings"],
  incentives: ["settings"],
  report: ["survey", "efficiency"],
};

/** The problems located on the input sheets a step reads (sheet names in either language). */
export function stageProblems(problems: readonly Problem[], stage: Stage): Problem[] {
  const names = new Set(
    INPUT_SHEETS.filter((d) => STAGE_INPUTS[stage].includes(d.key)).flatMap((d) => [
      d.en.toLowerCase(),
      d.zh.toLowerCase(),
    ]),
  );
  return problems.filter((p) => names.has(p.sheet.toLowerCase()));
}

/** Problems by sheet, sheets in first-seen order, errors before warnings within a sheet. */
export function problemsBySheet(problems: readonly Problem[]): { sheet: string; problems: Problem[] }[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) groups.set(p.sheet, [...(groups.get(p.sheet) ?? []), p]);
  return [...groups].map(([sheet, list]) => ({
    sheet,
    problems: [...list.filter((p) => p.severity === "error"), ...list.filter((p) => p.severity !== "error")],
  }));
}

/** The kinds of generated sheet each step writes (review forms are `review:<id>`). */
const STAGE_SHEETS: Record<Stage, (kind: string) => boolean> = {
  setup: () => false,
  goals: (k) => k === "goals",
  tasks: (k) => k === "plan" || k === "workload",
  data: (k) => k === "monitor",
  evaluate: (k) => k === "scorecard" || k === "kpiDetail" || k === "improvements" || k.startsWith("review:"),
  incentives: (k) => k === "incentives",
  report: (k) => k === "dashboard" || k === "analysis",
};

/** The text of a sheet's formulas and chart ranges, where references to other sheets live. */
function referenceText(sheet: SheetPlan): string {
  const parts: string[] = [];
  for (const block of sheet.blocks)
    for (const row of block.rows)
      for (const cell of row) {
        const value = typeof cell === "object" && cell !== null && "value" in cell ? cell.value : cell;
        if (typeof value === "object" && value !== null && "formula" in value)
          parts.push(value.formula, value.perf ?? "");
      }
  for (const chart of sheet.charts ?? [])
    for (const s of chart.series) parts.push(s.values.ref, s.categories?.ref ?? "");
  for (const cf of sheet.conditionalFormats ?? [])
    parts.push("formula" in cf ? cf.formula : "", "formulas" in cf ? cf.formulas.join(" ") : "");
  return parts.join("\n");
}

/**
 * The sheets of `plan` that `chosen` selects, plus every planned sheet their formulas or
 * charts refer to (and so on), so a partial write never leaves a formula pointing at a
 * sheet that is not there. Plan order is kept.
 *
 * @example withReferencedSheets(plan, (s) => s.kind === "scorecard") // Scorecard and KPI Detail
 */
export function withReferencedSheets(
  plan: WorkbookPlan,
  chosen: (sheet: SheetPlan) => boolean,
): WorkbookPlan {
  const picked = new Set(plan.sheets.filter(chosen));
  const queue = [...picked];
  while (queue.length > 0) {
    const text = referenceText(queue.pop()!);
    for (const other of plan.sheets) {
      if (picked.has(other)) continue;
      if (text.includes(`'${other.name.replace(/'/g, "''")}'!`)) {
        picked.add(other);
        queue.push(other);
      }
    }
  }
  return { lang: plan.lang, sheets: plan.sheets.filter((s) => picked.has(s)) };
}

/** The sheets a step writes, with the sheets they refer to. */
export function stagePlan(plan: WorkbookPlan, stage: Stage): WorkbookPlan {
  return withReferencedSheets(plan, (s) => STAGE_SHEETS[stage](s.kind));
}

/** One person's review form (any employee, also beyond review_limit), with what it refers to. */
export function reviewPlan(analysis: Analysis, employeeId: string): WorkbookPlan | undefined {
  const run = analysis.run;
  const employee = run?.result.employees.find((e) => e.id === employeeId);
  if (!run || !employee) return undefined;
  const ctx = makeContext(run.model, run.result, run.tasks, run.lang, readUserEdits(analysis.raw));
  const sheet = reviewSheet(ctx, employee);
  return withReferencedSheets(
    { lang: run.plan.lang, sheets: [sheet, ...run.plan.sheets.filter((s) => s.name !== sheet.name)] },
    (s) => s === sheet,
  );
}

export interface GoalCounts {
  strategyGoals: number;
  kpis: number;
  positions: number;
  employees: number;
  /** Employee × KPI lines of the scorecards the cascade produced. */
  scorecardLines: number;
}

export function goalCounts(run: CycleRun): GoalCounts {
  return {
    strategyGoals: run.model.goals.length,
    kpis: run.model.kpis.length,
    positions: run.model.positions.length,
    employees: run.model.employees.length,
    scorecardLines: run.result.kpis.length,
  };
}

export interface TaskCounts {
  total: number;
  assigned: number;
  overCapacity: number;
  unassigned: number;
  atRisk: number;
  /** Why each unassigned task is, in the pane's language. */
  unassignedWhy: { taskId: string; message: string }[];
}

/** Counts of the task plan (SPEC §7); null without a period to plan in. */
export function taskCounts(tasks: TaskPlan | null, lang: Lang): TaskCounts | null {
  if (!tasks) return null;
  const unassigned = tasks.tasks.filter((t) => t.assignee === null);
  return {
    total: tasks.tasks.length,
    assigned: tasks.tasks.length - unassigned.length,
    overCapacity: tasks.tasks.filter((t) => t.overCapacity).length,
    unassigned: unassigned.length,
    atRisk: tasks.tasks.filter((t) => t.atRisk).length,
    unassignedWhy: unassigned.map((t) => ({
      taskId: t.taskId,
      message: t.reason ? formatMessage(t.reason.code, t.reason.params, lang) : t.taskId,
    })),
  };
}

export interface DataCompleteness {
  employees: number;
  actualsPresent: number;
  actualsExpected: number;
  actualsComplete: number;
  feedbackSufficient: number;
  /** People with an expected rater group short of raters, and which groups. */
  short: { employeeId: string; name: string; groups: string[] }[];
}

/** How complete the data is, as the Monitor sheet counts it (core/monitor). */
export function dataCompleteness(analysis: Analysis): DataCompleteness | null {
  const run = analysis.run;
  if (!run) return null;
  const ctx = makeContext(run.model, run.result, run.tasks, run.lang, readUserEdits(analysis.raw));
  const progress = monitorProgress(ctx);
  const all = rollupProgress(null, progress);
  return {
    employees: all.employees,
    actualsPresent: progress.reduce((n, p) => n + p.actualsPresent, 0),
    actualsExpected: progress.reduce((n, p) => n + p.actualsExpected, 0),
    actualsComplete: all.actualsComplete.count,
    feedbackSufficient: all.feedbackSufficient.count,
    short: progress
      .filter((p) => p.shortGroups.length > 0)
      .map((p) => ({ employeeId: p.employeeId, name: p.name, groups: p.shortGroups })),
  };
}

export type IncentivePreview =
  | { ok: true; pool: number | null; allocated: number; byGrade: GradeTotal[]; currency: string }
  | { ok: false; problems: Problem[] };

/**
 * The incentives the workbook would give with these settings (key → text as typed), before
 * anything is written: the settings go into a copy of the raw workbook and are read, checked
 * and evaluated exactly as a run would.
 */
export function previewIncentives(
  raw: RawWorkbook,
  values: Record<string, string>,
  lang: Lang,
  today?: string,
): IncentivePreview {
  const edits = settingCellEdits(raw, values) ?? [];
  const generated = generatedSheetNames(raw);
  const edited = applyCellEdits(raw, edits);
  const inputs: RawWorkbook = { ...edited, sheets: edited.sheets.filter((s) => !generated.has(s.name)) };
  const loaded = loadModel(inputs, { lang, today });
  if (!loaded.model || hasErrors(loaded.problems))
    return { ok: false, problems: loaded.problems.filter((p) => p.severity === "error") };
  const result = evaluateCycle(loaded.model);
  const errors = locateIssues(inputs, result.issues, lang).filter((p) => p.severity === "error");
  if (errors.length > 0) return { ok: false, problems: errors };
  const { pool, allocated, byGrade } = result.incentives;
  return { ok: true, pool, allocated, byGrade, currency: loaded.model.settings.currency };
}

/** The incentive settings as the pane edits them: pool text and a coefficient text per grade. */
export interface IncentiveSettings {
  pool: string;
  coefficients: [grade: string, value: string][];
}

/** The run's current incentive settings, grades best first (those without a coefficient show 0). */
export function incentiveSettings(run: CycleRun): IncentiveSettings {
  const s = run.model.settings;
  const grades = s.grades.map((g) => g.grade);
  for (const grade of Object.keys(s.coefficients)) if (!grades.includes(grade)) grades.push(grade);
  return {
    pool: s.bonusPool === undefined ? "" : String(s.bonusPool),
    coefficients: grades.map((g) => [g, String(s.coefficients[g] ?? 0)]),
  };
}
