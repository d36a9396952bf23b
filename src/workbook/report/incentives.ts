/**
 * The Incentives sheet (SPEC §6): the pool and what was allocated, totals by grade, the
 * honours list and each person's bonus.
 */
import type { CellPlan, SheetPlan } from "../plan";
import type { ReportContext } from "./context";
import { TITLE_ROWS, cellAt, rectRange, styled, titleBlock } from "./common";
import { gradeFormats, honoursText } from "./scorecard";

export function incentivesSheet(ctx: ReportContext): SheetPlan {
  const { t, result, model } = ctx;
  const s = model.settings;
  const cur = s.currency;
  const summaryRow = TITLE_ROWS + 1;
  const summary: CellPlan[][] = [
    [
      styled(t("pool"), "label"),
      result.incentives.pool === null ? t("noPool") : styled(result.incentives.pool, "currency"),
    ],
    [styled(t("allocated"), "label"), styled(result.incentives.allocated, "currency")],
    [styled(t("currency"), "label"), cur],
  ];

  // Totals by grade, best grade first.
  const gradeRow = summaryRow + summary.length + 1;
  const gradeHeader = [t("grade"), t("coefficient"), t("count"), `${t("bonus")} (${cur})`];
  const gradeRows: CellPlan[][] = result.incentives.byGrade.map((g) => [
    g.grade,
    s.coefficients[g.grade] ?? 0,
    g.count,
    g.bonus,
  ]);
  const totalRow: CellPlan[] = [
    styled(t("total"), "total"),
    null,
    styled(
      {
        formula: `SUM(${rectRange(gradeRow + 1, 3, gradeRow + gradeRows.length, 3)})`,
        result: result.employees.filter((e) => e.grade).length,
      },
      "total",
    ),
    styled(
      {
        formula: `SUM(${rectRange(gradeRow + 1, 4, gradeRow + gradeRows.length, 4)})`,
        result: result.incentives.allocated,
      },
      "currency",
    ),
  ];

  // Honours list.
  const honourRow = gradeRow + gradeRows.length + 3;
  const honourHeader = [t("honour"), t("employeeId"), t("name"), t("department"), t("finalScore")];
  const honourRows: CellPlan[][] = [];
  for (const h of ["star", "department_best", "most_improved"] as const) {
    for (const e of result.employees.filter((p) => p.honours.includes(h))) {
      honourRows.push([honoursText(ctx, [h]), e.id, e.name, e.department, e.finalScore]);
    }
  }

  // Each person's bonus.
  const peopleRow = honourRow + Math.max(1, honourRows.length) + 2;
  const peopleHeader = [
    t("employeeId"),
    t("name"),
    t("department"),
    t("grade"),
    t("coefficient"),
    t("bonusBase"),
    `${t("bonus")} (${cur})`,
  ];
  const peopleRows: CellPlan[][] = result.employees.map((e) => [
    e.id,
    e.name,
    e.department,
    e.grade,
    e.coefficient,
    e.bonusBase,
    e.bonus,
  ]);
  const peopleLast = peopleRow + Math.max(1, peopleRows.length);

  return {
    name: ctx.sheet("incentives"),
    kind: "incentives",
    generated: true,
    blocks: [
      titleBlock(`${t("incentivesTitle")} — ${s.cycle}`, `${t("generatedOn")} ${s.asOf}`),
      { at: cellAt(summaryRow, 1), rows: summary },
      {
        at: cellAt(gradeRow - 0, 1),
        rows: [gradeHeader, ...gradeRows, totalRow],
        headerStyle: "header",
        columnStyles: ["text", "number", "integer", "currency"],
      },
      { at: cellAt(honourRow - 1, 1), rows: [[styled(t("honoursList"), "label")]] },
      {
        at: cellAt(honourRow, 1),
        rows: [honourHeader, ...(honourRows.length ? honourRows : [[t("none")]])],
        headerStyle: "header",
        columnStyles: ["text", "id", "text", "text", "score"],
      },
      { at: cellAt(peopleRow - 1, 1), rows: [[styled(t("people"), "label")]] },
      {
        at: cellAt(peopleRow, 1),
        rows: [peopleHeader, ...peopleRows],
        headerStyle: "header",
        columnStyles: ["id", "text", "text", "text", "number", "currency", "currency"],
      },
    ],
    columns: [16, 12, 12, 14, 11, 13, 14].map((width) => ({ width })),
    tables: peopleRows.length
      ? [
          {
            name: "PerfBonuses",
            ref: rectRange(peopleRow, 1, peopleLast, peopleHeader.length),
            style: "TableStyleMedium2",
          },
        ]
      : [],
    conditionalFormats: [
      ...gradeFormats(
        rectRange(gradeRow + 1, 1, gradeRow + gradeRows.length, 1),
        s.grades.map((g) => g.grade),
      ),
      ...(peopleRows.length
        ? [{ ref: rectRange(peopleRow + 1, 7, peopleLast, 7), type: "dataBar" as const, color: "5B9BD5" }]
        : []),
    ],
    print: { orientation: "portrait", fitToWidth: true },
  };
}
