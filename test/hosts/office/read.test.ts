import { describe, expect, it } from "vitest";
import { rawCell, readWorkbookFromExcel } from "../../../src/hosts/office/read";
import { markerName, sheetOfMarkerRef } from "../../../src/workbook/markers";
import { renderPlanInExcel } from "../../../src/hosts/office/render";
import { isFormula, isStyled, type CellPlan } from "../../../src/workbook/plan";
import { FakeExcel } from "../../support/fake-excel";
import { everyFeaturePlan, useFakeExcel } from "./plans";

let fake: FakeExcel;
useFakeExcel((f) => (fake = f));

const context = () => fake.context as unknown as Excel.RequestContext;

describe("readWorkbookFromExcel", () => {
  it("reads back what render wrote: text, numbers, date serials, booleans, formula results, tables", async () => {
    const plan = everyFeaturePlan();
    // The fake does not calculate: formula cells show the result the plan computed.
    const results = new Map<string, unknown>();
    const collect = (cell: CellPlan) => {
      const value = isStyled(cell) ? cell.value : cell;
      if (isFormula(value)) results.set(`=${value.formula}`, value.result);
    };
    plan.sheets.forEach((s) => s.blocks.forEach((b) => b.rows.forEach((r) => r.forEach(collect))));
    fake.formulaResult = (formula) => (results.get(formula) as number | undefined) ?? null;
    await renderPlanInExcel(context(), plan, { formulas: "native" });

    const before = fake.syncs;
    const raw = await readWorkbookFromExcel(context());
    expect(fake.syncs - before).toBe(2);
    expect(raw.sheets.map((s) => s.name)).toEqual(["Sheet1", "Scorecard", "Dashboard"]);
    expect(raw.sheets[0]).toEqual({ name: "Sheet1", rows: [] });
    // The generated sheets' markers come with the same two syncs.
    expect(raw.definedNames?.map((n) => [n.name, sheetOfMarkerRef(n.ref)])).toEqual(
      plan.sheets.filter((s) => s.generated).map((s) => [markerName(s.kind), s.name]),
    );

    const scorecard = raw.sheets[1];
    expect(scorecard.origin).toEqual({ row: 1, col: 1 });
    expect(scorecard.tables).toEqual([{ name: "ScoreTable", ref: "A3:G6" }]);
    // Rows 1 to 8 of columns A to G (the used range is bounded by values, not by formats).
    expect(scorecard.rows).toEqual([
      ["Scorecard Q1", null, null, null, null, null, null],
      [null, null, null, null, null, null, null],
      ["ID", "Name", "Score", "Share", "Due", "Grade", "Comment"],
      // 2024-03-01 and -02 are serials 45352 and 45353 (see render.test.ts).
      ["E001", "Ann", 90.3, 0.25, 45352, "=A", null],
      ["E002", "Bob", 75, 0.5, 45353, "-5", "ok"],
      ["E003", "@Cy", 165.3, true, null, "'quoted", null],
      [null, null, null, null, null, null, null],
      ["Total", null, 255.3, null, null, null, null],
    ]);
    expect(raw.sheets[2]).toEqual({ name: "Dashboard", rows: [["Dashboard"]], origin: { row: 1, col: 1 } });
  });

  it("gives error values as RawError and keeps the used range's origin", async () => {
    fake.seedSheet(
      "Actuals",
      [
        ["kpi", "actual"],
        ["K1", null],
        ["K2", 3],
      ],
      "C5",
    );
    // An error constant in D6 and a formula whose result is an error in C7.
    Object.assign(fake.cell("Actuals", "D6")!, { value: null, error: "#N/A" });
    Object.assign(fake.cell("Actuals", "C7")!, { value: null, formula: "=1/0" });
    fake.formulaResult = () => "#DIV/0!";
    const raw = await readWorkbookFromExcel(context());
    const actuals = raw.sheets.find((s) => s.name === "Actuals");
    expect(actuals).toEqual({
      name: "Actuals",
      origin: { row: 5, col: 3 },
      rows: [
        ["kpi", "actual"],
        ["K1", { error: "#N/A" }],
        [{ error: "#DIV/0!" }, 3],
      ],
    });
  });
});

describe("rawCell", () => {
  it("maps Excel's value types", () => {
    expect(rawCell("", "Empty")).toBeNull();
    expect(rawCell("#REF!", "Error")).toEqual({ error: "#REF!" });
    expect(rawCell(45352, "Double")).toBe(45352);
    expect(rawCell(false, "Boolean")).toBe(false);
    expect(rawCell("E001", "String")).toBe("E001");
  });
});
