/**
 * The Office renderer and the file renderer agree cell for cell on the same plans (the
 * sample's whole review workbook): constants, native formulas and number formats. The Office
 * host runs on the in-memory Excel stand-in in "native" formula mode, so both write the same
 * formula text.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import ExcelJS from "exceljs";
import { templatePlan } from "../../src/workbook/template";
import { sampleData } from "../../src/workbook/sample";
import { writePlanToXlsx } from "../../src/hosts/file/render-xlsx";
import { runWorkbookFile } from "../support/exceljs-run";
import { renderPlanInExcel } from "../../src/hosts/office/render";
import { isoToSerial } from "../../src/workbook/cells";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { FakeExcel, installOfficeRequirements, snapshotSheet } from "../support/fake-excel";

type Cell = { value: unknown; formula: string | null; numberFormat: string };

/** exceljs cells as the fake reports them: dates as serials, formulas with `=`, blanks left out. */
function fileCells(ws: ExcelJS.Worksheet): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      // exceljs answers a merged cell's value with its master's; Excel keeps only the master.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = cell.value as unknown;
      let value: unknown = v;
      let formula: string | null = null;
      if (v instanceof Date) value = isoToSerial(v.toISOString().slice(0, 10));
      else if (v && typeof v === "object" && "formula" in v) {
        formula = "=" + (v as { formula: string }).formula;
        value = null;
      }
      const numberFormat = cell.numFmt || "General";
      if (value === null && formula === null && numberFormat === "General") return;
      cells.set(cell.address, { value, formula, numberFormat });
    }),
  );
  return cells;
}

describe("Office and file renderers on the sample's review plans", () => {
  let plan: WorkbookPlan;
  let fake: FakeExcel;
  let uninstall: () => void;
  let file: ExcelJS.Workbook;

  beforeAll(async () => {
    const input = await writePlanToXlsx(templatePlan("en-US", sampleData("en-US")));
    const out = await runWorkbookFile(input, { today: "2026-11-23" });
    if (!out.ok) throw new Error("sample failed");
    plan = out.run.plan;
    file = new ExcelJS.Workbook();
    await file.xlsx.load((await writePlanToXlsx(plan)) as unknown as ArrayBuffer);
    fake = new FakeExcel();
    uninstall = installOfficeRequirements(fake);
    await renderPlanInExcel(fake.context as unknown as Excel.RequestContext, plan, { formulas: "native" });
  });
  afterAll(() => uninstall?.());

  it("writes the same sheets", () => {
    for (const s of plan.sheets) {
      expect(file.getWorksheet(s.name), s.name).toBeDefined();
      expect(fake.sheet(s.name), s.name).toBeDefined();
    }
  });

  it("agrees on every cell's constant, formula and number format", () => {
    let compared = 0;
    for (const s of plan.sheets) {
      const fromFile = fileCells(file.getWorksheet(s.name)!);
      const fromOffice = new Map(
        snapshotSheet(fake, s.name).map((c) => [
          c.address,
          { value: c.formula ? null : c.value, formula: c.formula, numberFormat: c.numberFormat },
        ]),
      );
      // A blank cell with a format counts on both sides; cells only one side lists must be blank and General.
      const addresses = new Set([...fromFile.keys(), ...fromOffice.keys()]);
      for (const a of addresses) {
        const f = fromFile.get(a) ?? { value: null, formula: null, numberFormat: "General" };
        const o = fromOffice.get(a) ?? { value: null, formula: null, numberFormat: "General" };
        expect(o, `${s.name}!${a}`).toEqual(f);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });
});
