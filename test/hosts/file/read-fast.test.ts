/**
 * The streaming path's reader (hosts/file/stream/read-fast.ts) gives exactly the RawWorkbook of
 * the exceljs reader (read-xlsx.ts) on the same bytes: the sample input in both languages, the
 * review workbook generated from it (merges, tables, markers), the test fixtures (titles, Excel
 * tables) and a file saved by LibreOffice.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../../src/hosts/file/read-xlsx";
import { readXlsxFast } from "../../../src/hosts/file/stream/read-fast";
import { writePlanToXlsx } from "../../../src/hosts/file/render-xlsx";
import { runWorkbookFile } from "../../support/exceljs-run";
import { templatePlan } from "../../../src/workbook/template";
import { sampleData } from "../../../src/workbook/sample";
import { baseFixture, writeFixture } from "../../workbook/fixtures";
import { convertWithLibreOffice, libreOfficeOrSkip } from "../../support/libreoffice";

const LANGS = ["en-US", "zh-CN"] as const;

async function expectSameRead(bytes: Uint8Array): Promise<void> {
  const expected = await readXlsx(bytes);
  const { raw } = readXlsxFast(bytes);
  expect(raw.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
  for (let i = 0; i < expected.sheets.length; i++) expect(raw.sheets[i]).toEqual(expected.sheets[i]);
  expect(raw.definedNames).toEqual(expected.definedNames);
}

describe("readXlsxFast reads as the exceljs reader does", () => {
  it.each(LANGS)("the sample input (%s)", async (lang) => {
    await expectSameRead(await writePlanToXlsx(templatePlan(lang, sampleData(lang))));
  });

  it.each(LANGS)("the review workbook of the sample (%s)", async (lang) => {
    const input = await writePlanToXlsx(templatePlan(lang, sampleData(lang)));
    const out = await runWorkbookFile(input, { today: "2026-11-23" });
    if (!out.ok) throw new Error("run failed");
    await expectSameRead(out.xlsx);
  });

  it.each(LANGS)("the fixtures, plain and as tables under title rows (%s)", async (lang) => {
    await expectSameRead(await writeFixture(baseFixture(), lang));
    await expectSameRead(await writeFixture(baseFixture(), lang, { titleRows: 2, tables: true }));
  });

  it("cell kinds: rich text, errors, booleans, dates, formulas, merges, hyperlinks, 1904", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Kinds & more");
    ws.getCell("B2").value = { richText: [{ text: "Grow " }, { font: { bold: true }, text: "revenue" }] };
    ws.getCell("C2").value = { error: "#N/A" };
    ws.getCell("D2").value = true;
    ws.getCell("E2").value = new Date(Date.UTC(2025, 5, 30));
    ws.getCell("F2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("G2").value = { formula: "A1" };
    ws.getCell("H2").value = { formula: "DATE(2025,6,30)", result: new Date(Date.UTC(2025, 5, 30)) };
    ws.getCell("H2").numFmt = "yyyy-mm-dd";
    ws.getCell("B4").value = "merged <&> 'x'";
    ws.mergeCells("B4:D5");
    ws.getCell("B7").value = { text: "42", hyperlink: "https://example.com" };
    ws.getCell("C7").value = 0.1 + 0.2;
    ws.getCell("D7").value = "  spaced  ";
    ws.getCell("E7").value = "";
    wb.addWorksheet("Empty");
    wb.definedNames.add("'Kinds & more'!$B$2:$C$3", "area");
    await expectSameRead(new Uint8Array(await wb.xlsx.writeBuffer()));
  });

  it("a file saved by LibreOffice", async () => {
    if (!libreOfficeOrSkip()) return;
    const dir = mkdtempSync(join(tmpdir(), "perfsheet-fast-read-"));
    const input = join(dir, "sample.xlsx");
    writeFileSync(input, await writePlanToXlsx(templatePlan("zh-CN", sampleData("zh-CN"))));
    const saved = await convertWithLibreOffice(input, "xlsx", join(dir, "lo"));
    await expectSameRead(readFileSync(saved));
  }, 240_000);
});
