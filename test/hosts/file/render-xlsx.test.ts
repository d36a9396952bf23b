import { describe, it, expect, beforeAll } from "vitest";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { inlineList, LISTS_SHEET } from "../../../src/hosts/file/lists";
import {
  columnLetter,
  parseRange,
  planCharts,
  renderPlanToWorkbook,
  writePlanToXlsx,
} from "../../../src/hosts/file/render-xlsx";
import type { WorkbookPlan } from "../../../src/workbook/plan";
import { markerName, markerRef } from "../../../src/workbook/markers";
import { convertWithLibreOffice, libreOfficeOrSkip } from "../../support/libreoffice";

/** 30 words of 9 characters: the inline list `"w00000000,…"` would be 301 characters. */
const LONG_LIST = Array.from({ length: 30 }, (_, i) => `w${String(i).padStart(8, "0")}`);

/** One plan that uses every feature the renderer maps (charts are only passed on). */
function everyFeaturePlan(): WorkbookPlan {
  return {
    lang: "en-US",
    sheets: [
      {
        name: "Score Card",
        kind: "scorecard",
        generated: true,
        blocks: [
          { at: "A1", rows: [[{ value: "Scorecard", style: "title" }]] },
          {
            at: "A3",
            headerStyle: "header",
            columnStyles: ["id", "text", "score", "percent", "date"],
            rows: [
              ["id", "name", "score", "share", "due"],
              ["E001", "Ann Lee", 85.25, 0.4, { date: "2026-07-01" }],
              ["E002", "=1+1", { formula: "C4+1", result: 86.25 }, { value: 0.5, style: "bad" }, null],
              ["E003", "+86 10 1234", -5, { value: "@home", input: true }, { date: "2026-12-31" }],
              ["E004", "-minus", true, { formula: 'IF(C4>80,"high","low")', result: "high" }, null],
            ],
          },
        ],
        columns: [{ width: 10 }, { width: 24 }, { width: 9 }, { width: 9, hidden: true }, { width: 12 }],
        freeze: { rows: 3, cols: 1 },
        tables: [{ name: "tblScores", ref: "A3:E7", style: "TableStyleMedium2", showRowStripes: true }],
        conditionalFormats: [
          { ref: "C4:C7", type: "colorScale", colors: ["F8696B", "FFEB84", "63BE7B"], mid: 80 },
          { ref: "C4:C7", type: "dataBar", color: "638EC6", min: 0, max: 120 },
          {
            ref: "C4:C7",
            type: "cellIs",
            operator: "lessThan",
            formulas: ["60"],
            fill: "FFC7CE",
            font: "9C0006",
          },
          { ref: "A4:E7", type: "expression", formula: "$C4>=100", fill: "C6EFCE" },
        ],
        dataValidations: [
          { ref: "F4:F10", type: "list", values: ["higher", "lower", "binary"], prompt: "direction" },
          { ref: "G4:G10", type: "list", values: LONG_LIST },
          { ref: "H4:H10", type: "whole", min: 1, max: 5 },
          { ref: "I4:I10", type: "decimal", min: 0, max: 100 },
          { ref: "J4:J10", type: "date" },
        ],
        notes: [{ cell: "C3", text: "Score 0–120" }],
        merges: ["A1:E1"],
        rowHeights: { 1: 28 },
        print: { orientation: "landscape", fitToWidth: true, titleRows: "3:3", area: "A1:E7" },
        protect: { unlocked: ["F4:J10"] },
        charts: [
          {
            type: "column",
            title: "Scores",
            anchor: "G2:M16",
            series: [{ name: "score", values: { ref: "'Score Card'!$C$4:$C$5", cache: [85.25, 86.25] } }],
          },
        ],
        tabColor: "1F4E79",
      },
      {
        name: "Data",
        kind: "template:data",
        generated: false,
        blocks: [{ at: "A1", rows: [["x"], [1]] }],
        hidden: true,
      },
    ],
  };
}

async function sheetXml(buffer: Buffer, sheetIndex: number): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  return zip.file(`xl/worksheets/sheet${sheetIndex}.xml`)!.async("string");
}

describe("A1 helpers", () => {
  it("converts column numbers to letters", () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });
  it("reads ranges in any corner order", () => {
    expect(parseRange("C4:A1")).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
    expect(parseRange("$B$2")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
  });
  it("inlines short lists only", () => {
    expect(inlineList(["a", "b", "c"])).toBe('"a,b,c"');
    expect(inlineList(LONG_LIST)).toBeUndefined(); // 301 characters > 255
    expect(inlineList(["a,b", "c"])).toBeUndefined(); // a comma cannot be escaped inline
  });
});

describe("renderPlanToWorkbook / writePlanToXlsx", () => {
  let dir: string;
  let path: string;
  let buffer: Buffer;
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "perfsheet-render-"));
    path = join(dir, "every-feature.xlsx");
    buffer = Buffer.from(await writePlanToXlsx(everyFeaturePlan()));
    writeFileSync(path, buffer);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    ws = wb.getWorksheet("Score Card")!;
  });

  it("writes the buffer it returns", () => {
    expect(statSync(path).size).toBe(buffer.length);
  });

  it("writes values, real dates and formulas with cached results", () => {
    expect(ws.getCell("A4").value).toBe("E001");
    expect(ws.getCell("C4").value).toBe(85.25);
    expect(ws.getCell("E4").value).toEqual(new Date(Date.UTC(2026, 6, 1)));
    expect(ws.getCell("C5").value).toEqual({ formula: "C4+1", result: 86.25 });
    expect(ws.getCell("C7").value).toBe(true);
    expect(ws.getCell("D7").value).toEqual({ formula: 'IF(C4>80,"high","low")', result: "high" });
  });

  it("keeps text starting with = + - @ as text", async () => {
    expect(ws.getCell("B5").value).toBe("=1+1");
    expect(ws.getCell("B6").value).toBe("+86 10 1234");
    expect(ws.getCell("B7").value).toBe("-minus");
    expect(ws.getCell("D6").value).toBe("@home");
    const xml = await sheetXml(buffer, 1);
    // Exactly the two planned formulas are <f> elements; B5 is a shared string (t="s").
    expect(xml.match(/<f>[^<]*<\/f>/g)).toEqual([
      "<f>C4+1</f>",
      "<f>IF(C4&gt;80,&quot;high&quot;,&quot;low&quot;)</f>",
    ]);
    expect(xml).toMatch(/<c r="B5"[^>]*t="s"/);
  });

  it("applies header, column and cell styles; a cell's own style replaces its column's", () => {
    expect(ws.getCell("B3").font?.bold).toBe(true);
    expect(ws.getCell("B3").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FF1F4E79" },
    });
    expect(ws.getCell("C4").numFmt).toBe("0.0");
    expect(ws.getCell("E4").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("D4").numFmt).toBe("0%");
    // D5 has style "bad" in the "percent" column: the red fill, and no percent format.
    expect(ws.getCell("D5").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(ws.getCell("D5").numFmt).toBeUndefined();
    expect(ws.getCell("A1").font?.size).toBe(16);
  });

  it("sets widths, hidden columns, row heights, merges, freeze, tab colour", () => {
    expect(ws.getColumn(2).width).toBe(24);
    expect(ws.getColumn(4).hidden).toBe(true);
    expect(ws.getRow(1).height).toBe(28);
    expect(ws.getCell("C1").isMerged).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F4E79" });
    expect(wb.getWorksheet("Data")!.state).toBe("hidden");
  });

  it("lays an Excel table over the block with the header texts as column names", async () => {
    const zip = await JSZip.loadAsync(buffer);
    const tableFiles = Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
    expect(tableFiles).toHaveLength(1);
    const xml = await zip.file(tableFiles[0])!.async("string");
    expect(xml).toContain('ref="A3:E7"');
    expect(xml).toContain('name="tblScores"');
    for (const name of ["id", "name", "score", "share", "due"]) expect(xml).toContain(`name="${name}"`);
    expect(xml).toContain("TableStyleMedium2");
    // The table did not wipe the cells' own styles.
    expect(ws.getCell("C4").numFmt).toBe("0.0");
  });

  it("writes the four kinds of conditional format", async () => {
    const xml = await sheetXml(buffer, 1);
    for (const type of ["colorScale", "dataBar", "cellIs", "expression"]) {
      expect(xml).toContain(`type="${type}"`);
    }
    expect(xml).toContain('operator="lessThan"');
    expect(xml).toContain("$C4&gt;=100");
  });

  it("writes data validations: inline list, long list on a hidden sheet, whole, decimal, date", () => {
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    expect(dv.F4).toMatchObject({ type: "list", formulae: ['"higher,lower,binary"'], prompt: "direction" });
    expect(dv.F10).toMatchObject({ type: "list" });
    expect(dv.G4.type).toBe("list");
    expect(dv.G4.formulae[0]).toBe(`'${LISTS_SHEET}'!$A$1:$A$30`);
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    expect(lists.state).toBe("hidden");
    expect(lists.getCell("A30").value).toBe(LONG_LIST[29]);
    expect(dv.H4).toMatchObject({ type: "whole", formulae: [1, 5] });
    expect(dv.I7).toMatchObject({ type: "decimal", formulae: [0, 100] });
    expect(dv.J4.type).toBe("date");
  });

  it("writes notes", () => {
    const note = ws.getCell("C3").note;
    const text = typeof note === "string" ? note : note.texts?.map((t) => t.text).join("");
    expect(text).toBe("Score 0–120");
  });

  it("sets up printing on A4, fit to one page wide, with title rows", () => {
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
    });
    expect(ws.pageSetup.printArea).toMatch(/A1:E7|\$A\$1:\$E\$7/);
  });

  it("protects the sheet without a password, leaving input cells and unlocked ranges editable", () => {
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toBeUndefined();
    expect(ws.getCell("D6").protection?.locked).toBe(false); // input: true
    expect(ws.getCell("H9").protection?.locked).toBe(false); // in F4:J10
    expect(ws.getCell("C4").protection?.locked).not.toBe(false);
  });

  it("marks generated sheets with their defined name, and only those", () => {
    expect(wb.definedNames.getRanges(markerName("scorecard")).ranges).toEqual([markerRef("Score Card")]);
    expect(wb.definedNames.getRanges(markerName("template:data")).ranges).toEqual([]);
  });

  it("passes the charts to the chart writer, which adds them to the saved file", async () => {
    const plan = everyFeaturePlan();
    expect(planCharts(plan)).toEqual([{ sheetName: "Score Card", charts: plan.sheets[0].charts }]);
    const seen: string[] = [];
    await writePlanToXlsx(plan, (xlsx, charts) => {
      seen.push(...charts.map((c) => c.sheetName));
      return xlsx;
    });
    expect(seen).toEqual(["Score Card"]);
    // The default writer (hosts/file/charts.ts) put one chart part into `buffer`.
    const zip = await JSZip.loadAsync(buffer);
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(1);
  });

  it("replaces a marked sheet in place but refuses to overwrite a user's sheet", async () => {
    const existing = new ExcelJS.Workbook();
    await existing.xlsx.load(buffer);
    const again: WorkbookPlan = {
      lang: "en-US",
      sheets: [
        { name: "Score Card", kind: "scorecard", generated: true, blocks: [{ at: "A1", rows: [["new"]] }] },
      ],
    };
    renderPlanToWorkbook(again, existing);
    expect(existing.getWorksheet("Score Card")!.getCell("A1").value).toBe("new");
    expect(existing.getWorksheet("Score Card")!.getCell("A4").value).toBeNull();
    expect(existing.worksheets[0].name).toBe("Score Card");
    expect(existing.definedNames.getRanges(markerName("scorecard")).ranges).toEqual([
      markerRef("Score Card"),
    ]);

    const userSheet: WorkbookPlan = {
      lang: "en-US",
      sheets: [{ name: "Data", kind: "template:data", generated: false, blocks: [] }],
    };
    expect(() => renderPlanToWorkbook(userSheet, existing)).toThrow(/user data/);
  });

  describe.skipIf(!libreOfficeOrSkip())("LibreOffice", () => {
    it("opens the file: csv keeps =1+1 as text and computes the formula", async () => {
      const csv = await convertWithLibreOffice(path, "csv", join(dir, "csv"));
      const lines = readFileSync(csv, "utf8").trim().split(/\r?\n/);
      expect(lines[0]).toBe("Scorecard,,,,");
      expect(lines[2]).toBe("id,name,score,share,due");
      // Row 5: =1+1 stays literal text (a formula would show 2); C5 = C4+1 = 85.25+1 = 86.25,
      // recalculated by LibreOffice; D5 (style "bad", no number format) shows 0.5.
      const [id, name, score, share] = lines[4].split(",");
      expect([id, name, share]).toEqual(["E002", "=1+1", "0.5"]);
      expect(lines[3].split(",")[3]).toBe("40%"); // D4 in the percent column
      expect(Number(score)).toBeCloseTo(86.25, 1);
    });

    it("converts to pdf", async () => {
      const pdf = await convertWithLibreOffice(path, "pdf", join(dir, "pdf"));
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    });

    it("round-trips through LibreOffice's xlsx writer with the table and marker intact", async () => {
      const out = await convertWithLibreOffice(path, "xlsx", join(dir, "lo"));
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(out);
      expect(back.definedNames.getRanges(markerName("scorecard")).ranges).toEqual([markerRef("Score Card")]);
      const zip = await JSZip.loadAsync(readFileSync(out));
      expect(Object.keys(zip.files).some((f) => /^xl\/tables\/table\d+\.xml$/.test(f))).toBe(true);
      writeFileSync(join(dir, "ok"), "");
    });
  });
});
