/**
 * For the Office host tests: a fresh fake Excel per test; plans, one that uses every feature
 * of a sheet plan and a scorecard of N employees × 12 columns (values, formulas and styles)
 * for the scale tests; and the check that Excel holds every cell of a plan.
 */
import { afterEach, beforeEach, expect } from "vitest";
import { cellAddress, parseAddress } from "../../../src/workbook/a1";
import { isoToSerial } from "../../../src/workbook/cells";
import {
  cellParts,
  isDate,
  isFormula,
  type CellPlan,
  type SheetPlan,
  type WorkbookPlan,
} from "../../../src/workbook/plan";
import { FakeExcel, installOfficeRequirements, type FakeExcelOptions } from "../../support/fake-excel";

/**
 * A new fake Excel before each test, with `Office.context.requirements` answering for it, given
 * to `use`; `replace` starts another in the middle of a test (an older API version, or an
 * empty workbook for a second render).
 *
 * @example
 * let fake: FakeExcel;
 * const excel = useFakeExcel((f) => (fake = f));
 * excel.replace({ apiVersion: "1.8" });
 */
export function useFakeExcel(use: (fake: FakeExcel) => void): { replace(options?: FakeExcelOptions): void } {
  let uninstall = () => {};
  const replace = (options?: FakeExcelOptions) => {
    uninstall();
    const fake = new FakeExcel(options);
    uninstall = installOfficeRequirements(fake);
    use(fake);
  };
  beforeEach(() => replace());
  afterEach(() => {
    uninstall();
    uninstall = () => {};
  });
  return { replace };
}

/**
 * Every cell of every block of `plan` is in the fake Excel as planned: the formula (in the
 * chosen form), the number, date serial, boolean or text, or nothing for a blank. Returns the
 * number of formula cells.
 */
export function expectPlanInExcel(fake: FakeExcel, plan: WorkbookPlan, mode: "perf" | "native"): number {
  let formulas = 0;
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      const at = parseAddress(block.at)!;
      block.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const { value } = cellParts(cell);
          const address = cellAddress(at.row + r, at.col + c);
          const written = fake.cell(sheet.name, address);
          const where = `${sheet.name}!${address}`;
          if (isFormula(value)) {
            formulas++;
            const text = mode === "perf" ? (value.perf ?? value.formula) : value.formula;
            expect(written?.formula, where).toBe(`=${text}`);
          } else {
            expect(written?.formula ?? null, where).toBe(null);
            const expected = isDate(value) ? isoToSerial(value.date) : value === "" ? null : value;
            expect(written?.value ?? null, where).toBe(expected);
          }
        }),
      );
    }
  }
  return formulas;
}

/** A sheet with every feature a plan has, on a small table of three people. */
export function everyFeatureSheet(): SheetPlan {
  return {
    name: "Scorecard",
    kind: "scorecard",
    generated: true,
    blocks: [
      { at: "A1", rows: [[{ value: "Scorecard Q1", style: "title" }]] },
      {
        at: "A3",
        headerStyle: "header",
        columnStyles: [undefined, undefined, "score", "percent", "date", undefined, "inputWrap"],
        rows: [
          ["ID", "Name", "Score", "Share", "Due", "Grade", "Comment"],
          [
            "E001",
            "Ann",
            { formula: "ROUND(90.25,1)", perf: "PERF.SCORE(90.25,100)", result: 90.3 },
            0.25,
            { date: "2024-03-01" },
            "=A",
            { value: null, input: true },
          ],
          ["E002", "Bob", 75, 0.5, { date: "2024-03-02" }, "-5", { value: "ok", input: true }],
          [
            "E003",
            "@Cy",
            { formula: "SUM(C4:C5)", result: 165.3 },
            true,
            null,
            "'quoted",
            { value: null, input: true },
          ],
        ],
      },
      {
        at: "A8",
        rows: [
          [
            { value: "Total", style: "total" },
            null,
            { value: { formula: "SUM(C4:C6)", result: 255.3 }, style: "total" },
          ],
        ],
      },
    ],
    columns: [{ width: 10 }, { width: 20 }, {}, {}, { width: 12, hidden: true }],
    freeze: { rows: 3, cols: 1 },
    tables: [{ name: "ScoreTable", ref: "A3:G6", style: "TableStyleLight9", showRowStripes: false }],
    conditionalFormats: [
      { ref: "C4:C6", type: "colorScale", colors: ["F8696B", "FFEB84", "63BE7B"], mid: 60 },
      { ref: "D4:D6", type: "dataBar", color: "638EC6", min: 0, max: 1 },
      {
        ref: "C4:C6",
        type: "cellIs",
        operator: "lessThan",
        formulas: ["60"],
        fill: "FFC7CE",
        font: "9C0006",
      },
      { ref: "F4:F6", type: "expression", formula: '$F4="S"', fill: "C6EFCE" },
    ],
    dataValidations: [
      { ref: "F4:F6", type: "list", values: ["S", "A", "B"], prompt: "Pick a grade" },
      { ref: "C4:C6", type: "decimal", min: 0, max: 120 },
      { ref: "E4:E6", type: "date" },
    ],
    notes: [{ cell: "C3", text: "Weighted KPI score, 0–120" }],
    merges: ["A1:G1"],
    rowHeights: { 1: 30 },
    print: { orientation: "landscape", fitToWidth: true, titleRows: "1:3", area: "A1:G8" },
    protect: { unlocked: ["B10:B12"] },
    charts: [
      {
        type: "column",
        title: "Scores",
        anchor: "I2:P18",
        xTitle: "Employee",
        yTitle: "Score",
        series: [
          {
            name: "Score",
            values: { ref: "'Scorecard'!$C$4:$C$6", cache: [90.3, 75, 165.3] },
            categories: { ref: "'Scorecard'!$B$4:$B$6", cache: ["Ann", "Bob", "@Cy"] },
            color: "1F4E79",
          },
          { name: "Share", values: { ref: "'Scorecard'!$D$4:$D$6", cache: [0.25, 0.5, 1] } },
        ],
      },
    ],
    tabColor: "1F4E79",
  };
}

/** A second generated sheet whose chart reads the scorecard; hidden. */
export function dashboardSheet(): SheetPlan {
  return {
    name: "Dashboard",
    kind: "dashboard",
    generated: true,
    hidden: true,
    blocks: [{ at: "A1", rows: [[{ value: "Dashboard", style: "title" }]] }],
    charts: [
      {
        type: "pie",
        title: "Share",
        anchor: "A3:F15",
        series: [
          {
            name: "Share",
            values: { ref: "'Scorecard'!$D$4:$D$5", cache: [0.25, 0.5] },
            categories: { ref: "'Scorecard'!$B$4:$B$5", cache: ["Ann", "Bob"] },
          },
        ],
      },
    ],
  };
}

export function everyFeaturePlan(): WorkbookPlan {
  return { lang: "en-US", sheets: [everyFeatureSheet(), dashboardSheet()] };
}

const DEPARTMENTS = ["Operations", "Finance", "Customer Service", "Logistics"];

/**
 * A scorecard of `employees` rows × 12 columns under a header, like the real one: ids, names,
 * departments, numbers, a date, and four formulas per row, with column styles, a table, a
 * conditional format, a validation, a note, a chart and protection (a constant number of each).
 */
export function scorecardPlan(employees: number): WorkbookPlan {
  const rows: CellPlan[][] = [
    [
      "ID",
      "Name",
      "Department",
      "Position",
      "Target",
      "Actual",
      "Weight",
      "Due",
      "Score",
      "Final",
      "Grade",
      "Bonus",
    ],
  ];
  for (let i = 1; i <= employees; i++) {
    const r = i + 1;
    const score = Math.round((80 + (i % 40)) * 10) / 10;
    rows.push([
      `E${String(i).padStart(5, "0")}`,
      `Employee ${i}`,
      DEPARTMENTS[i % DEPARTMENTS.length],
      `P${(i % 7) + 1}`,
      100,
      80 + (i % 40),
      0.3,
      { date: "2024-06-30" },
      { formula: `ROUND(F${r}/E${r}*100,1)`, perf: `PERF.SCORE(F${r},E${r})`, result: score },
      { formula: `ROUND(I${r}*0.7+85*0.3,2)`, perf: `PERF.FINAL(I${r},85)`, result: score * 0.7 + 25.5 },
      { formula: `IF(J${r}>=90,"S",IF(J${r}>=80,"A","B"))`, perf: `PERF.GRADE(J${r})`, result: "A" },
      { value: 10000 + i, input: true },
    ]);
  }
  const last = employees + 1;
  return {
    lang: "en-US",
    sheets: [
      {
        name: "Scorecard",
        kind: "scorecard",
        generated: true,
        blocks: [
          {
            at: "A1",
            rows,
            headerStyle: "header",
            columnStyles: [
              "id",
              undefined,
              undefined,
              undefined,
              "number",
              "number",
              "percent",
              "date",
              "score",
              "score",
              undefined,
              "input",
            ],
          },
        ],
        columns: Array.from({ length: 12 }, () => ({ width: 14 })),
        freeze: { rows: 1, cols: 2 },
        tables: [{ name: "Scores", ref: `A1:L${last}` }],
        conditionalFormats: [
          { ref: `I2:I${last}`, type: "colorScale", colors: ["F8696B", "FFEB84", "63BE7B"] },
        ],
        dataValidations: [{ ref: `L2:L${last}`, type: "decimal", min: 0, max: 1e6 }],
        notes: [{ cell: "I1", text: "KPI score" }],
        protect: {},
        charts: [
          {
            type: "column",
            title: "Scores",
            anchor: "N2:U20",
            series: [{ name: "Score", values: { ref: `'Scorecard'!$I$2:$I$${last}`, cache: [] } }],
          },
        ],
      },
    ],
  };
}
