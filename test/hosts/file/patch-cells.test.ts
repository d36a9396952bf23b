/**
 * Settings set in a chosen file's own XML (the task pane outside Office): the cells read back
 * as set, every other part is byte for byte what it was, and exceljs and LibreOffice open it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { patchCells } from "../../../src/hosts/file/stream/patch-cells";
import { readXlsxFast } from "../../../src/hosts/file/stream/read-fast";
import { ZipReader } from "../../../src/hosts/file/stream/zip";
import { applyCellEdits, settingCellEdits } from "../../../src/taskpane/settings-edits";
import { libreOfficeOrSkip, recalcXlsx } from "../../support/libreoffice";
import { sampleXlsx } from "../../taskpane/support";

const VALUES = { bonus_pool: "150000", coefficients: "S:2,A:1.5,B:1,C:0.5,D:0", review_limit: "50" };

async function patchedSample(lang: "en-US" | "zh-CN") {
  const input = await sampleXlsx(lang);
  const raw = readXlsxFast(input).raw;
  const edits = settingCellEdits(raw, VALUES)!;
  const output = patchCells(input, edits);
  if (!output) throw new Error("the sample's Settings sheet was not patched");
  return { input, raw, edits, output };
}

describe("patchCells", () => {
  it.each(["en-US", "zh-CN"] as const)(
    "sets the sample's settings and reads back as set (%s)",
    async (lang) => {
      const { raw, edits, output } = await patchedSample(lang);
      expect(edits.length).toBeGreaterThanOrEqual(3);
      expect(readXlsxFast(output).raw).toEqual(applyCellEdits(raw, edits));
    },
  );

  it("keeps every other part byte for byte", async () => {
    const { input, edits, output } = await patchedSample("en-US");
    const before = new ZipReader(input);
    const after = new ZipReader(output);
    expect([...after.entries.keys()]).toEqual([...before.entries.keys()]);
    const settingsPart = readXlsxFast(input).pkg.sheets.find((s) => s.name === edits[0].sheet)!.part!;
    for (const name of before.entries.keys()) {
      if (name === settingsPart) continue;
      expect(Buffer.from(after.read(name)!).equals(before.read(name)!), name).toBe(true);
    }
  });

  it("gives a workbook exceljs opens with the values, numbers as numbers", async () => {
    const { edits, output } = await patchedSample("en-US");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(output.buffer.slice(0) as ArrayBuffer);
    for (const e of edits) expect(wb.getWorksheet(e.sheet)!.getCell(e.row, e.col).value).toBe(e.value);
  });

  it.skipIf(!libreOfficeOrSkip())(
    "gives a workbook LibreOffice opens and saves with the values",
    async () => {
      const { edits, output } = await patchedSample("zh-CN");
      const dir = mkdtempSync(join(tmpdir(), "perfsheet-patch-"));
      const file = join(dir, "patched.xlsx");
      writeFileSync(file, output);
      const saved = await recalcXlsx(file);
      for (const e of edits) expect(saved.getWorksheet(e.sheet)!.getCell(e.row, e.col).value).toBe(e.value);
    },
    60_000,
  );

  it("leaves a formula in a value cell to a whole re-save", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Settings");
    ws.getCell("A1").value = "key";
    ws.getCell("B1").value = "value";
    ws.getCell("A2").value = "bonus_pool";
    ws.getCell("B2").value = { formula: "100*1000", result: 100000 };
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(patchCells(bytes, [{ sheet: "Settings", row: 2, col: 2, value: 5 }])).toBeUndefined();
    // A cell without a formula, and a new row, are set.
    const out = patchCells(bytes, [
      { sheet: "Settings", row: 2, col: 1, value: "bonus_pool <new>" },
      { sheet: "Settings", row: 7, col: 3, value: 12.5 },
    ])!;
    const back = readXlsxFast(out).raw.sheets[0];
    expect(back.origin ?? { row: 1, col: 1 }).toEqual({ row: 1, col: 1 });
    expect(back.rows[1][0]).toBe("bonus_pool <new>");
    expect(back.rows[6][2]).toBe(12.5);
  });
});
