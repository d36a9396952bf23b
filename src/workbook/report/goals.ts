/**
 * The Goals sheet (SPEC §3): strategy goal → KPI → position → employee with each person's
 * target, threshold, stretch and weight, and the results of the cascade's checks.
 */
import type { CellPlan, SheetPlan } from "../plan";
import { cascadeGoals } from "../../core/cascade";
import { formatMessage } from "../../core/messages";
import type { ReportContext } from "./context";
import { TITLE_ROWS, cellAt, rectRange, styled, titleBlock, orBlank } from "./common";

export function goalsSheet(ctx: ReportContext): SheetPlan {
  const { t, model } = ctx;
  const cascade = cascadeGoals(model);
  const positions = new Map(model.positions.map((p) => [p.id, p]));
  const header = [
    t("goalId"),
    t("goal"),
    t("kpiId"),
    t("kpi"),
    t("position"),
    t("department"),
    t("employeeId"),
    t("name"),
    t("target"),
    t("threshold"),
    t("stretch"),
    t("weight"),
  ];
  const sorted = [...cascade.rows].sort(
    (a, b) =>
      (a.goalId ?? "").localeCompare(b.goalId ?? "") ||
      a.kpiId.localeCompare(b.kpiId) ||
      a.positionId.localeCompare(b.positionId) ||
      a.employeeId.localeCompare(b.employeeId),
  );
  const rows: CellPlan[][] = sorted.map((r) => [
    orBlank(r.goalId),
    orBlank(r.goal),
    r.kpiId,
    r.kpiName,
    positions.get(r.positionId)?.title ?? r.positionId,
    r.department,
    r.employeeId,
    r.employeeName,
    r.target,
    orBlank(r.threshold),
    orBlank(r.stretch),
    r.weight,
  ]);
  const headerRow = TITLE_ROWS + 1;
  const last = headerRow + Math.max(1, rows.length);
  const checks = cascade.problems.length
    ? cascade.problems.map((p) => [
        styled(formatMessage(p.code, p.params, ctx.lang), p.severity === "error" ? "bad" : "warn"),
      ])
    : [[styled(t("allChecksPassed"), "good")]];
  const checksRow = last + 2;
  return {
    name: ctx.sheet("goals"),
    kind: "goals",
    generated: true,
    blocks: [
      titleBlock(
        `${t("goalsTitle")} — ${model.settings.cycle}`,
        `${t("generatedOn")} ${model.settings.asOf}`,
      ),
      {
        at: cellAt(headerRow, 1),
        rows: [header, ...rows],
        headerStyle: "header",
        columnStyles: [
          "id",
          "text",
          "id",
          "text",
          "text",
          "text",
          "id",
          "text",
          "number",
          "number",
          "number",
          "percent",
        ],
      },
      { at: cellAt(checksRow, 1), rows: [[styled(t("checks"), "label")], ...checks] },
    ],
    columns: [10, 26, 9, 22, 16, 14, 11, 10, 12, 12, 12, 9].map((width) => ({ width })),
    freeze: { rows: headerRow, cols: 0 },
    tables: rows.length
      ? [
          {
            name: "PerfGoals",
            ref: rectRange(headerRow, 1, headerRow + rows.length, header.length),
            style: "TableStyleLight9",
          },
        ]
      : [],
    print: { orientation: "landscape", fitToWidth: true, titleRows: `${headerRow}:${headerRow}` },
  };
}
