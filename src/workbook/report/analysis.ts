/**
 * The Analysis sheet (SPEC §1 stage 6): did the incentives work? Plain-language findings on
 * top, then the satisfaction survey before and after (small groups never shown), efficiency
 * per metric, the correlation of bonus and efficiency change, and KPI completion per
 * department (SPEC §9), with two charts. Every figure comes from core/analysis; this file
 * maps the model onto it and lays the answers out.
 */
import type { BlockPlan, CellPlan, ChartPlan, ConditionalFormatPlan, NotePlan, SheetPlan } from "../plan";
import {
  correlationReading,
  departmentCompletion,
  departmentKpiRows,
  efficiencyChangeByEmployee,
  efficiencySummary,
  findings,
  incentiveCorrelation,
  MIN_SURVEY_GROUP,
  surveySummary,
  type CompletionSummary,
  type EfficiencyMetricSummary,
  type IncentiveCorrelation,
  type SurveyGroup,
  type SurveyQuestionSummary,
} from "../../core/analysis";
import { INPUT_SHEETS, sheetName, type InputSheetKey, type Lang } from "../schema";
import { displayWidth } from "../template";
import type { ReportContext } from "./context";
import { cellAt, columnRange, rectRange, styled, titleBlock } from "./common";

/** Everything the sheet shows, computed once (the tests read the same figures). */
export interface AnalysisFigures {
  survey: SurveyQuestionSummary[];
  efficiency: EfficiencyMetricSummary[];
  correlation: IncentiveCorrelation;
  /** Department × KPI completion, recomputed per SPEC §9 for the counts and the whole cycle. */
  completion: CompletionSummary;
  findings: string[];
}

export function analysisFigures(ctx: ReportContext): AnalysisFigures {
  const { model, result } = ctx;
  const survey = surveySummary(
    model.survey.map((a) => ({
      question: a.question,
      score: a.score,
      period: a.period,
      department: a.department,
    })),
  );
  // The Efficiency sheet has no direction column: a rise is an improvement (docs/ANALYSIS.md).
  const efficiency = efficiencySummary(model.efficiency);
  const changes = efficiencyChangeByEmployee(model.efficiency);
  const correlation = incentiveCorrelation(
    result.employees.map((e) => ({
      employeeId: e.id,
      bonus: e.bonus,
      base: e.bonusBase,
      efficiencyChange: changes.get(e.id) ?? null,
    })),
  );
  const departmentOf = new Map(result.employees.map((e) => [e.id, e.department]));
  const completion = departmentCompletion(
    departmentKpiRows(
      result.kpis.map((k) => ({
        department: departmentOf.get(k.employeeId) ?? "",
        kpiId: k.kpiId,
        aggregation: k.aggregation,
        direction: k.direction,
        target: k.target,
        actual: k.actual,
      })),
    ),
  );
  return {
    survey,
    efficiency,
    correlation,
    completion,
    findings: findings({ survey, efficiency, correlation, completion }, ctx.lang),
  };
}

/** An input sheet's name in the workbook's language, for the notes that point to it. */
function inputSheetName(key: InputSheetKey, lang: Lang): string {
  return sheetName(
    INPUT_SHEETS.find((d) => d.key === key)!,
    lang,
  );
}

/** Columns B..L: the widest table (the survey) spans them all; column A fits the labels. */
const NUMBER_WIDTHS = [10, 12, 9, 12, 12, 10, 10, 12, 10, 12, 8];
/** Column A grows with the longest question, metric or department, within these bounds. */
const LABEL_WIDTH = { min: 30, max: 48 };
const CHART_ROWS = 17;

/** Points of height per line of text at the default font size. */
const LINE_HEIGHT = 15;
/** Header rows hold two lines of wrapped text. */
export const HEADER_HEIGHT = 30;

/** Height of a row whose wrapped text needs more than one line in `width` characters; undefined for one line. */
export function wrappedHeight(text: string, width: number): number | undefined {
  const lines = Math.ceil(displayWidth(text) / Math.max(1, width - 1));
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}

/**
 * Rows of running text across columns 1..widths.length, from `row` down: each merged across
 * and made tall enough for its wrapped lines, since spreadsheets do not grow merged rows.
 */
export function textLines(
  texts: readonly string[],
  row: number,
  widths: readonly number[],
  style: "wrap" | "note",
  sheet: { blocks: BlockPlan[]; merges: string[]; rowHeights: Record<number, number> },
): void {
  const total = widths.reduce((a, b) => a + b, 0);
  texts.forEach((text, i) => {
    sheet.blocks.push({ at: cellAt(row + i, 1), rows: [[styled(text, style)]] });
    sheet.merges.push(rectRange(row + i, 1, row + i, widths.length));
    const height = wrappedHeight(text, total);
    if (height !== undefined) sheet.rowHeights[row + i] = height;
  });
}

export function analysisSheet(ctx: ReportContext): SheetPlan {
  const { t, model, lang } = ctx;
  const s = model.settings;
  const name = ctx.sheet("analysis");
  const fig = analysisFigures(ctx);
  const labels = [
    ...fig.survey.map((q) => q.question),
    ...fig.efficiency.map((m) => m.metric),
    ...ctx.result.departments.map((d) => d.department),
  ];
  const labelWidth = Math.min(
    LABEL_WIDTH.max,
    Math.max(LABEL_WIDTH.min, ...labels.map((l) => displayWidth(l) + 2)),
  );
  const widths = [labelWidth, ...NUMBER_WIDTHS];
  const blocks: BlockPlan[] = [
    titleBlock(
      `${t("analysisTitle")} — ${s.cycle}`,
      `${t("cycle")}: ${s.cycle} · ${t("generatedOn")} ${s.asOf}`,
    ),
  ];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const notes: NotePlan[] = [];
  const conditionalFormats: ConditionalFormatPlan[] = [];
  const charts: ChartPlan[] = [];
  let row = 4;

  const layout = { blocks, merges, rowHeights };
  /** A line of text across the sheet. */
  const line = (text: string, style: "wrap" | "note") => {
    textLines([text], row, widths, style, layout);
    row += 1;
  };
  const heading = (text: string) => {
    blocks.push({ at: cellAt(row, 1), rows: [[styled(text, "heading")]] });
    row += 1;
  };

  // Findings first: what a manager reads without the tables.
  heading(t("findingsSection"));
  for (const sentence of fig.findings) line(`• ${sentence}`, "wrap");
  row += 1;

  // Survey.
  heading(t("surveySection"));
  let surveyRows: { first: number; last: number } | null = null;
  if (fig.survey.length === 0) {
    line(t("noSurvey", { sheet: inputSheetName("survey", lang) }), "note");
  } else {
    const top = row;
    const groups = [t("periodBefore"), t("periodAfter"), t("changeAfterBefore"), t("allAnswers")];
    const spans = [3, 3, 2, 3];
    const groupRow: CellPlan[] = [t("question")];
    let col = 2;
    groups.forEach((g, i) => {
      groupRow.push(g, ...Array<CellPlan>(spans[i] - 1).fill(null));
      merges.push(rectRange(top, col, top, col + spans[i] - 1));
      col += spans[i];
    });
    merges.push(rectRange(top, 1, top + 1, 1));
    const trio = [t("surveyMean"), t("favourable"), t("answers")];
    const subRow: CellPlan[] = [null, ...trio, ...trio, t("surveyMean"), t("favourable"), ...trio];
    blocks.push({ at: cellAt(top, 1), rows: [groupRow], headerStyle: "header" });
    blocks.push({ at: cellAt(top + 1, 1), rows: [subRow], headerStyle: "header" });
    rowHeights[top + 1] = HEADER_HEIGHT;
    const first = top + 2;
    const groupCells = (g: SurveyGroup, r: number, c: number): CellPlan[] => {
      if (!g.suppressed) return [styled(g.mean, "score"), styled(g.favourable, "percent"), g.n];
      const why = t("suppressedCell", { n: g.n, min: MIN_SURVEY_GROUP });
      notes.push({ cell: cellAt(r, c), text: why });
      return [styled(t("none"), "note"), styled(t("none"), "note"), g.n];
    };
    const rows = fig.survey.map((q, i): CellPlan[] => {
      const r = first + i;
      const height = wrappedHeight(q.question, widths[0]);
      if (height !== undefined) rowHeights[r] = height;
      return [
        q.question,
        ...groupCells(q.before, r, 2),
        ...groupCells(q.after, r, 5),
        styled(q.change?.mean ?? null, "score"),
        styled(q.change?.favourable ?? null, "percent"),
        ...groupCells(q.overall, r, 10),
      ];
    });
    blocks.push({
      at: cellAt(first, 1),
      rows,
      columnStyles: [
        "wrap",
        undefined,
        undefined,
        "integer",
        undefined,
        undefined,
        "integer",
        undefined,
        undefined,
        undefined,
        undefined,
        "integer",
      ],
    });
    const last = first + rows.length - 1;
    surveyRows = { first, last };
    conditionalFormats.push({
      ref: rectRange(first, 8, last, 8),
      type: "colorScale",
      colors: ["F8696B", "FFFFFF", "63BE7B"],
      mid: 0,
    });
    row = last + 1;
    const anySuppressed = fig.survey.some((q) => [q.before, q.after, q.overall].some((g) => g.suppressed));
    if (anySuppressed) line(t("suppressedLegend", { min: MIN_SURVEY_GROUP }), "note");
  }
  row += 1;

  // Efficiency.
  heading(t("efficiencySection"));
  if (fig.efficiency.length === 0) {
    line(t("noEfficiency", { sheet: inputSheetName("efficiency", lang) }), "note");
  } else {
    const header = [
      t("metric"),
      t("count"),
      t("meanBefore"),
      t("meanAfter"),
      t("changeOfMeans"),
      t("improvedCount"),
      t("improvedShare"),
    ];
    blocks.push({
      at: cellAt(row, 1),
      headerStyle: "header",
      rows: [
        header,
        ...fig.efficiency.map((m): CellPlan[] => [
          m.metric,
          m.n,
          m.beforeMean,
          m.afterMean,
          m.changeOfMeans,
          m.improved,
          m.improvedShare,
        ]),
      ],
      columnStyles: ["wrap", "integer", "number", "number", "percent1", "integer", "percent"],
    });
    rowHeights[row] = HEADER_HEIGHT;
    const first = row + 1;
    const last = row + fig.efficiency.length;
    fig.efficiency.forEach((m, i) => {
      const height = wrappedHeight(m.metric, widths[0]);
      if (height !== undefined) rowHeights[first + i] = height;
    });
    conditionalFormats.push({
      ref: rectRange(first, 7, last, 7),
      type: "dataBar",
      color: "5B9BD5",
      min: 0,
      max: 1,
    });
    row = last + 1;
  }
  row += 1;

  // Correlation of bonus and efficiency change.
  heading(t("correlationSection"));
  const c = fig.correlation;
  blocks.push({
    at: cellAt(row, 1),
    rows: [
      [
        styled(t("pearsonR"), "label"),
        c.r === null ? styled(t("notAvailable"), "bad") : styled(c.r, "number"),
      ],
      [styled(t("peopleUsed"), "label"), c.n],
      [styled(t("peopleLeftOut"), "label"), c.excluded],
      [styled(t("reading"), "label"), correlationReading(c, lang)],
    ],
  });
  row += 4;
  line(t("correlationCaveat"), "note");
  row += 1;

  // KPI completion per department (SPEC §9): the rates are the cycle's, the counts and the
  // whole-cycle row come from the same rule applied to every department's KPI rows.
  heading(t("completionSection"));
  const completionTop = row;
  rowHeights[completionTop] = HEADER_HEIGHT;
  const counts = new Map(fig.completion.departments.map((d) => [d.department, d]));
  const departments = ctx.result.departments;
  blocks.push({
    at: cellAt(completionTop, 1),
    headerStyle: "header",
    rows: [
      [t("department"), t("employees"), t("kpisCount"), t("kpisMet"), t("completionRate")],
      ...departments.map((d): CellPlan[] => [
        d.department,
        d.employees,
        counts.get(d.department)?.kpis ?? 0,
        counts.get(d.department)?.met ?? 0,
        d.completionRate,
      ]),
    ],
    columnStyles: ["text", "integer", "integer", "integer", "percent"],
  });
  const compFirst = completionTop + 1;
  const compLast = completionTop + departments.length;
  const overall = fig.completion.overall;
  blocks.push({
    at: cellAt(compLast + 1, 1),
    rows: [
      [
        styled(t("wholeCycle"), "total"),
        styled(ctx.result.employees.length, "total"),
        styled(overall.kpis, "total"),
        styled(overall.met, "total"),
        styled(overall.completionRate, "percent"),
      ],
    ],
  });
  if (departments.length > 0) {
    conditionalFormats.push({
      ref: rectRange(compFirst, 5, compLast + 1, 5),
      type: "dataBar",
      color: "63BE7B",
      min: 0,
      max: 1,
    });
  }
  row = compLast + 2;
  line(t("completionNote"), "note");
  row += 1;

  // Charts, side by side under the tables.
  if (surveyRows) {
    // Horizontal bars: questions are long sentences, which read badly as rotated column labels.
    charts.push({
      type: "bar",
      title: t("surveyChart"),
      anchor: `A${row}:E${row + CHART_ROWS - 1}`,
      series: (
        [
          [t("periodBefore"), 2, (q: SurveyQuestionSummary) => q.before.mean, "A5A5A5"],
          [t("periodAfter"), 5, (q: SurveyQuestionSummary) => q.after.mean, "1F4E79"],
        ] as const
      ).map(([label, col, mean, color]) => ({
        name: label,
        categories: {
          ref: columnRange(name, 1, surveyRows.first, surveyRows.last),
          cache: fig.survey.map((q) => q.question),
        },
        values: {
          ref: columnRange(name, col, surveyRows.first, surveyRows.last),
          cache: fig.survey.map((q) => mean(q) ?? NaN),
        },
        color,
      })),
      legend: true,
      dataLabels: true,
    });
  }
  if (departments.length > 0) {
    charts.push({
      type: "column",
      title: t("completionSection"),
      anchor: surveyRows ? `F${row}:L${row + CHART_ROWS - 1}` : `A${row}:E${row + CHART_ROWS - 1}`,
      series: [
        {
          name: t("completionRate"),
          categories: {
            ref: columnRange(name, 1, compFirst, compLast),
            cache: departments.map((d) => d.department),
          },
          values: {
            ref: columnRange(name, 5, compFirst, compLast),
            cache: departments.map((d) => d.completionRate ?? NaN),
          },
          color: "70AD47",
        },
      ],
      dataLabels: true,
    });
  }

  return {
    name,
    kind: "analysis",
    generated: true,
    tabColor: "7030A0",
    blocks,
    columns: widths.map((width) => ({ width })),
    merges,
    rowHeights,
    notes,
    conditionalFormats,
    charts,
    print: { orientation: "landscape", fitToWidth: true },
  };
}
