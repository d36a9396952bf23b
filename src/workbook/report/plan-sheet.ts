/**
 * The Plan sheet (SPEC §7): every task in priority order with its quadrant (a live QUADRANT
 * formula over its importance and urgency), assignee, project lead, effort, dates, flags and,
 * for an unassigned task, why. To the right, a week-by-week Gantt band drawn by conditional
 * formats only, so the bars follow the start and end cells if a user edits them.
 */
import type { Task } from "../../core/model";
import { formatMessage } from "../../core/messages";
import type { PlannedTask, Quadrant, TaskPlan } from "../../core/tasks";
import { dayNumber, isoDate } from "../../core/workdays";
import { localWord, normalizeWord } from "../../core/vocabulary";
import type { CellPlan, ConditionalFormatPlan, SheetPlan } from "../plan";
import type { StyleName } from "../styles";
import type { LabelKey } from "./labels";
import type { ReportContext } from "./context";
import {
  TITLE_ROWS,
  cellAt,
  oneText,
  orBlank,
  perfFormula,
  quoted,
  rectRange,
  styled,
  titleBlock,
} from "./common";

const HEADER_ROW = TITLE_ROWS + 1;
const FIRST = HEADER_ROW + 1;
/** Excel row of the first task (the Workload sheet counts quadrants over the task rows). */
export const PLAN_FIRST_ROW = FIRST;

type PlanColumn =
  | "taskId"
  | "name"
  | "quadrant"
  | "priority"
  | "source"
  | "kpi"
  | "assigneeId"
  | "assignee"
  | "project"
  | "projectLead"
  | "status"
  | "atRisk"
  | "overCapacity"
  | "reason"
  | "importance"
  | "urgency"
  | "effort"
  | "due"
  | "start"
  | "end";

/**
 * The task list's columns in sheet order: header label, column style and width. Numbers and
 * dates come last, right-aligned together next to the band they drive.
 */
const COLUMNS: readonly { key: PlanColumn; label: LabelKey; style: StyleName; width: number }[] = [
  { key: "taskId", label: "taskId", style: "id", width: 8 },
  { key: "name", label: "taskName", style: "text", width: 26 },
  { key: "quadrant", label: "quadrant", style: "text", width: 10 },
  { key: "priority", label: "priority", style: "text", width: 9 },
  { key: "source", label: "taskSource", style: "text", width: 9 },
  { key: "kpi", label: "linkedKpi", style: "id", width: 8 },
  { key: "assigneeId", label: "assigneeId", style: "id", width: 9 },
  { key: "assignee", label: "assignee", style: "text", width: 11 },
  { key: "project", label: "project", style: "text", width: 12 },
  { key: "projectLead", label: "projectLead", style: "text", width: 11 },
  { key: "status", label: "status", style: "text", width: 9 },
  { key: "atRisk", label: "atRisk", style: "text", width: 7 },
  { key: "overCapacity", label: "overCapacity", style: "text", width: 9 },
  { key: "reason", label: "unassignedReason", style: "wrap", width: 22 },
  { key: "importance", label: "importance", style: "integer", width: 11 },
  { key: "urgency", label: "urgency", style: "integer", width: 8 },
  { key: "effort", label: "effortHours", style: "number", width: 8 },
  { key: "due", label: "due", style: "date", width: 11 },
  { key: "start", label: "start", style: "date", width: 11 },
  { key: "end", label: "end", style: "date", width: 11 },
];

/** Column numbers (1-based) of the task list; the Gantt band starts right after the last. */
export const PLAN = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i + 1])) as Record<PlanColumn, number>;

const LAST_COLUMN = COLUMNS.length;
const FIRST_WEEK_COLUMN = LAST_COLUMN + 1;
const WEEK_WIDTH = 5.5;
/** Two years of weeks at most: a plan that runs longer is cut at the right, not the sheet. */
const MAX_WEEKS = 104;

const QUADRANTS: readonly Quadrant[] = ["Q1", "Q2", "Q3", "Q4"];
const BAR_FILL = "5B87B5";
const AT_RISK_FILL = "FFC7CE";

/**
 * Mondays of the weeks from the one holding `first` to the one holding `last`, at most `max`.
 *
 * @example weekStarts("2025-07-01", "2025-07-14") // ["2025-06-30", "2025-07-07", "2025-07-14"]
 */
export function weekStarts(first: string, last: string, max = MAX_WEEKS): string[] {
  const monday = (iso: string) => {
    const day = dayNumber(iso);
    // Day 0 (1970-01-01) was a Thursday, so (day + 3) mod 7 counts days since Monday.
    return day - ((((day + 3) % 7) + 7) % 7);
  };
  const weeks: string[] = [];
  for (let day = monday(first); day <= dayNumber(last) && weeks.length < max; day += 7)
    weeks.push(isoDate(day));
  return weeks;
}

/** `DATE(2025,7,6)`: a date constant for a formula, independent of the locale's date format. */
export function dateConstant(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `DATE(${y},${m},${d})`;
}

/** `07-06`: the short header of a week column (the subtitle gives the period's years). */
function weekLabel(iso: string): string {
  return iso.slice(5);
}

function subtitle(ctx: ReportContext, plan: TaskPlan | null): string {
  const s = ctx.model.settings;
  const period = plan
    ? ` · ${ctx.t("period")} ${plan.settings.periodStart} – ${plan.settings.periodEnd}`
    : "";
  return `${ctx.t("cycle")}: ${s.cycle}${period} · ${ctx.t("generatedOn")} ${s.asOf}`;
}

/** A sheet that only says why there is no plan (still generated, so it is replaced next time). */
function explanationSheet(
  ctx: ReportContext,
  kind: "plan" | "workload",
  title: string,
  why: string,
): SheetPlan {
  return {
    name: ctx.sheet(kind),
    kind,
    generated: true,
    blocks: [
      titleBlock(title, subtitle(ctx, ctx.tasks)),
      { at: cellAt(HEADER_ROW, 1), rows: [[styled(why, "note")]] },
    ],
    columns: [{ width: 90 }],
    print: { orientation: "portrait", fitToWidth: true },
  };
}

/** Why there is nothing to plan, or null when there is a plan with tasks. */
export function noPlanReason(ctx: ReportContext): string | null {
  if (ctx.tasks === null) return ctx.t("noPeriod");
  if (ctx.tasks.tasks.length === 0) return ctx.t("noTasks");
  return null;
}

/** The explanation sheet for `kind` when there is no plan, else null. */
export function emptyTaskSheet(
  ctx: ReportContext,
  kind: "plan" | "workload",
  title: string,
): SheetPlan | null {
  const why = noPlanReason(ctx);
  return why === null ? null : explanationSheet(ctx, kind, title, why);
}

/** Text of a true flag; blank for false, so a filter on the column shows the flagged rows. */
function flag(ctx: ReportContext, on: boolean, style: "bad" | "warn"): CellPlan {
  return on ? styled(ctx.t("yes"), style) : null;
}

/** `CHOOSE(VALUE(RIGHT(C5,1)),"Do first",…)`: the quadrant's meaning, following the live quadrant cell. */
function priorityCell(ctx: ReportContext, quadrantCell: string, quadrant: Quadrant): CellPlan {
  const words = QUADRANTS.map((q) => quoted(ctx.t(q))).join(",");
  return { formula: oneText`CHOOSE(VALUE(RIGHT(${quadrantCell},1)),${words})`, result: ctx.t(quadrant) };
}

function taskRow(
  ctx: ReportContext,
  plan: TaskPlan,
  planned: PlannedTask,
  task: Task | undefined,
  row: number,
  leads: Map<string, string | null>,
  names: Map<string, string>,
): CellPlan[] {
  const quadrantCell = cellAt(row, PLAN.quadrant);
  const quadrant: CellPlan = task
    ? perfFormula(
        "QUADRANT",
        [
          cellAt(row, PLAN.importance),
          cellAt(row, PLAN.urgency),
          String(plan.settings.importantMin),
          String(plan.settings.urgentMin),
        ],
        planned.quadrant,
      )
    : planned.quadrant;
  const lead = planned.project === null ? null : (leads.get(normalizeWord(planned.project)) ?? null);
  const date = (iso: string | null): CellPlan => (iso === null ? null : { date: iso });
  const cells: Record<PlanColumn, CellPlan> = {
    taskId: planned.taskId,
    name: orBlank(planned.name),
    quadrant,
    priority: priorityCell(ctx, quadrantCell, planned.quadrant),
    source: task?.taskSource ? localWord(task.taskSource, ctx.lang) : null,
    kpi: orBlank(task?.kpiId),
    assigneeId: orBlank(planned.assignee),
    assignee: planned.assignee === null ? null : (names.get(planned.assignee) ?? null),
    project: orBlank(planned.project),
    projectLead: lead === null ? null : (names.get(lead) ?? lead),
    status: orBlank(task?.status),
    atRisk: flag(ctx, planned.atRisk, "bad"),
    overCapacity: flag(ctx, planned.overCapacity, "warn"),
    reason: planned.reason ? formatMessage(planned.reason.code, planned.reason.params, ctx.lang) : null,
    importance: orBlank(task?.importance),
    urgency: orBlank(task?.urgency),
    effort: planned.effortHours,
    due: date(planned.due),
    start: date(planned.start),
    end: date(planned.end),
  };
  return COLUMNS.map((c) => cells[c.key]);
}

/**
 * One expression rule per week column: the cell fills when the row's [start, end] overlaps
 * the week (Monday to Sunday). Start and end are row-relative, the week is a constant, so
 * the rule reads the same in every row. A blank start or end (an unassigned task) never fills.
 *
 * @example ganttRule(21, 5, 9, "2025-07-07")
 * // { ref: "U5:U9", formula: "AND($S5<=DATE(2025,7,13),$T5>=DATE(2025,7,7))", … }
 */
export function ganttRule(
  col: number,
  first: number,
  last: number,
  weekStart: string,
): ConditionalFormatPlan {
  const weekEnd = isoDate(dayNumber(weekStart) + 6);
  const start = `$${cellAt(first, PLAN.start)}`;
  const end = `$${cellAt(first, PLAN.end)}`;
  return {
    ref: rectRange(first, col, last, col),
    type: "expression",
    formula: `AND(${start}<=${dateConstant(weekEnd)},${end}>=${dateConstant(weekStart)})`,
    fill: BAR_FILL,
  };
}

export function planSheet(ctx: ReportContext): SheetPlan {
  const { t, model } = ctx;
  const title = `${t("planTitle")} — ${model.settings.cycle}`;
  const empty = emptyTaskSheet(ctx, "plan", title);
  if (empty !== null || ctx.tasks === null) return empty as SheetPlan;
  const plan = ctx.tasks;

  const tasksById = new Map(model.tasks.map((task) => [task.id, task]));
  const names = new Map(model.employees.map((e) => [e.id, e.name]));
  const leads = new Map(plan.projects.map((p) => [normalizeWord(p.project), p.lead]));
  const last = FIRST + plan.tasks.length - 1;

  // The band runs from the period's first week to the week of the latest end (tasks may overrun the period).
  const ends = plan.tasks.flatMap((p) => (p.end === null ? [] : [p.end]));
  const lastDay = ends.reduce((latest, end) => (end > latest ? end : latest), plan.settings.periodEnd);
  const weeks = weekStarts(plan.settings.periodStart, lastDay);
  const lastBandColumn = FIRST_WEEK_COLUMN + weeks.length - 1;

  const header: CellPlan[] = [...COLUMNS.map((c) => t(c.label)), ...weeks.map(weekLabel)];
  const rows = plan.tasks.map((planned, i) =>
    taskRow(ctx, plan, planned, tasksById.get(planned.taskId), FIRST + i, leads, names),
  );
  const atRiskCell = `$${cellAt(FIRST, PLAN.atRisk)}`;
  const s = plan.settings;
  const notes = [
    t("planSettings", {
      importantMin: s.importantMin,
      urgentMin: s.urgentMin,
      buffer: `${Math.round(s.buffer * 1000) / 10}%`,
      dailyHours: s.dailyHours,
    }),
    t("ganttNote"),
  ];

  return {
    name: ctx.sheet("plan"),
    kind: "plan",
    generated: true,
    tabColor: "5B87B5",
    blocks: [
      titleBlock(title, subtitle(ctx, plan)),
      {
        at: cellAt(HEADER_ROW, 1),
        rows: [header, ...rows],
        headerStyle: "header",
        columnStyles: COLUMNS.map((c) => c.style),
      },
      { at: cellAt(last + 2, 1), rows: notes.map((n) => [styled(n, "subtitle")]) },
    ],
    columns: [...COLUMNS.map((c) => c.width), ...weeks.map(() => WEEK_WIDTH)].map((width) => ({ width })),
    rowHeights: { [HEADER_ROW]: 30 },
    freeze: { rows: HEADER_ROW, cols: PLAN.name },
    tables: [
      { name: "PerfPlan", ref: rectRange(HEADER_ROW, 1, last, LAST_COLUMN), style: "TableStyleLight9" },
    ],
    conditionalFormats: [
      // Bars first: where two rules fill the same cell, the earlier one wins.
      ...weeks.map((week, i) => ganttRule(FIRST_WEEK_COLUMN + i, FIRST, last, week)),
      {
        ref: rectRange(FIRST, 1, last, lastBandColumn),
        type: "expression",
        formula: `${atRiskCell}<>""`,
        fill: AT_RISK_FILL,
      },
    ],
    print: { orientation: "landscape", fitToWidth: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
  };
}
