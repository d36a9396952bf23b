/**
 * The streaming package writer on hand-made packages and plans: a bare package without a styles
 * part, a list too long to be inline (the hidden lists sheet), notes, tables, merges, unlocked
 * ranges, print titles, a marker left dangling by a user who deleted its sheet, and shared
 * formulas.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { libreOfficeOrSkip, recalcXlsx } from "../../support/libreoffice";
import { XlsxPackage } from "../../../src/hosts/file/stream/package";
import { writeReviewPackage, type WriteOptions } from "../../../src/hosts/file/stream/write-package";
import { ZipReader, ZipWriter } from "../../../src/hosts/file/stream/zip";
import { LISTS_SHEET } from "../../../src/hosts/file/lists";
import type { DeferredPlan, SheetPlan, WorkbookPlan } from "../../../src/workbook/plan";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A minimal package: one sheet (default "Data") with A1 = 1, no styles, no shared strings. */
function barePackage(definedNames = "", sheetName = "Data"): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new ZipWriter((c) => chunks.push(Uint8Array.from(c)));
  zip.add(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      "</Types>",
  );
  zip.add(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.add(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets>${definedNames}</workbook>`,
  );
  zip.add(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.add(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
  );
  zip.finish();
  return Buffer.concat(chunks);
}

/** A built plan as a deferred one. */
function deferPlan(plan: WorkbookPlan): DeferredPlan {
  return {
    lang: plan.lang,
    sheets: plan.sheets.map((s) => ({ name: s.name, kind: s.kind, build: () => s })),
  };
}

function write(input: Uint8Array, plan: WorkbookPlan | DeferredPlan, opts?: WriteOptions): Uint8Array {
  const chunks: Uint8Array[] = [];
  const deferred = plan.sheets.every((s) => "build" in s)
    ? (plan as DeferredPlan)
    : deferPlan(plan as WorkbookPlan);
  writeReviewPackage(
    new XlsxPackage(new ZipReader(input)),
    deferred,
    (c) => chunks.push(Uint8Array.from(c)),
    opts,
  );
  return Buffer.concat(chunks);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const LONG = Array.from({ length: 60 }, (_, i) => `Choice number ${i + 1}`);

const PLAN: WorkbookPlan = {
  lang: "en-US",
  sheets: [
    {
      name: "Report & more",
      kind: "report",
      generated: true,
      blocks: [
        {
          at: "A1",
          headerStyle: "header",
          rows: [
            ["Name", "Score", "When", "Pick"],
            ["Ann <a>", { formula: "1+1", result: 2 }, { date: "2026-07-01" }, { value: null, input: true }],
            ["Bob", { value: 0.5, style: "percent" }, null, { value: "x", style: "input", input: true }],
          ],
        },
        { at: "A6", rows: [[{ value: "A merged note", style: "note" }]] },
      ],
      merges: ["A6:D7"],
      tables: [{ name: "PerfReport", ref: "A1:D3" }],
      dataValidations: [{ ref: "D2:D3", type: "list", values: LONG }],
      notes: [{ cell: "B1", text: "How the score is made" }],
      protect: { unlocked: ["C2:C3"] },
      freeze: { rows: 1, cols: 1 },
      print: { orientation: "landscape", fitToWidth: true, titleRows: "1:1" },
      columns: [{ width: 20 }, { width: 12 }, { hidden: true }],
      rowHeights: { 6: 30 },
      tabColor: "1F4E79",
    },
  ],
};

describe("writeReviewPackage on a bare package", () => {
  it("writes a workbook exceljs reads back, with a styles part, the lists sheet and its parts", async () => {
    const wb = await load(write(barePackage(), PLAN));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Data", "Report & more", LISTS_SHEET]);
    expect(wb.getWorksheet("Data")!.getCell("A1").value).toBe(1);
    const ws = wb.getWorksheet("Report & more")!;
    expect(ws.getCell("A2").value).toBe("Ann <a>");
    expect(ws.getCell("B2").value).toEqual({ formula: "1+1", result: 2 });
    expect(ws.getCell("C2").value).toEqual(new Date(Date.UTC(2026, 6, 1)));
    expect(ws.getCell("C2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("B3").numFmt).toBe("0%");
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(ws.getCell("A1").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FF1F4E79" } });
    expect(ws.getCell("D2").protection?.locked).toBe(false);
    expect(ws.getCell("C3").protection?.locked).toBe(false);
    expect(ws.getCell("A2").protection?.locked).not.toBe(false);
    expect(ws.getCell("B7").font?.italic).toBe(true); // a merge's cells take its top-left cell's format
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(["A6:D7"]);
    expect(ws.getTables().length).toBe(1);
    expect(ws.getCell("B1").note).toBe("How the score is made");
    expect(ws.getColumn(3).hidden).toBe(true);
    expect(ws.getRow(6).height).toBe(30);
    expect(ws.pageSetup.printTitlesRow).toBe("1:1");
    const validations = (ws as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation } })
      .dataValidations;
    const dv = validations.find("D2");
    expect(dv.formulae).toEqual([`'${LISTS_SHEET}'!$A$1:$A$60`]);
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    expect(lists.state).toBe("hidden");
    expect(lists.getCell("A60").value).toBe("Choice number 60");
    const markers = (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => n.name).sort();
    expect(markers).toEqual(["PerfSheet.lists", "PerfSheet.report"]);
  });

  it("replaces a marker its user left dangling instead of writing a second of the same name", async () => {
    const dangling =
      "<definedNames><definedName name=\"PerfSheet.report\">'Gone'!$A$1</definedName></definedNames>";
    const bytes = write(barePackage(dangling), PLAN);
    const workbookXml = new ZipReader(bytes).readText("xl/workbook.xml")!;
    expect(workbookXml.match(/name="PerfSheet\.report"/g)?.length).toBe(1);
    expect(workbookXml).toContain("&apos;Report &amp; more&apos;!$A$1");
    // Running again on the output replaces the sheets in place.
    const again = await load(write(bytes, PLAN));
    expect(again.worksheets.map((w) => w.name)).toEqual(["Data", "Report & more", LISTS_SHEET]);
  });

  it("builds each sheet of a deferred plan once, in order, after the one before is written", async () => {
    const events: string[] = [];
    const sheet = (name: string, rows: number): SheetPlan => ({
      name,
      kind: name.toLowerCase(),
      generated: true,
      blocks: [{ at: "A1", rows: Array.from({ length: rows }, (_, i) => [name, i]) }],
    });
    const deferred: DeferredPlan = {
      lang: "en-US",
      sheets: [
        { name: "First", kind: "first", build: () => (events.push("build First"), sheet("First", 3)) },
        { name: "Second", kind: "second", build: () => (events.push("build Second"), sheet("Second", 5)) },
      ],
    };
    const bytes = write(barePackage(), deferred, {
      onSheetWritten: (cells) => events.push(`wrote ${cells}`),
    });
    expect(events).toEqual(["build First", "wrote 6", "build Second", "wrote 10"]);
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Data", "First", "Second"]);
    expect(wb.getWorksheet("Second")!.getCell("B5").value).toBe(4);
  });

  it("refuses a deferred sheet that builds as another sheet than it announced", () => {
    const wrong: DeferredPlan = {
      lang: "en-US",
      sheets: [{ name: "Scorecard", kind: "scorecard", build: () => ({ ...PLAN.sheets[0] }) }],
    };
    expect(() => write(barePackage(), wrong)).toThrow(/deferred sheet "Scorecard" \(scorecard\) built as/);
  });

  it("never overwrites a user's sheet that has the lists sheet's name", () => {
    expect(() => write(barePackage("", LISTS_SHEET), PLAN)).toThrow(/holds user data/);
  });
});

describe("shared formulas", () => {
  // Score: the same formula moved down every row (a string "Q1" in it, which must not move).
  // Next: shared in rows 2–3 and 5–6, row 4 its own. The cached results are wrong on purpose:
  // what LibreOffice shows must come from the formulas it reads.
  const rows = [2, 3, 4, 5, 6].map((r) => [
    r * 10,
    40,
    { formula: `IF(A${r}>=B${r},"Q1",A${r}/B${r})`, result: -1 },
    { formula: r === 4 ? `A${r}*2` : `A${r}+1`, result: -1 },
  ]);
  const plan: WorkbookPlan = {
    lang: "en-US",
    sheets: [
      {
        name: "Shared",
        kind: "shared",
        generated: true,
        blocks: [{ at: "A1", rows: [["Actual", "Target", "Score", "Next"], ...rows] }],
      },
      {
        // The same formulas under another block's cell: written one by one.
        name: "Covered",
        kind: "covered",
        generated: true,
        blocks: [
          { at: "A1", rows: [["Actual", "Target", "Score", "Next"], ...rows] },
          { at: "C4", rows: [["over"]] },
        ],
      },
    ],
  };
  const bytes = write(barePackage(), plan);
  const sheetXml = (name: string) => {
    const zip = new ZipReader(bytes);
    const workbook = Buffer.from(zip.read("xl/workbook.xml")!).toString();
    const rels = Buffer.from(zip.read("xl/_rels/workbook.xml.rels")!).toString();
    const id = new RegExp(`<sheet name="${name}" sheetId="\\d+" r:id="(rId\\d+)"`).exec(workbook)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    return Buffer.from(zip.read(`xl/${target.replace(/^\/?xl\//, "")}`)!).toString();
  };

  it("writes a column's formula once, with its range, and the cells below point at it", () => {
    const xml = sheetXml("Shared");
    const formulas = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>(<f[^>]*\/>|<f[^>]*>[^<]*<\/f>)/g)].map(
      ([, cell, f]) => `${cell} ${f}`,
    );
    expect(formulas).toEqual([
      'C2 <f t="shared" ref="C2:C6" si="0">IF(A2&gt;=B2,"Q1",A2/B2)</f>',
      'D2 <f t="shared" ref="D2:D3" si="1">A2+1</f>',
      'C3 <f t="shared" si="0"/>',
      'D3 <f t="shared" si="1"/>',
      'C4 <f t="shared" si="0"/>',
      "D4 <f>A4*2</f>",
      'C5 <f t="shared" si="0"/>',
      'D5 <f t="shared" ref="D5:D6" si="2">A5+1</f>',
      'C6 <f t="shared" si="0"/>',
      'D6 <f t="shared" si="2"/>',
    ]);
    expect(sheetXml("Covered")).not.toContain('t="shared"');
  });

  describe.skipIf(!libreOfficeOrSkip())("recalculated by LibreOffice", () => {
    it("every shared cell computes its own row", async () => {
      const dir = mkdtempSync(join(tmpdir(), "perfsheet-shared-"));
      const path = join(dir, "shared.xlsx");
      writeFileSync(path, bytes);
      const sheet = (await recalcXlsx(path)).getWorksheet("Shared")!;
      const shown = (address: string) => sheet.getCell(address).result;
      expect([2, 3, 4, 5, 6].map((r) => shown(`C${r}`))).toEqual([0.5, 0.75, "Q1", "Q1", "Q1"]);
      expect([2, 3, 4, 5, 6].map((r) => shown(`D${r}`))).toEqual([21, 31, 80, 51, 61]);
    }, 120_000);
  });
});
