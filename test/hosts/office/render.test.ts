import { describe, expect, it } from "vitest";
import { isPerfError } from "../../../src/core/errors";
import { renderPlanInExcel, type RenderOptions } from "../../../src/hosts/office/render";
import type { WorkbookPlan } from "../../../src/workbook/plan";
import { FakeExcel, snapshotSheet } from "../../support/fake-excel";
import { dashboardSheet, everyFeaturePlan, everyFeatureSheet, useFakeExcel } from "./plans";

let fake: FakeExcel;
useFakeExcel((f) => (fake = f));

const render = (plan: WorkbookPlan, opts: RenderOptions = { formulas: "perf" }) =>
  renderPlanInExcel(fake.context as unknown as Excel.RequestContext, plan, opts);

/** Everything the fake holds, to prove that a refused render wrote nothing. */
const state = () =>
  JSON.stringify({
    sheets: fake.sheets.map((s) => ({ ...s, cells: [...s.cells] })),
    fake: [fake.tables, fake.names, fake.annotations],
  });

describe("renderPlanInExcel: cells", () => {
  it("writes values, formulas (PERF form, native fallback) and number formats", async () => {
    await render(everyFeaturePlan());
    const cell = (a: string) => fake.cell("Scorecard", a);
    // C4 has a PERF form; C6 has none, so its native formula is written even in perf mode.
    expect(cell("C4")).toMatchObject({ formula: "=PERF.SCORE(90.25,100)", numberFormat: "0.0" });
    expect(cell("C6")).toMatchObject({ formula: "=SUM(C4:C5)", numberFormat: "0.0" });
    expect(cell("C8")).toMatchObject({ formula: "=SUM(C4:C6)", numberFormat: "General" });
    // 2024-03-01: 2024-01-01 is serial 45292, + 31 (January) + 29 (February 2024) = 45352.
    expect(cell("E4")).toMatchObject({ value: 45352, numberFormat: "yyyy-mm-dd" });
    expect(cell("E6")).toMatchObject({ value: null, numberFormat: "yyyy-mm-dd" });
    expect(cell("D4")).toMatchObject({ value: 0.25, numberFormat: "0%" });
    expect(cell("D6")?.value).toBe(true);
    expect(cell("B5")?.value).toBe("Bob");
  });

  it("writes native formulas in native mode", async () => {
    await render(everyFeaturePlan(), { formulas: "native" });
    expect(fake.cell("Scorecard", "C4")?.formula).toBe("=ROUND(90.25,1)");
  });

  it("keeps text that Excel would turn into a formula or a number as text (SPEC §8)", async () => {
    await render(everyFeaturePlan());
    const text = (a: string) => {
      const cell = fake.cell("Scorecard", a);
      return { value: cell?.value, formula: cell?.formula };
    };
    expect(text("F4")).toEqual({ value: "=A", formula: undefined });
    expect(text("F5")).toEqual({ value: "-5", formula: undefined });
    expect(text("B6")).toEqual({ value: "@Cy", formula: undefined });
    expect(text("F6")).toEqual({ value: "'quoted", formula: undefined });
    expect(text("A4")).toEqual({ value: "E001", formula: undefined });
  });

  it("applies styles by rectangle: title, header row, input column, total", async () => {
    await render(everyFeaturePlan());
    const format = (a: string) => fake.cell("Scorecard", a)?.format;
    expect(format("A1")).toMatchObject({ bold: true, size: 16, color: "#1F4E79" });
    for (const a of ["A3", "D3", "G3"]) {
      expect(format(a)).toMatchObject({
        bold: true,
        color: "#FFFFFF",
        fill: "#1F4E79",
        horizontalAlignment: "Center",
      });
    }
    expect(format("G3")?.borders).toMatchObject({ EdgeTop: "Continuous", EdgeRight: "Continuous" });
    // The header style replaces the column style on the first row: G3 is not an input-coloured cell.
    expect(format("G4")).toMatchObject({ fill: "#FFF2CC", wrapText: true, verticalAlignment: "Top" });
    expect(format("A8")).toMatchObject({ bold: true });
    expect(format("B4")?.bold).toBeUndefined();
  });
});

describe("renderPlanInExcel: sheet features", () => {
  it("sets columns, rows, freeze panes, merges, print, tab colour and visibility", async () => {
    await render(everyFeaturePlan());
    const sheet = fake.sheet("Scorecard");
    // Width 10 → trunc((2560 + 18) / 256 × 7) = 70 px = 52.5 pt; 20 → 140 px = 105 pt; 12 → 84 px = 63 pt.
    expect(sheet.columns.get(1)).toEqual({ width: 52.5 });
    expect(sheet.columns.get(2)).toEqual({ width: 105 });
    expect(sheet.columns.get(3)).toBeUndefined();
    expect(sheet.columns.get(5)).toEqual({ width: 63, hidden: true });
    expect(sheet.rows.get(1)).toEqual({ height: 30 });
    expect(sheet.freeze).toEqual({ rows: 3, cols: 1 });
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 7 }]);
    expect(sheet.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$3",
      printArea: "A1:G8",
    });
    expect(sheet.tabColor).toBe("#1F4E79");
    expect(sheet.visibility).toBe("Visible");
    expect(fake.sheet("Dashboard").visibility).toBe("Hidden");
  });

  it("adds the table, conditional formats and data validations", async () => {
    await render(everyFeaturePlan());
    expect(
      fake.tables.map(({ name, rect, style, showBandedRows }) => ({ name, rect, style, showBandedRows })),
    ).toEqual([
      {
        name: "ScoreTable",
        rect: { top: 3, left: 1, bottom: 6, right: 7 },
        style: "TableStyleLight9",
        showBandedRows: false,
      },
    ]);
    const cfs = fake
      .sheet("Scorecard")
      .conditionalFormats.map(({ address, type, settings }) => ({ address, type, settings }));
    expect(cfs).toEqual([
      {
        address: "C4:C6",
        type: "ColorScale",
        settings: {
          "colorScale.criteria": {
            minimum: { type: "LowestValue", color: "#F8696B" },
            midpoint: { type: "Number", formula: "60", color: "#FFEB84" },
            maximum: { type: "HighestValue", color: "#63BE7B" },
          },
        },
      },
      {
        address: "D4:D6",
        type: "DataBar",
        settings: {
          "dataBar.positiveFormat.fillColor": "#638EC6",
          "dataBar.lowerBoundRule": { type: "Number", formula: "0" },
          "dataBar.upperBoundRule": { type: "Number", formula: "1" },
        },
      },
      {
        address: "C4:C6",
        type: "CellValue",
        settings: {
          "cellValue.rule": { formula1: "=60", operator: "LessThan" },
          "cellValue.format.fill.color": "#FFC7CE",
          "cellValue.format.font.color": "#9C0006",
        },
      },
      {
        address: "F4:F6",
        type: "Custom",
        settings: { "custom.rule.formula": '=$F4="S"', "custom.format.fill.color": "#C6EFCE" },
      },
    ]);
    expect(fake.sheet("Scorecard").dataValidations).toEqual([
      {
        address: "F4:F6",
        rule: { list: { inCellDropDown: true, source: "S,A,B" } },
        prompt: { message: "Pick a grade", showPrompt: true, title: "" },
      },
      { address: "C4:C6", rule: { decimal: { formula1: 0, formula2: 120, operator: "Between" } } },
      { address: "E4:E6", rule: { date: { formula1: "1900-01-01", operator: "GreaterThanOrEqualTo" } } },
    ]);
  });

  it("adds charts with series refs, titles, legend and position", async () => {
    await render(everyFeaturePlan());
    const [column] = fake.sheet("Scorecard").charts;
    expect(column).toMatchObject({
      type: "ColumnClustered",
      series: [
        { name: "Score", values: "Scorecard!$C$4:$C$6", categories: "Scorecard!$B$4:$B$6", color: "#1F4E79" },
        { name: "Share", values: "Scorecard!$D$4:$D$6" },
      ],
      settings: {
        "title.text": "Scores",
        "legend.visible": true,
        "legend.position": "Bottom",
        "axes.categoryAxis.title.text": "Employee",
        "axes.valueAxis.title.text": "Score",
      },
      position: { start: "I2", end: "P18" },
    });
    // A pie on another sheet reads the scorecard; it has a legend on the right and no axes.
    const [pie] = fake.sheet("Dashboard").charts;
    expect(pie).toMatchObject({
      type: "Pie",
      series: [{ name: "Share", values: "Scorecard!$D$4:$D$5", categories: "Scorecard!$B$4:$B$5" }],
      settings: { "title.text": "Share", "legend.visible": true, "legend.position": "Right" },
    });
    expect(Object.keys(pie.settings).some((k) => k.startsWith("axes."))).toBe(false);
  });

  it("protects the sheet with input cells and the listed ranges unlocked", async () => {
    await render(everyFeaturePlan());
    expect(fake.sheet("Scorecard").protection.protected).toBe(true);
    expect(fake.sheet("Dashboard").protection.protected).toBe(false);
    const locked = (a: string) => fake.cell("Scorecard", a)?.locked;
    expect([locked("G4"), locked("G5"), locked("G6"), locked("B10"), locked("B12")]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([locked("A4"), locked("C4"), locked("G3")]).toEqual([true, true, true]);
  });

  it("marks generated sheets with a workbook name pointing at A1", async () => {
    await render(everyFeaturePlan());
    expect(fake.names.map((n) => [n.name, fake.nameFormula(n)])).toEqual([
      ["PerfSheet.scorecard", "=Scorecard!$A$1"],
      ["PerfSheet.dashboard", "=Dashboard!$A$1"],
    ]);
  });
});

describe("renderPlanInExcel: notes by API version", () => {
  const annotations = () => fake.annotations.map(({ kind, row, col, text }) => ({ kind, row, col, text }));

  it("uses notes where ExcelApi 1.18 has them", async () => {
    await render(everyFeaturePlan());
    expect(annotations()).toEqual([{ kind: "note", row: 3, col: 3, text: "Weighted KPI score, 0–120" }]);
  });

  it("falls back to comments on ExcelApi 1.10–1.17", async () => {
    fake.apiVersion = "1.12";
    await render(everyFeaturePlan());
    expect(annotations()).toEqual([{ kind: "comment", row: 3, col: 3, text: "Weighted KPI score, 0–120" }]);
  });

  it("leaves notes out, and renders the rest, below ExcelApi 1.10", async () => {
    fake.apiVersion = "1.9";
    await render(everyFeaturePlan());
    expect(annotations()).toEqual([]);
    expect(fake.sheet("Scorecard").charts).toHaveLength(1);
  });
});

describe("renderPlanInExcel: regeneration", () => {
  it("regenerates a marked sheet in place: old content, tables, charts and notes go", async () => {
    fake.seedSheet("My data", [["keep me", 1]]);
    await render(everyFeaturePlan());
    const id = fake.sheet("Scorecard").id;
    const smaller: WorkbookPlan = {
      lang: "en-US",
      sheets: [
        {
          name: "Scorecard",
          kind: "scorecard",
          generated: true,
          blocks: [{ at: "B2", rows: [["only this"]] }],
        },
      ],
    };
    const { syncs } = await render(smaller);
    // One read, one read of what to remove from the marked sheet, one write.
    expect(syncs).toBe(3);
    const sheet = fake.sheet("Scorecard");
    expect(sheet.id).toBe(id);
    expect(snapshotSheet(fake, "Scorecard")).toEqual([
      { address: "B2", value: "only this", formula: null, numberFormat: "General" },
    ]);
    expect(fake.tables).toEqual([]);
    expect(sheet.charts).toEqual([]);
    expect(sheet.conditionalFormats).toEqual([]);
    expect(sheet.dataValidations).toEqual([]);
    expect(sheet.merges).toEqual([]);
    expect(sheet.freeze).toEqual({ rows: 0, cols: 0 });
    expect(sheet.protection.protected).toBe(false);
    expect([...sheet.columns.values()].every((c) => c.width === undefined && !c.hidden)).toBe(true);
    expect(fake.annotations.filter((a) => a.sheetId === id)).toEqual([]);
    // The user's sheet and the dashboard (not in this plan) are untouched.
    expect(snapshotSheet(fake, "My data").map((c) => c.value)).toEqual(["keep me", 1]);
    expect(fake.sheet("Dashboard").charts).toHaveLength(1);
  });

  it("renders the same plan twice to the same result", async () => {
    await render(everyFeaturePlan());
    const first = {
      cells: snapshotSheet(fake, "Scorecard"),
      sheets: fake.sheets.map((s) => s.name),
      names: fake.names.length,
    };
    await render(everyFeaturePlan());
    expect({
      cells: snapshotSheet(fake, "Scorecard"),
      sheets: fake.sheets.map((s) => s.name),
      names: fake.names.length,
    }).toEqual(first);
    expect(fake.tables.map((t) => t.name)).toEqual(["ScoreTable"]);
    expect(fake.sheet("Scorecard").charts).toHaveLength(1);
    expect(fake.annotations).toHaveLength(1);
  });

  it("refuses a sheet of the same name without a marker, before writing anything", async () => {
    fake.seedSheet("Scorecard", [["my own numbers", 42]]);
    const before = state();
    const error = await render(everyFeaturePlan()).catch((e: unknown) => e);
    expect(isPerfError(error) && error.code).toBe("sheet_is_user_data");
    expect((error as Error).message).toContain("“Scorecard”");
    expect(state()).toBe(before);
    // Only the reading request went out, and it held loads only.
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].operations).toBe(3);
  });

  it("refuses a planned table name used by a table on a user's sheet", async () => {
    const mine = fake.seedSheet("Mine", [["a"], [1]]);
    fake.tables.push({
      id: 999,
      name: "ScoreTable",
      sheetId: mine.id,
      rect: { top: 1, left: 1, bottom: 2, right: 1 },
    });
    const before = state();
    const error = await render(everyFeaturePlan()).catch((e: unknown) => e);
    expect(isPerfError(error) && error.code).toBe("table_name_taken");
    expect(state()).toBe(before);
  });

  it("reuses the sheet its kind's marker points at when the user renamed it", async () => {
    const renamed = fake.seedSheet("Old scores", [["stale"]]);
    fake.seedName("PerfSheet.scorecard", "Old scores");
    await render({ lang: "en-US", sheets: [everyFeatureSheet()] });
    expect(fake.hasSheet("Old scores")).toBe(false);
    expect(fake.sheet("Scorecard").id).toBe(renamed.id);
    expect(fake.names.map((n) => fake.nameFormula(n))).toEqual(["=Scorecard!$A$1"]);
  });

  it("replaces a marker left pointing at a deleted sheet", async () => {
    fake.seedSheet("Gone", []);
    fake.seedName("PerfSheet.dashboard", "Gone");
    fake.deleteSheet(fake.sheet("Gone"));
    await render({ lang: "en-US", sheets: [everyFeatureSheet(), dashboardSheet()] });
    expect(fake.names.map((n) => [n.name, fake.nameFormula(n)])).toEqual([
      ["PerfSheet.scorecard", "=Scorecard!$A$1"],
      ["PerfSheet.dashboard", "=Dashboard!$A$1"],
    ]);
  });
});
