/**
 * The Monitor sheet (SPEC §1 stage 3): where the cycle stands on the `as_of` date — the four
 * stages against their deadlines, a roll-up per department, a chart of data collection, and
 * one row per employee saying what is still missing. The figures come from core/monitor; this
 * file only maps the cycle onto it and lays the answers out.
 */
import type { BlockPlan, CellPlan, ChartPlan, ConditionalFormatPlan, PlainValue, SheetPlan } from "../plan";
import type { Relationship } from "../../core/vocabulary";
import { RELATIONSHIPS } from "../../core/vocabulary";
import {
  cycleStages,
  departmentRollup,
  employeeProgress,
  expectedRaterGroups,
  rollupProgress,
  type EmployeeProgress,
  type ProgressRollup,
  type StageKey,
  type StageState,
  type StageStatus,
} from "../../core/monitor";
import type { ReportContext } from "./context";
import type { LabelKey } from "./labels";
import { cellAt, columnRange, quoted, rectRange, styled, titleBlock } from "./common";
import { HEADER_HEIGHT, textLines } from "./analysis";

const STAGE_LABEL: Record<StageKey, LabelKey> = {
  goals: "stage_goals",
  data: "stage_data",
  review: "stage_review",
  feedback: "stage_feedback",
};

const STATE_LABEL: Record<StageState, LabelKey> = {
  done: "stageDone",
  open: "stageOpen",
  overdue: "stageOverdue",
};

/** Fill and font per stage state: green done, grey open, red overdue. */
const STATE_COLORS: Record<StageState, { fill: string; font: string }> = {
  done: { fill: "C6EFCE", font: "006100" },
  open: { fill: "E7E6E6", font: "404040" },
  overdue: { fill: "FFC7CE", font: "9C0006" },
};

export const RELATIONSHIP_LABEL: Record<Relationship, LabelKey> = {
  self: "self",
  manager: "manager_rel",
  peer: "peer",
  subordinate: "subordinate",
  customer: "customer",
};

/** Column numbers (1-based) of the per-employee table. */
export const MONITOR_EMPLOYEE = {
  employeeId: 1,
  name: 2,
  department: 3,
  actuals: 4,
  kpisSet: 5,
  /** First of the five rater columns, in RELATIONSHIPS order. */
  raters: 6,
  reviewForm: 11,
  comment: 12,
  complete: 13,
  shortGroups: 14,
} as const;

/** Column widths; the per-employee table is the widest. */
const WIDTHS = [20, 16, 18, 12, 9, 12, 9, 9, 13, 10, 11, 11, 10, 30];

/** Column numbers of the department roll-up. */
export const MONITOR_DEPARTMENT = {
  department: 1,
  employees: 2,
  goalsSet: 3,
  actualsComplete: 4,
  actualsCoverage: 5,
  feedbackSufficient: 6,
  reviewsGenerated: 7,
  commentsPresent: 8,
  complete: 9,
} as const;

/**
 * Each employee's progress, in the Employees sheet's order. Expected actuals = the KPIs on
 * the scorecard; a review form exists for the first `review_limit` people (the report writes
 * forms up to that limit); a manager comment counts when the form holds a non-blank one.
 */
export function monitorProgress(ctx: ReportContext): EmployeeProgress[] {
  const s = ctx.model.settings;
  const managers = new Set(ctx.model.employees.map((e) => e.managerId).filter((id) => id !== undefined));
  const kpisOf = new Map<string, { present: number; expected: number }>();
  for (const k of ctx.result.kpis) {
    const counts = kpisOf.get(k.employeeId) ?? { present: 0, expected: 0 };
    counts.expected += 1;
    if (k.actual !== null) counts.present += 1;
    kpisOf.set(k.employeeId, counts);
  }
  return ctx.result.employees.map((e, index) => {
    const kpis = kpisOf.get(e.id) ?? { present: 0, expected: 0 };
    return employeeProgress({
      employeeId: e.id,
      name: e.name,
      department: e.department,
      kpiCount: kpis.expected,
      actualsPresent: kpis.present,
      actualsExpected: kpis.expected,
      ratersByGroup: expectedRaterGroups({
        raters: e.ratersByGroup,
        groupWeights: s.groupWeights,
        hasManager: e.managerId !== undefined,
        hasReports: managers.has(e.id),
      }),
      minRaters: s.minRaters,
      reviewGenerated: index < s.reviewLimit,
      managerCommentPresent: (ctx.edits.reviewComments.get(e.id) ?? "").trim() !== "",
    });
  });
}

/** The stage table: deadlines from Settings, done when every employee has finished the stage. */
export function monitorStages(ctx: ReportContext, progress: readonly EmployeeProgress[]): StageStatus[] {
  const s = ctx.model.settings;
  return cycleStages(
    {
      goals: s.stageGoalsDue ?? null,
      data: s.stageDataDue ?? null,
      review: s.stageReviewDue ?? null,
      feedback: s.stageFeedbackDue ?? null,
    },
    progress,
    s.asOf,
  );
}

/** How many people finished a stage, for the "People done" column. */
function peopleDone(stage: StageKey, all: ProgressRollup): number {
  const counts: Record<StageKey, number> = {
    goals: all.goalsSet.count,
    data: all.actualsComplete.count,
    review: all.reviewsGenerated.count,
    feedback: all.commentsPresent.count,
  };
  return counts[stage];
}

/** Conditional fills for cells holding one of `words`: the first green, the second red. */
function yesNoFormats(ref: string, yes: string, no: string): ConditionalFormatPlan[] {
  return [
    { ref, type: "cellIs", operator: "equal", formulas: [quoted(yes)], fill: "C6EFCE", font: "006100" },
    { ref, type: "cellIs", operator: "equal", formulas: [quoted(no)], fill: "FFC7CE", font: "9C0006" },
  ];
}

export function monitorSheet(ctx: ReportContext): SheetPlan {
  const { t, model } = ctx;
  const s = model.settings;
  const name = ctx.sheet("monitor");
  const progress = monitorProgress(ctx);
  const stages = monitorStages(ctx, progress);
  const departments = departmentRollup(progress);
  const all = rollupProgress(null, progress);
  const yes = t("flagYes");
  const no = t("flagNo");
  const flag = (b: boolean) => (b ? yes : no);

  const blocks: BlockPlan[] = [
    titleBlock(`${t("monitorTitle")} — ${s.cycle}`, `${t("cycle")}: ${s.cycle} · ${t("asOf")} ${s.asOf}`),
  ];
  const conditionalFormats: ConditionalFormatPlan[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};

  // Stages.
  const stageHeader = 5;
  rowHeights[stageHeader] = HEADER_HEIGHT;
  blocks.push({ at: cellAt(stageHeader - 1, 1), rows: [[styled(t("stagesSection"), "heading")]] });
  blocks.push({
    at: cellAt(stageHeader, 1),
    headerStyle: "header",
    rows: [
      [t("stage"), t("due"), t("status"), t("peopleDone"), t("daysOverdue")],
      ...stages.map((st): CellPlan[] => [
        styled(t(STAGE_LABEL[st.key]), "label"),
        st.due === null ? null : { date: st.due },
        styled(t(STATE_LABEL[st.status]), "text"),
        `${peopleDone(st.key, all)}/${all.employees}`,
        st.status === "overdue" ? st.daysOverdue : null,
      ]),
    ],
    columnStyles: ["label", "date", "text", "text", "integer"],
  });
  const statusRef = rectRange(stageHeader + 1, 3, stageHeader + stages.length, 3);
  for (const state of ["done", "open", "overdue"] as const) {
    conditionalFormats.push({
      ref: statusRef,
      type: "cellIs",
      operator: "equal",
      formulas: [quoted(t(STATE_LABEL[state]))],
      fill: STATE_COLORS[state].fill,
      font: STATE_COLORS[state].font,
    });
  }

  // Department roll-up: shares of each department's people, whole cycle last.
  const deptHeader = stageHeader + stages.length + 3;
  const deptFirst = deptHeader + 1;
  const deptLast = deptHeader + departments.length;
  const rollupRow = (r: ProgressRollup): PlainValue[] => [
    r.department ?? t("wholeCycle"),
    r.employees,
    r.goalsSet.share,
    r.actualsComplete.share,
    r.actualsCoverage,
    r.feedbackSufficient.share,
    r.reviewsGenerated.share,
    r.commentsPresent.share,
    r.complete.share,
  ];
  rowHeights[deptHeader] = HEADER_HEIGHT;
  blocks.push({ at: cellAt(deptHeader - 1, 1), rows: [[styled(t("byDepartment"), "heading")]] });
  blocks.push({
    at: cellAt(deptHeader, 1),
    headerStyle: "header",
    rows: [
      [
        t("department"),
        t("employees"),
        t("goalsSet"),
        t("actualsComplete"),
        t("actualsCoverage"),
        t("feedbackSufficient"),
        t("reviewForm"),
        t("commentGiven"),
        t("complete"),
      ],
      ...departments.map(rollupRow),
    ],
    columnStyles: [
      "text",
      "integer",
      "percent",
      "percent",
      "percent",
      "percent",
      "percent",
      "percent",
      "percent",
    ],
  });
  const totalRow = deptLast + 1;
  blocks.push({
    at: cellAt(totalRow, 1),
    rows: [rollupRow(all).map((v, i) => styled(v, i === 0 ? "total" : i === 1 ? "integer" : "percent"))],
  });
  if (departments.length > 0) {
    conditionalFormats.push({
      ref: rectRange(deptFirst, MONITOR_DEPARTMENT.goalsSet, totalRow, MONITOR_DEPARTMENT.complete),
      type: "dataBar",
      color: "63BE7B",
      min: 0,
      max: 1,
    });
  }

  // Chart: share of people with all actuals in, per department.
  const chartTop = totalRow + 2;
  const CHART_ROWS = 15;
  const charts: ChartPlan[] = [];
  if (departments.length > 0) {
    charts.push({
      type: "column",
      title: t("actualsChart"),
      anchor: `A${chartTop}:H${chartTop + CHART_ROWS - 1}`,
      series: [
        {
          name: t("actualsComplete"),
          categories: {
            ref: columnRange(name, MONITOR_DEPARTMENT.department, deptFirst, deptLast),
            cache: departments.map((d) => d.department ?? ""),
          },
          values: {
            ref: columnRange(name, MONITOR_DEPARTMENT.actualsComplete, deptFirst, deptLast),
            cache: departments.map((d) => d.actualsComplete.share ?? NaN),
          },
          color: "1F4E79",
        },
      ],
      dataLabels: true,
    });
  }

  // Per employee.
  const empHeader = chartTop + (charts.length ? CHART_ROWS + 2 : 0);
  const empFirst = empHeader + 1;
  const empLast = Math.max(empFirst, empHeader + progress.length);
  rowHeights[empHeader] = HEADER_HEIGHT;
  blocks.push({ at: cellAt(empHeader - 1, 1), rows: [[styled(t("byEmployee"), "heading")]] });
  blocks.push({
    at: cellAt(empHeader, 1),
    headerStyle: "header",
    rows: [
      [
        t("employeeId"),
        t("name"),
        t("department"),
        t("actualsInOf"),
        t("kpisSet"),
        ...RELATIONSHIPS.map((r) => t(RELATIONSHIP_LABEL[r])),
        t("reviewForm"),
        t("commentGiven"),
        t("complete"),
        t("shortGroups"),
      ],
      ...progress.map((p) => employeeRow(ctx, p, flag)),
    ],
    columnStyles: [
      "id",
      "text",
      "text",
      "text",
      "integer",
      "integer",
      "integer",
      "integer",
      "integer",
      "integer",
    ],
  });
  if (progress.length > 0) {
    conditionalFormats.push(
      {
        ref: rectRange(empFirst, MONITOR_EMPLOYEE.kpisSet, empLast, MONITOR_EMPLOYEE.kpisSet),
        type: "cellIs",
        operator: "equal",
        formulas: ["0"],
        fill: "FFC7CE",
        font: "9C0006",
      },
      ...yesNoFormats(
        rectRange(empFirst, MONITOR_EMPLOYEE.reviewForm, empLast, MONITOR_EMPLOYEE.complete),
        yes,
        no,
      ),
    );
  }

  const notes = [t("ratersNote", { min: s.minRaters }), t("reviewFormNote", { limit: s.reviewLimit })];
  textLines(notes, empLast + 2, WIDTHS, "note", { blocks, merges, rowHeights });

  return {
    name,
    kind: "monitor",
    generated: true,
    tabColor: "70AD47",
    blocks,
    columns: WIDTHS.map((width) => ({ width })),
    merges,
    rowHeights,
    conditionalFormats,
    charts,
    print: { orientation: "landscape", fitToWidth: true },
  };
}

/** One employee's row: counts and flags, short rater groups in red, groups not expected blank. */
function employeeRow(ctx: ReportContext, p: EmployeeProgress, flag: (b: boolean) => string): CellPlan[] {
  const { t } = ctx;
  const byGroup = new Map(p.raterGroups.map((g) => [g.relationship, g]));
  const raters = RELATIONSHIPS.map((r): CellPlan => {
    const g = byGroup.get(r);
    if (!g) return null;
    return g.short ? styled(g.raters, "bad") : g.raters;
  });
  const list = p.shortGroups.map((r) => t(RELATIONSHIP_LABEL[r])).join(ctx.lang === "zh-CN" ? "、" : ", ");
  return [
    p.employeeId,
    p.name,
    p.department,
    p.actualsComplete ? p.actualsText : styled(p.actualsText, "bad"),
    p.kpiCount,
    ...raters,
    flag(p.reviewGenerated),
    flag(p.managerCommentPresent),
    flag(p.complete),
    list === "" ? null : styled(list, "bad"),
  ];
}
