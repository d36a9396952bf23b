import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rawCellOf, readXlsx, WorkbookFileError } from "../../../src/hosts/file/read-xlsx";

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("rawCellOf: exceljs values as the user sees them", () => {
  it.each([
    [null, null],
    [undefined, null],
    [42, 42],
    ["text", "text"],
    [true, true],
    [{ richText: [{ text: "Grow " }, { font: { bold: true }, text: "revenue" }] }, "Grow revenue"],
    [{ formula: "A1*2", result: 84 }, 84],
    [{ sharedFormula: "B2", result: "ok" }, "ok"],
    [{ formula: "1/0", result: { error: "#DIV/0!" } }, { error: "#DIV/0!" }],
    [{ formula: "A1" }, null], // never calculated: blank, as Excel shows it before recalculation
    [{ error: "#N/A" }, { error: "#N/A" }],
    [{ text: "E001", hyperlink: "mailto:ann@example.com" }, "E001"],
    [{ text: { richText: [{ text: "lin" }, { text: "k" }] }, hyperlink: "https://example.com" }, "link"],
  ])("%j reads as %j", (value, expected) => {
    expect(rawCellOf(value as ExcelJS.CellValue)).toEqual(expected);
  });

  it("keeps dates as Dates", () => {
    const date = new Date(Date.UTC(2025, 5, 30));
    expect(rawCellOf(date)).toEqual(date);
    expect(rawCellOf({ formula: "DATE(2025,6,30)", result: date } as ExcelJS.CellValue)).toEqual(date);
  });
});

describe("readXlsx", () => {
  it("reads every cell kind through a real file, with the used range's origin and tables", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("KPIs");
      // The used range starts at B3.
      ws.getCell("B3").value = "kpi_id";
      ws.getCell("C3").value = "target";
      ws.getCell("D3").value = "due";
      ws.getCell("B4").value = { richText: [{ text: "K" }, { text: "1" }] };
      ws.getCell("C4").value = { formula: "500*2", result: 1000 };
      ws.getCell("D4").value = new Date(Date.UTC(2025, 2, 31));
      ws.getCell("B5").value = { text: "K2", hyperlink: "https://example.com/k2" };
      ws.getCell("C5").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("E6").value = true;
      const other = wb.addWorksheet("员工");
      other.addTable({
        name: "Staff",
        ref: "A2",
        headerRow: true,
        columns: [{ name: "员工编号" }, { name: "姓名" }],
        rows: [
          ["E1", "安"],
          ["E2", "博"],
        ],
      });
    });
    const dir = mkdtempSync(join(tmpdir(), "perfsheet-read-"));
    const path = join(dir, "book.xlsx");
    writeFileSync(path, bytes);
    const raw = await readXlsx(path);
    expect(raw.sheets.map((s) => s.name)).toEqual(["KPIs", "员工"]);
    const kpis = raw.sheets[0];
    expect(kpis.origin).toEqual({ row: 3, col: 2 });
    expect(kpis.rows).toEqual([
      ["kpi_id", "target", "due"],
      ["K1", 1000, new Date(Date.UTC(2025, 2, 31))],
      ["K2", { error: "#DIV/0!" }],
      [null, null, null, true],
    ]);
    expect(kpis.tables).toEqual([]);
    const staff = raw.sheets[1];
    expect(staff.tables).toEqual([{ name: "Staff", ref: "A2:B4" }]);
    expect(staff.origin).toEqual({ row: 2, col: 1 });
    expect(staff.rows[2]).toEqual(["E2", "博"]);
    // Bytes read the same as the file.
    expect(await readXlsx(bytes)).toEqual(raw);
  });

  it("reads an empty sheet as no rows", async () => {
    const raw = await readXlsx(await bytesOf((wb) => wb.addWorksheet("Empty")));
    expect(raw.sheets).toEqual([{ name: "Empty", rows: [], tables: [] }]);
  });

  it("reads defined names, one entry per range", async () => {
    const raw = await readXlsx(
      await bytesOf((wb) => {
        wb.addWorksheet("Score Card").getCell("A1").value = "x";
        wb.definedNames.add("'Score Card'!$A$1", "PerfSheet.scorecard");
      }),
    );
    expect(raw.definedNames).toEqual([{ name: "PerfSheet.scorecard", ref: "'Score Card'!$A$1" }]);
  });

  it("tells a missing file from an unreadable one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perfsheet-read-"));
    await expect(readXlsx(join(dir, "nope.xlsx"))).rejects.toMatchObject({
      name: "WorkbookFileError",
      reason: "missing",
    });
    const junk = join(dir, "junk.xlsx");
    writeFileSync(junk, "this is not a zip file");
    const error = await readXlsx(junk).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as WorkbookFileError).reason).toBe("unreadable");
    await expect(readXlsx(dir)).rejects.toMatchObject({ reason: "unreadable" });
  });
});
