/**
 * The Scorecard (one row per employee) and KPI Detail (employee × KPI) sheets. KPI scores,
 * final scores, ranks and threshold grades are live formulas over the detail rows, each
 * cached with the engine's value; bonuses and honours are the engine's decisions.
 */
import type { CellPlan, ConditionalFormatPlan, SheetPlan } from "../plan";
import { GRADE_COLORS } from "../styles";
import { localWord } from "../../core/vocabulary";
import type { ReportContext } from "./context";
import {
  TITLE_ROWS,
  cellAt,
  columnRange,
  oneText,
  perfFormula,
  quoted,
  rectRange,
  styled,
  titleBlock,
  orBlank,
} from "./common";
import type { KpiResult } from "../../core/cycle";

const HEADER_ROW = TITLE_ROWS + 1;
const FIRST = HEADER_ROW + 1;

/** Column numbers (1-based) of KPI Detail, shared with the Scorecard's formulas. */
export const DETAIL = {
  employeeId: 1,
  name: 2,
  department: 3,
  kpiId: 4,
  kpi: 5,
  direction: 6,
  target: 7,
  threshold: 8,
  stretch: 9,
  actual: 10,
  weight: 11,
  score: 12,
} as const;

export const SCORECARD = {
  employeeId: 1,
  name: 2,
  department: 3,
  position: 4,
  kpiScore: 5,
  feedbackScore: 6,
  finalScore: 7,
  rank: 8,
  grade: 9,
  bonus: 10,
  honours: 11,
} as const;

function subtitle(ctx: ReportContext): string {
  const s = ctx.model.settings;
  const period =
    s.periodStart && s.periodEnd ? ` · ${ctx.t("period")} ${s.periodStart} – ${s.periodEnd}` : "";
  return `${ctx.t("cycle")}: ${s.cycle}${period} · ${ctx.t("generatedOn")} ${s.asOf}`;
}

/** A KPI's score cell: the SCORE formula over its own row, or the engine's value when no formula applies. */
function scoreCell(ctx: ReportContext, k: KpiResult, row: number): CellPlan {
  const s = ctx.model.settings;
  // PERF.SCORE fixes the threshold score at 60; another setting is shown as the engine's value.
  if (k.actual === null || k.score === null || s.thresholdScore !== 60) return orBlank(k.score);
  return perfFormula(
    "SCORE",
    [
      cellAt(row, DETAIL.actual),
      cellAt(row, DETAIL.target),
      quoted(k.direction),
      k.threshold === undefined ? null : cellAt(row, DETAIL.threshold),
      k.stretch === undefined ? null : cellAt(row, DETAIL.stretch),
      String(s.maxScore),
    ],
    k.score,
  );
}

export function kpiDetailSheet(ctx: ReportContext): SheetPlan {
  const { t, result } = ctx;
  const names = new Map(result.employees.map((e) => [e.id, e]));
  const header = [
    t("employeeId"),
    t("name"),
    t("department"),
    t("kpiId"),
    t("kpi"),
    t("direction"),
    t("target"),
    t("threshold"),
    t("stretch"),
    t("actual"),
    t("weight"),
    t("score"),
  ];
  const rows: CellPlan[][] = result.kpis.map((k, i) => {
    const row = FIRST + i;
    const e = names.get(k.employeeId);
    return [
      k.employeeId,
      e?.name ?? "",
      e?.department ?? "",
      k.kpiId,
      k.kpiName,
      localWord(k.direction, ctx.lang),
      k.target,
      orBlank(k.threshold),
      orBlank(k.stretch),
      orBlank(k.actual),
      k.weight,
      scoreCell(ctx, k, row),
    ];
  });
  const last = Math.max(FIRST, FIRST + rows.length - 1);
  const scoreRange = rectRange(FIRST, DETAIL.score, last, DETAIL.score);
  return {
    name: ctx.sheet("kpiDetail"),
    kind: "kpiDetail",
    generated: true,
    blocks: [
      titleBlock(`${t("kpiDetailTitle")} — ${ctx.model.settings.cycle}`, subtitle(ctx)),
      {
        at: cellAt(HEADER_ROW, 1),
        rows: [header, ...rows],
        headerStyle: "header",
        columnStyles: [
          "id",
          "text",
          "text",
          "id",
          "text",
          "text",
          "number",
          "number",
          "number",
          "number",
          "percent",
          "score",
        ],
      },
    ],
    columns: [12, 12, 14, 10, 24, 10, 12, 12, 12, 12, 9, 9].map((width) => ({ width })),
    freeze: { rows: HEADER_ROW, cols: 2 },
    tables: rows.length
      ? [
          {
            name: "PerfKpiDetail",
            ref: rectRange(HEADER_ROW, 1, last, header.length),
            style: "TableStyleLight9",
          },
        ]
      : [],
    conditionalFormats: rows.length ? [scoreScale(scoreRange, ctx.model.settings.thresholdScore)] : [],
    print: { orientation: "landscape", fitToWidth: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
  };
}

/** Red below the threshold score, yellow at it, green at 100 and above. */
export function scoreScale(ref: string, thresholdScore: number): ConditionalFormatPlan {
  return { ref, type: "colorScale", colors: ["F8696B", "FFEB84", "63BE7B"], mid: thresholdScore };
}

export function gradeFormats(ref: string, grades: string[]): ConditionalFormatPlan[] {
  return grades
    .filter((g) => GRADE_COLORS[g])
    .map((g) => ({
      ref,
      type: "cellIs" as const,
      operator: "equal" as const,
      formulas: [quoted(g)],
      fill: GRADE_COLORS[g],
      font: "FFFFFF",
    }));
}

export function honoursText(ctx: ReportContext, honours: readonly string[]): string {
  return honours.map((h) => ctx.t(h as "star")).join(ctx.lang === "zh-CN" ? "、" : ", ");
}

export function scorecardSheet(ctx: ReportContext): SheetPlan {
  const { t, result, model } = ctx;
  const s = model.settings;
  const detail = ctx.sheet("kpiDetail");
  const detailLast = Math.max(FIRST, FIRST + result.kpis.length - 1);
  const ids = columnRange(detail, DETAIL.employeeId, FIRST, detailLast);
  const weights = columnRange(detail, DETAIL.weight, FIRST, detailLast);
  const scores = columnRange(detail, DETAIL.score, FIRST, detailLast);
  const people = result.employees;
  const last = Math.max(FIRST, FIRST + people.length - 1);
  const finals = columnRange(null, SCORECARD.finalScore, FIRST, last);
  const gradesText = s.grades.map((g) => `${g.grade}:${g.min}`).join(",");

  const header = [
    t("employeeId"),
    t("name"),
    t("department"),
    t("position"),
    t("kpiScore"),
    t("feedbackScore"),
    t("finalScore"),
    t("rank"),
    t("grade"),
    `${t("bonus")} (${s.currency})`,
    t("honours"),
  ];
  const rows: CellPlan[][] = people.map((e, i) => {
    const row = FIRST + i;
    const me = cellAt(row, SCORECARD.employeeId);
    const kpiCell = cellAt(row, SCORECARD.kpiScore);
    const fbCell = cellAt(row, SCORECARD.feedbackScore);
    const finalCell = cellAt(row, SCORECARD.finalScore);
    // Σ weight × score over the employee's detail rows with a score, divided by those rows' weights.
    const kpiScore: CellPlan =
      e.kpiScore === null
        ? null
        : {
            formula: oneText`SUMPRODUCT((${ids}=${me})*${weights}*${scores})/SUMPRODUCT((${ids}=${me})*ISNUMBER(${scores})*${weights})`,
            result: e.kpiScore,
          };
    let final: CellPlan = null;
    if (e.finalScore !== null && e.kpiScore !== null) {
      final =
        e.feedbackScore === null
          ? { formula: oneText`ROUND(${kpiCell},2)`, result: e.finalScore }
          : perfFormula(
              "FINAL",
              [kpiCell, fbCell, String(s.kpiWeight), String(s.feedbackWeight)],
              e.finalScore,
            );
    } else if (e.finalScore !== null) {
      final = e.finalScore;
    }
    const rank: CellPlan =
      e.rank === null ? null : { formula: oneText`RANK(${finalCell},${finals})`, result: e.rank };
    const grade: CellPlan =
      e.grade === null
        ? null
        : s.gradeMode === "threshold"
          ? perfFormula("GRADE", [finalCell, quoted(gradesText)], e.grade)
          : e.grade;
    return [
      e.id,
      e.name,
      e.department,
      e.positionTitle,
      kpiScore,
      orBlank(e.feedbackScore),
      final,
      rank,
      grade,
      e.bonus,
      honoursText(ctx, e.honours),
    ];
  });

  const notes: string[] = [
    `${t("gradeMode")}: ${t(s.gradeMode === "forced" ? "forced_mode" : "threshold_mode")}`,
  ];
  if (result.thresholdFallbackGroups.length) {
    notes.push(t("fallbackNote") + result.thresholdFallbackGroups.map((g) => g || "—").join(", "));
  }
  const noteRow = last + 2;
  return {
    name: ctx.sheet("scorecard"),
    kind: "scorecard",
    generated: true,
    tabColor: "1F4E79",
    blocks: [
      titleBlock(`${t("scorecardTitle")} — ${s.cycle}`, subtitle(ctx)),
      {
        at: cellAt(HEADER_ROW, 1),
        rows: [header, ...rows],
        headerStyle: "header",
        columnStyles: [
          "id",
          "text",
          "text",
          "text",
          "score",
          "score",
          "score",
          "integer",
          "text",
          "currency",
          "text",
        ],
      },
      { at: cellAt(noteRow, 1), rows: notes.map((n) => [styled(n, "subtitle")]) },
    ],
    columns: [11, 18, 20, 24, 10, 10, 10, 7, 7, 14, 36].map((width) => ({ width })),
    freeze: { rows: HEADER_ROW, cols: 2 },
    tables: rows.length
      ? [
          {
            name: "PerfScorecard",
            ref: rectRange(HEADER_ROW, 1, last, header.length),
            style: "TableStyleMedium2",
          },
        ]
      : [],
    conditionalFormats: rows.length
      ? [
          scoreScale(rectRange(FIRST, SCORECARD.kpiScore, last, SCORECARD.finalScore), s.thresholdScore),
          ...gradeFormats(
            rectRange(FIRST, SCORECARD.grade, last, SCORECARD.grade),
            s.grades.map((g) => g.grade),
          ),
          { ref: rectRange(FIRST, SCORECARD.bonus, last, SCORECARD.bonus), type: "dataBar", color: "5B9BD5" },
        ]
      : [],
    print: { orientation: "landscape", fitToWidth: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
  };
}
