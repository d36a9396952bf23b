/**
 * The streaming writer (hosts/file/stream) against the exceljs renderer (render-xlsx.ts) on the
 * sample: both review workbooks, loaded with exceljs, show the same sheets, cells (value,
 * formula, cached result, number format, bold, font colour, fill, alignment, protection),
 * merges, tables, conditional formats, validations, frozen panes, print setup and charts.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { writePlanToXlsx } from "../../../src/hosts/file/render-xlsx";
import { runWorkbookFile } from "../../support/exceljs-run";
import { runWorkbookFileStreamed } from "../../../src/hosts/file/stream/run-stream";
import { ZipReader, ZipWriter } from "../../../src/hosts/file/stream/zip";
import { templatePlan } from "../../../src/workbook/template";
import { sampleData } from "../../../src/workbook/sample";
import { translateFormula } from "../../../src/functions/portable";
import { parseAddress } from "../../../src/workbook/a1";

const TODAY = "2026-11-23";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const colour = (c: Partial<ExcelJS.Color> | undefined) => c?.argb ?? null;

/**
 * A formula cell's own formula. The streamed file shares a column's formulas as Excel does;
 * exceljs's own translation of a shared formula would also move "Q1" inside a string, so the
 * cells sharing one are read with ours.
 */
function formulaOf(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  const shared = (cell.value as { sharedFormula?: string }).sharedFormula;
  if (shared === undefined) return cell.formula;
  const master = cell.worksheet.getCell(shared).value as ExcelJS.CellFormulaValue;
  return translateFormula(master.formula, parseAddress(shared)!, {
    row: Number(cell.row),
    col: Number(cell.col),
  });
}

/** What the comparison looks at in one cell. */
function cellView(cell: ExcelJS.Cell) {
  const value = cell.value as unknown;
  const formula = formulaOf(cell);
  // exceljs leaves a falsy cached result (0, false, "") out when it saves; the streamed file keeps it.
  const cached = cell.type === ExcelJS.ValueType.Formula ? (cell.result as unknown) : null;
  const result = cached === 0 || cached === false || cached === "" || cached === undefined ? null : cached;
  const plain = formula === null ? (value instanceof Date ? value.toISOString() : (value ?? null)) : null;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return {
    plain,
    formula,
    result,
    numFmt: cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null,
    bold: cell.font?.bold === true,
    italic: cell.font?.italic === true,
    color: colour(cell.font?.color),
    fill: fill?.type === "pattern" && fill.pattern === "solid" ? colour(fill.fgColor) : null,
    horizontal: cell.alignment?.horizontal ?? null,
    vertical: cell.alignment?.vertical ?? null,
    wrap: cell.alignment?.wrapText === true,
    border: cell.border?.top?.style ?? null,
    unlocked: cell.protection?.locked === false,
  };
}

function cellsOf(ws: ExcelJS.Worksheet): Map<string, ReturnType<typeof cellView>> {
  const cells = new Map<string, ReturnType<typeof cellView>>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const view = cellView(cell);
      const empty =
        view.plain === null &&
        view.formula === null &&
        !view.numFmt &&
        !view.bold &&
        !view.italic &&
        !view.color;
      if (!(
        empty &&
        !view.fill &&
        !view.horizontal &&
        !view.vertical &&
        !view.wrap &&
        !view.border &&
        !view.unlocked
      ))
        cells.set(cell.address, view);
    }),
  );
  return cells;
}

/** Every cell a validation covers, with the validation. */
function validationsOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
  const cells = new Map<string, string>();
  for (const [key, dv] of Object.entries(model)) {
    const view = JSON.stringify({
      type: dv.type,
      operator: dv.operator ?? "between",
      // "Any real date": exceljs writes 1900-01-01 as serial 2 (its 1900 leap-year offset), the
      // streamed file as Excel's serial 1; both mean every date a user types.
      formulae: dv.type === "date" ? ["any date"] : (dv.formulae ?? []).map(String),
      prompt: dv.prompt ?? null,
    });
    const refs = key.replace(/^range:/, "").split(/\s+/);
    for (const ref of refs) {
      const [a, b = a] = ref.split(":");
      const start = ws.getCell(a);
      const end = ws.getCell(b);
      for (let r = Number(start.row); r <= Number(end.row); r++)
        for (let c = Number(start.col); c <= Number(end.col); c++) cells.set(ws.getCell(r, c).address, view);
    }
  }
  return cells;
}

type ConditionalFormats = { ref: string; rules: { type: string }[] }[];

function sheetView(ws: ExcelJS.Worksheet) {
  const frozen = ((ws.views ?? []) as Partial<ExcelJS.WorksheetViewFrozen>[])
    .filter((v) => v.state === "frozen")
    .map((v) => ({ x: v.xSplit ?? 0, y: v.ySplit ?? 0 }));
  const formats = (ws as unknown as { conditionalFormattings: ConditionalFormats }).conditionalFormattings;
  const cfRules = formats.reduce((n, cf) => n + cf.rules.length, 0);
  const cfRefs = formats.map((cf) => `${cf.ref}:${cf.rules.map((r) => r.type).join(",")}`).sort();
  const widths: (string | null)[] = [];
  // exceljs takes a width of 9 for its default and does not write it; the streamed file does.
  for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) {
    const { width, hidden } = ws.getColumn(c);
    widths.push(
      width === undefined || width === 9 ? (hidden ? "hidden" : null) : `${width}${hidden ? " hidden" : ""}`,
    );
  }
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height) heights[r] = row.height;
  });
  return {
    state: ws.state,
    frozen,
    cfRules,
    cfRefs,
    merges: [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort(),
    tables: ws
      .getTables()
      .map((t) => {
        const table = (t as unknown as { table: { name: string; tableRef?: string; ref?: string } }).table;
        return `${table.name}@${table.tableRef ?? table.ref}`;
      })
      .sort(),
    protected: (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true,
    orientation: ws.pageSetup.orientation ?? null,
    fitToWidth: ws.pageSetup.fitToPage ? ws.pageSetup.fitToWidth : null,
    printTitles: ws.pageSetup.printTitlesRow ?? null,
    tabColor: ws.properties.tabColor?.argb ?? null,
    widths,
    heights,
  };
}

async function chartCount(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  return Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length;
}

describe.each(["en-US", "zh-CN"] as const)(
  "streamed review workbook = exceljs review workbook (%s)",
  (lang) => {
    let before: ExcelJS.Workbook;
    let after: ExcelJS.Workbook;
    let bytes: { before: Uint8Array; after: Uint8Array };

    beforeAll(async () => {
      const input = await writePlanToXlsx(templatePlan(lang, sampleData(lang)));
      const old = await runWorkbookFile(input, { today: TODAY });
      const streamed = await runWorkbookFileStreamed(input, { today: TODAY });
      if (!old.ok || !streamed.ok) throw new Error("run failed");
      expect(streamed.run.summary).toEqual(old.run.summary);
      bytes = { before: old.xlsx, after: streamed.xlsx };
      before = await load(old.xlsx);
      after = await load(streamed.xlsx);
    });

    it("has the same sheets in the same order and the same markers", () => {
      expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
      const markers = (wb: ExcelJS.Workbook) =>
        (wb.definedNames.model as { name: string; ranges: string[] }[])
          .map((n) => `${n.name}=${n.ranges.join(",")}`)
          .sort();
      expect(markers(after)).toEqual(markers(before));
    });

    it("has the same cells, sheet by sheet", () => {
      for (const ws of before.worksheets) {
        const other = after.getWorksheet(ws.name)!;
        const expected = cellsOf(ws);
        const actual = cellsOf(other);
        for (const [address, view] of expected)
          expect(actual.get(address), `${ws.name}!${address}`).toEqual(view);
        expect(
          [...actual.keys()].filter((a) => !expected.has(a)),
          ws.name,
        ).toEqual([]);
      }
    });

    it("has the same merges, tables, formats, validations, panes and print setup", () => {
      for (const ws of before.worksheets) {
        const other = after.getWorksheet(ws.name)!;
        expect(sheetView(other), ws.name).toEqual(sheetView(ws));
        expect(Object.fromEntries(validationsOf(other)), ws.name).toEqual(
          Object.fromEntries(validationsOf(ws)),
        );
      }
    });

    it("has the same charts", async () => {
      expect(await chartCount(bytes.after)).toBe(await chartCount(bytes.before));
      expect(await chartCount(bytes.after)).toBeGreaterThan(0);
    });

    it("keeps the input's parts byte for byte", async () => {
      const input = new ZipReader(await writePlanToXlsx(templatePlan(lang, sampleData(lang))));
      const output = new ZipReader(bytes.after);
      for (const name of input.entries.keys()) {
        if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
        expect(Buffer.from(output.read(name)!).equals(input.read(name)!), name).toBe(true);
      }
    });
  },
);

describe("zip writer", () => {
  it("writes parts in pieces that any reader inflates back", async () => {
    const chunks: Uint8Array[] = [];
    const zip = new ZipWriter((c) => chunks.push(Uint8Array.from(c)));
    const part = zip.begin("big.xml");
    let expected = "";
    for (let i = 0; i < 40_000; i++) {
      const piece = `<row r="${i}"><c><v>${i * 1.5}</v></c><c t="inlineStr"><is><t>人事 ${i}</t></is></c></row>`;
      expected += piece;
      part.write(piece);
    }
    part.end();
    zip.add("small.txt", "hello");
    zip.finish();
    const bytes = Buffer.concat(chunks);
    const jszip = await JSZip.loadAsync(bytes);
    expect(await jszip.file("big.xml")!.async("string")).toBe(expected);
    expect(await jszip.file("small.txt")!.async("string")).toBe("hello");
    expect(new ZipReader(bytes).readText("big.xml")).toBe(expected);
  });
});
