/**
 * Renders a sheet plan (workbook/plan.ts) into an .xlsx with exceljs. A plain mapping from plan
 * to file: every number, text and formula comes from the plan; this module only decides how
 * exceljs spells it. exceljs cannot write charts, so `renderPlanToWorkbook` leaves them out and
 * `writePlanToXlsx` adds `planCharts(plan)` to the saved bytes (hosts/file/charts.ts).
 */
import ExcelJS from "exceljs";
import {
  cellParts,
  isDate,
  isFormula,
  styleAt,
  type BlockPlan,
  type ConditionalFormatPlan,
  type DataValidationPlan,
  type FormulaValue,
  type PlainValue,
  type SheetPlan,
  type WorkbookPlan,
} from "../../workbook/plan";
import { STYLES, type CellStyle, type StyleName } from "../../workbook/styles";
import { isMarkerName, markerName, markerRef, sheetOfMarkerRef } from "../../workbook/markers";
import { addChartsToXlsx, type SheetCharts } from "./charts";
import { withListsSheet, type ListsSheet } from "./lists";

export type { SheetCharts };

/** Adds charts to a saved workbook (hosts/file/charts.ts `addChartsToXlsx` by default). */
export type ChartPostProcessor = (
  xlsx: Uint8Array,
  charts: SheetCharts[],
) => Promise<Uint8Array> | Uint8Array;

const BORDER_COLOR = "FFBFBFBF";
const DATE_FORMAT = STYLES.date.numFmt;

// ---------------------------------------------------------------------------------------------
// A1 addresses

interface CellAddress {
  row: number;
  col: number;
}

interface RangeAddress {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `3` -> `C`, `28` -> `AB`. */
export function columnLetter(col: number): string {
  let n = col;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `"B3"` or `"$B$3"` -> `{ row: 3, col: 2 }`. */
export function parseCell(a1: string): CellAddress {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`Not a cell address: "${a1}"`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** `"A1:C4"` (or a single cell) -> its corners. */
export function parseRange(ref: string): RangeAddress {
  const [first, second = first] = ref.split(":");
  const a = parseCell(first);
  const b = parseCell(second);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

function encodeRange(r: RangeAddress): string {
  return `${columnLetter(r.left)}${r.top}:${columnLetter(r.right)}${r.bottom}`;
}

// ---------------------------------------------------------------------------------------------
// Styles

const argb = (rgb: string): string => "FF" + rgb.replace(/^#/, "").toUpperCase();

/** A fresh exceljs style object per call: exceljs mutates cell styles in place, so none may be shared. */
export function toExcelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.numFmt) out.numFmt = style.numFmt;
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.size) font.size = style.size;
  if (style.color) font.color = { argb: argb(style.color) };
  if (Object.keys(font).length > 0) out.font = font;
  if (style.fill) {
    out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  }
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.align) alignment.horizontal = style.align;
  if (style.valign) alignment.vertical = style.valign;
  if (style.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) out.alignment = alignment;
  if (style.border) {
    const side: Partial<ExcelJS.Border> = { style: "thin", color: { argb: BORDER_COLOR } };
    out.border = { top: { ...side }, left: { ...side }, bottom: { ...side }, right: { ...side } };
  }
  return out;
}

function styleOf(name: StyleName | undefined): CellStyle {
  return name ? (STYLES[name] as CellStyle) : {};
}

// ---------------------------------------------------------------------------------------------
// Values

/** `{ date: "2026-07-01" }` -> a UTC midnight Date, which exceljs writes as the date serial. */
function toDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date: "${iso}"`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function toFormulaValue(f: FormulaValue): ExcelJS.CellFormulaValue {
  const value = { formula: f.formula } as ExcelJS.CellFormulaValue;
  if (f.result !== null && f.result !== undefined) value.result = f.result;
  return value;
}

/**
 * The exceljs value of a plan value. Strings stay strings, whatever they start with: exceljs
 * writes a string as a shared string, never as a formula, so `=1+1` typed by a user is text
 * (SPEC §8).
 */
function toExcelValue(value: PlainValue | FormulaValue): ExcelJS.CellValue {
  // Excel stores "" written to a cell as an empty cell; so does this host.
  if (value === null || value === undefined || value === "") return null;
  if (isFormula(value)) return toFormulaValue(value);
  if (isDate(value)) return toDate(value.date);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Rendering

/**
 * Renders `plan` into `wb` (a new workbook when omitted) and returns it. A sheet of the same
 * name that carries a PerfSheet marker is replaced; one without a marker is the user's, and
 * rendering over it is refused (SPEC §1, §8).
 */
export function renderPlanToWorkbook(
  plan: WorkbookPlan,
  wb: ExcelJS.Workbook = new ExcelJS.Workbook(),
): ExcelJS.Workbook {
  const { sheets, lists } = withListsSheet(plan);
  for (const sheetPlan of sheets) {
    const ws = replaceableSheet(wb, sheetPlan.name);
    renderSheet(ws, sheetPlan, lists);
    if (sheetPlan.generated) wb.definedNames.add(markerRef(sheetPlan.name), markerName(sheetPlan.kind));
  }
  return wb;
}

/** The charts of every sheet of the plan, for the chart post-processor. */
export function planCharts(plan: WorkbookPlan): SheetCharts[] {
  return plan.sheets
    .filter((s) => (s.charts ?? []).length > 0)
    .map((s) => ({ sheetName: s.name, charts: s.charts ?? [] }));
}

/**
 * Saves a workbook rendered from `plan` as .xlsx bytes, with the plan's charts added by
 * `addCharts` (exceljs cannot write charts). Plain bytes and no file system, so it runs in
 * the browser too.
 */
export async function saveRenderedWorkbook(
  wb: ExcelJS.Workbook,
  plan: WorkbookPlan,
  addCharts: ChartPostProcessor = addChartsToXlsx,
): Promise<Uint8Array> {
  // The fastest deflate level: at scale, compressing the XML is most of the time saving takes.
  const bytes = new Uint8Array(
    await wb.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions),
  );
  const charts = planCharts(plan);
  return charts.length > 0 ? addCharts(bytes, charts) : bytes;
}

/** Renders the plan into a new workbook and returns its .xlsx bytes, charts included. */
export async function writePlanToXlsx(
  plan: WorkbookPlan,
  addCharts: ChartPostProcessor = addChartsToXlsx,
): Promise<Uint8Array> {
  return saveRenderedWorkbook(renderPlanToWorkbook(plan), plan, addCharts);
}

/** Sheets of `wb` that carry a marker, by sheet name, with the marker's name. */
function markedSheets(wb: ExcelJS.Workbook): Map<string, string> {
  const marked = new Map<string, string>();
  for (const defined of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    if (!isMarkerName(defined.name)) continue;
    for (const ref of defined.ranges) {
      const sheet = sheetOfMarkerRef(ref);
      if (sheet !== undefined) marked.set(sheet, defined.name);
    }
  }
  return marked;
}

/** A fresh sheet named `name`, in place of a marked sheet of that name if there is one. */
function replaceableSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(name);
  if (!existing) return wb.addWorksheet(name);
  const marker = markedSheets(wb).get(name);
  if (marker === undefined) {
    throw new Error(`Sheet "${name}" holds user data (no PerfSheet marker); it is never overwritten.`);
  }
  // orderNo is exceljs's sheet position; it is not in the type definitions.
  const position = (existing as unknown as { orderNo: number }).orderNo;
  for (const ref of wb.definedNames.getRanges(marker).ranges) wb.definedNames.remove(ref, marker);
  wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(name);
  (ws as unknown as { orderNo: number }).orderNo = position;
  return ws;
}

function renderSheet(ws: ExcelJS.Worksheet, plan: SheetPlan, lists: ListsSheet): void {
  (plan.columns ?? []).forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    if (c.width !== undefined) column.width = c.width;
    if (c.hidden) column.hidden = true;
  });
  const styles = new SheetStyles(plan);
  for (const block of plan.blocks) renderBlock(ws, block, styles);
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  for (const range of plan.merges ?? []) ws.mergeCells(range);
  for (const table of plan.tables ?? []) addTable(ws, table);
  addConditionalFormats(ws, plan.conditionalFormats ?? []);
  for (const dv of plan.dataValidations ?? []) addDataValidation(ws, dv, lists);
  for (const note of plan.notes ?? []) ws.getCell(note.cell).note = note.text;
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0)) {
    const { rows, cols } = plan.freeze;
    ws.views = [
      { state: "frozen", xSplit: cols, ySplit: rows, topLeftCell: `${columnLetter(cols + 1)}${rows + 1}` },
    ];
  }
  if (plan.print) setPrint(ws, plan.print);
  if (plan.protect) protect(ws, plan.protect.unlocked ?? []);
  if (plan.tabColor) ws.properties.tabColor = { argb: argb(plan.tabColor) };
  if (plan.hidden) ws.state = "hidden";
}

/**
 * The exceljs style objects of one sheet's cells. exceljs changes a cell's style object in place
 * when a single property is set (`cell.protection = …`) and gives merged cells their master's
 * object, so cells inside merges or `protect.unlocked` ranges get an object of their own, as
 * each cell used to. Every other cell of the same look shares one object: exceljs remembers
 * each style object it saves in a WeakMap, and millions of distinct objects made saving a
 * large workbook slow.
 */
class SheetStyles {
  private readonly shared = new Map<string, Partial<ExcelJS.Style>>();
  private readonly own = new Set<number>();

  constructor(plan: SheetPlan) {
    for (const ref of [...(plan.merges ?? []), ...(plan.protect?.unlocked ?? [])]) {
      const r = parseRange(ref);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) this.own.add(cellKey(row, col));
    }
  }

  /** The style to give the cell at (row, col), or undefined to leave exceljs's default. */
  styleFor(
    row: number,
    col: number,
    styleName: StyleName | undefined,
    date: boolean,
    input: boolean,
  ): Partial<ExcelJS.Style> | undefined {
    if (this.own.has(cellKey(row, col))) return excelStyleOf(styleName, date, input);
    const key = `${styleName ?? ""}|${date ? 1 : 0}|${input ? 1 : 0}`;
    let style = this.shared.get(key);
    if (style === undefined) {
      // A cell without any style shares one empty object too: exceljs would give each its own.
      style = excelStyleOf(styleName, date, input) ?? {};
      this.shared.set(key, style);
    }
    return style;
  }
}

/** Row and column as one number (a sheet has at most 16,384 columns). */
const cellKey = (row: number, col: number): number => row * 16384 + col;

/** A new exceljs style for a named plan style, a date's number format and the input flag. */
function excelStyleOf(
  styleName: StyleName | undefined,
  date: boolean,
  input: boolean,
): Partial<ExcelJS.Style> | undefined {
  const style: CellStyle = { ...styleOf(styleName) };
  if (date && !style.numFmt) style.numFmt = DATE_FORMAT;
  const excelStyle = toExcelStyle(style);
  if (input) excelStyle.protection = { locked: false };
  return Object.keys(excelStyle).length > 0 ? excelStyle : undefined;
}

function renderBlock(ws: ExcelJS.Worksheet, block: BlockPlan, styles: SheetStyles): void {
  const origin = parseCell(block.at);
  block.rows.forEach((rowCells, i) => {
    const rowNumber = origin.row + i;
    const row = ws.getRow(rowNumber);
    rowCells.forEach((cellPlan, j) => {
      const col = origin.col + j;
      const { value, input } = cellParts(cellPlan);
      const cell = row.getCell(col);
      cell.value = toExcelValue(value);
      const style = styles.styleFor(rowNumber, col, styleAt(block, i, j), isDate(value), input === true);
      if (style !== undefined) cell.style = style;
    });
  });
}

/**
 * Lays an Excel table over cells already written. exceljs writes a table's rows itself, so the
 * rows given are the cells' own values: the table rewrites them unchanged and keeps their styles.
 */
function addTable(ws: ExcelJS.Worksheet, table: NonNullable<SheetPlan["tables"]>[number]): void {
  const range = parseRange(table.ref);
  // Excel needs at least one data row under the header.
  const bottom = Math.max(range.bottom, range.top + 1);
  const names: string[] = [];
  for (let col = range.left; col <= range.right; col++) {
    const value = ws.getCell(range.top, col).value;
    const name = value === null || value === undefined ? "" : String(value).trim();
    const address = `${columnLetter(col)}${range.top}`;
    if (name === "") throw new Error(`Table ${table.name}: empty header in ${address}`);
    if (names.some((n) => n.toLowerCase() === name.toLowerCase())) {
      throw new Error(`Table ${table.name}: duplicate header "${name}"`);
    }
    if (value !== name) ws.getCell(range.top, col).value = name; // table headers are text
    names.push(name);
  }
  const rows: ExcelJS.CellValue[][] = [];
  for (let row = range.top + 1; row <= bottom; row++) {
    const values: ExcelJS.CellValue[] = [];
    for (let col = range.left; col <= range.right; col++) values.push(ws.getCell(row, col).value);
    rows.push(values);
  }
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: `${columnLetter(range.left)}${range.top}`,
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (table.style ?? "TableStyleLight9") as ExcelJS.TableStyleProperties["theme"],
      showRowStripes: table.showRowStripes ?? true,
    },
    columns: names.map((name) => ({ name, filterButton: true })),
    rows,
  });
}

function dxf(fill: string | undefined, font: string | undefined): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  // Differential fills take the colour as bgColor.
  if (fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(fill) } };
  if (font) style.font = { color: { argb: argb(font) } };
  return style;
}

function addConditionalFormats(ws: ExcelJS.Worksheet, formats: ConditionalFormatPlan[]): void {
  formats.forEach((cf, i) => {
    const priority = i + 1;
    let rule: ExcelJS.ConditionalFormattingRule;
    switch (cf.type) {
      case "colorScale":
        rule = {
          type: "colorScale",
          priority,
          cfvo: [
            { type: "min" },
            cf.mid === undefined ? { type: "percentile", value: 50 } : { type: "num", value: cf.mid },
            { type: "max" },
          ],
          color: cf.colors.map((c) => ({ argb: argb(c) })),
        };
        break;
      case "dataBar":
        rule = {
          type: "dataBar",
          priority,
          cfvo: [
            cf.min === undefined ? { type: "min" } : { type: "num", value: cf.min },
            cf.max === undefined ? { type: "max" } : { type: "num", value: cf.max },
          ],
          gradient: false,
        };
        (rule as unknown as { color: Partial<ExcelJS.Color> }).color = { argb: argb(cf.color) };
        break;
      case "cellIs":
        rule = {
          type: "cellIs",
          priority,
          // exceljs's types list four operators; it writes any OOXML operator as given.
          operator: cf.operator as ExcelJS.CellIsOperators,
          formulae: cf.formulas,
          style: dxf(cf.fill, cf.font),
        };
        break;
      case "expression":
        rule = { type: "expression", priority, formulae: [cf.formula], style: dxf(cf.fill, cf.font) };
        break;
    }
    ws.addConditionalFormatting({ ref: cf.ref, rules: [rule] });
  });
}

function addDataValidation(ws: ExcelJS.Worksheet, dv: DataValidationPlan, lists: ListsSheet): void {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    ...(dv.prompt ? { showInputMessage: true, prompt: dv.prompt } : {}),
  };
  let validation: ExcelJS.DataValidation;
  switch (dv.type) {
    case "list":
      validation = {
        ...common,
        type: "list",
        formulae: [lists.formulaFor(dv.values)],
      };
      break;
    case "whole":
    case "decimal":
      validation = { ...common, type: dv.type, operator: "between", formulae: [dv.min, dv.max] };
      break;
    case "date":
      // Any real date: on or after 1900-01-01.
      validation = {
        ...common,
        type: "date",
        operator: "greaterThanOrEqual",
        formulae: [new Date(Date.UTC(1900, 0, 1))],
      };
      break;
  }
  // Normalise the range so that exceljs's merging of validations sees one rectangle.
  // `dataValidations` is missing from exceljs's type definitions.
  const sheet = ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } };
  sheet.dataValidations.add(encodeRange(parseRange(dv.ref)), validation);
}

function setPrint(ws: ExcelJS.Worksheet, print: NonNullable<SheetPlan["print"]>): void {
  ws.pageSetup.paperSize = 9; // A4
  ws.pageSetup.orientation = print.orientation;
  if (print.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0; // as many pages tall as needed
  }
  if (print.titleRows) ws.pageSetup.printTitlesRow = print.titleRows;
  if (print.area) ws.pageSetup.printArea = print.area;
  ws.pageSetup.margins = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
}

/**
 * Protects the sheet without a password: everything is locked except input cells (already
 * unlocked when written) and the `unlocked` ranges. Sorting, filtering and resizing stay allowed.
 */
function protect(ws: ExcelJS.Worksheet, unlocked: string[]): void {
  for (const ref of unlocked) {
    const r = parseRange(ref);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const cell = ws.getCell(row, col);
        cell.protection = { locked: false };
      }
    }
  }
  // Set directly: exceljs's protect() is async only to hash a password, and there is none.
  (ws as unknown as { sheetProtection: object }).sheetProtection = {
    sheet: true,
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    sort: true,
    autoFilter: true,
  };
}
