import { describe, it, expect } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { convertWithLibreOffice, libreOfficeOrSkip, recalcXlsx } from "../support/libreoffice";

describe.skipIf(!libreOfficeOrSkip())("LibreOffice harness", () => {
  it("recalculates formulas on load instead of trusting cached results", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perfsheet-lo-test-"));
    const input = join(dir, "stale.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = 2;
    ws.getCell("A2").value = 3;
    // Deliberately wrong cached results: 2*3 is 6, not 999; the text is "ab", not "zz".
    ws.getCell("B1").value = { formula: "A1*A2", result: 999 };
    ws.getCell("B2").value = { formula: 'CONCATENATE("a","b")', result: "zz" };
    // No cached result at all: 1/0 must come back as an error value.
    ws.getCell("B3").value = { formula: "1/0" } as ExcelJS.CellFormulaValue;
    // A zero result must survive the round trip (read through cell.result, see recalcXlsx).
    ws.getCell("B4").value = { formula: "A1*A2-6", result: 7 };
    await wb.xlsx.writeFile(input);

    const out = await recalcXlsx(input);
    const sheet = out.getWorksheet("Data")!;
    expect(sheet.getCell("B1").result).toBe(6);
    expect(sheet.getCell("B2").result).toBe("ab");
    expect(sheet.getCell("B3").result).toEqual({ error: "#DIV/0!" });
    expect(sheet.getCell("B4").result).toBe(0);
  });

  it("converts to csv with recalculated values", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perfsheet-lo-test-"));
    const input = join(dir, "sum.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = 40;
    ws.getCell("A2").value = 2;
    ws.getCell("A3").value = { formula: "SUM(A1:A2)", result: 0 };
    await wb.xlsx.writeFile(input);

    const csv = await convertWithLibreOffice(input, "csv", join(dir, "out"));
    expect(csv).toBe(join(dir, "out", "sum.csv"));
    expect(readFileSync(csv, "utf8").trim().split(/\r?\n/)).toEqual(["40", "2", "42"]);
  });
});
