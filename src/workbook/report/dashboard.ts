/**
 * The Dashboard: headline figures and four native charts — grade distribution, final-score
 * histogram, average KPI score by department, bonus by grade — each drawn from a small table
 * on the same sheet, so the charts stay live in Excel and readable in any spreadsheet.
 */
import type { BlockPlan, CellPlan, ChartPlan, SheetPlan } from "../plan";
import type { ReportContext } from "./context";
import { cellAt, columnRange, styled, titleBlock } from "./common";

/** Final-score bands of the histogram: [label, lower bound inclusive, upper bound exclusive]. */
const BANDS: [string, number, number][] = [
  ["<60", -Infinity, 60],
  ["60–70", 60, 70],
  ["70–80", 70, 80],
  ["80–90", 80, 90],
  ["90–100", 90, 100],
  ["≥100", 100, Infinity],
];

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function dashboardSheet(ctx: ReportContext): SheetPlan {
  const { t, result, model } = ctx;
  const name = ctx.sheet("dashboard");
  const finals = result.employees.map((e) => e.finalScore).filter((f): f is number => f !== null);
  const allKpis = result.kpis.length;
  const met = result.kpis.filter((k) => k.met).length;

  const cards: CellPlan[][] = [
    [styled(t("employees"), "label"), result.employees.length],
    [styled(t("avgFinal"), "label"), styled(mean(finals), "score")],
    [styled(t("completionRate"), "label"), styled(allKpis ? met / allKpis : null, "percent")],
    [styled(t("allocated"), "label"), styled(result.incentives.allocated, "currency")],
  ];

  const tables: {
    title: string;
    header: [string, string];
    rows: [string, number][];
    style: "integer" | "score" | "currency";
  }[] = [
    {
      title: t("gradeDistribution"),
      header: [t("grade"), t("count")],
      rows: result.incentives.byGrade.map((g) => [g.grade, g.count]),
      style: "integer",
    },
    {
      title: t("scoreHistogram"),
      header: [t("scoreBand"), t("count")],
      rows: BANDS.map(([label, lo, hi]) => [label, finals.filter((f) => f >= lo && f < hi).length]),
      style: "integer",
    },
    {
      title: t("avgKpiByDept"),
      header: [t("department"), t("kpiScore")],
      rows: result.departments.map((d) => {
        const scores = result.employees
          .filter((e) => e.department === d.department && e.kpiScore !== null)
          .map((e) => e.kpiScore as number);
        return [d.department, Number((mean(scores) ?? 0).toFixed(1))];
      }),
      style: "score",
    },
    {
      title: t("bonusByGrade"),
      header: [t("grade"), `${t("bonus")} (${model.settings.currency})`],
      rows: result.incentives.byGrade.map((g) => [g.grade, g.bonus]),
      style: "currency",
    },
  ];

  const blocks: BlockPlan[] = [
    titleBlock(
      `${t("dashboardTitle")} — ${model.settings.cycle}`,
      `${t("generatedOn")} ${model.settings.asOf}`,
    ),
    { at: "A4", rows: cards },
  ];
  const charts: ChartPlan[] = [];
  const CHART_ROWS = 16;
  tables.forEach((tbl, i) => {
    // Each table sits at the left of its chart's band of rows.
    const top = 10 + i * (CHART_ROWS + 2);
    blocks.push({ at: cellAt(top - 1, 1), rows: [[styled(tbl.title, "label")]] });
    blocks.push({
      at: cellAt(top, 1),
      rows: [tbl.header, ...tbl.rows],
      headerStyle: "header",
      columnStyles: ["text", tbl.style],
    });
    const first = top + 1;
    const last = top + Math.max(1, tbl.rows.length);
    const byGrade = i === 0 || i === 3;
    charts.push({
      type: i === 0 ? "doughnut" : i === 2 ? "bar" : "column",
      title: tbl.title,
      anchor: `D${top - 1}:L${top - 1 + CHART_ROWS}`,
      series: [
        {
          name: tbl.header[1],
          categories: { ref: columnRange(name, 1, first, last), cache: tbl.rows.map((r) => r[0]) },
          values: { ref: columnRange(name, 2, first, last), cache: tbl.rows.map((r) => r[1]) },
          color: byGrade ? undefined : "1F4E79",
        },
      ],
      legend: i === 0,
      dataLabels: true,
      xTitle: i === 1 ? t("scoreBand") : undefined,
      yTitle: i === 1 ? t("count") : undefined,
    });
  });
  return {
    name,
    kind: "dashboard",
    generated: true,
    tabColor: "FFC000",
    blocks,
    columns: [22, 14, 3].map((width) => ({ width })),
    charts,
    print: { orientation: "portrait", fitToWidth: true },
  };
}
