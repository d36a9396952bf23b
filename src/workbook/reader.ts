/**
 * Finds the input sheets of SPEC §2 in a raw workbook and reads their rows by column key.
 * Sheets are found by English or Chinese name, headers by English or Chinese text (case-,
 * space- and width-insensitive). The data may be an Excel table or a plain range whose
 * header row need not be row 1: title rows above it are skipped. Blank rows are skipped.
 */
import { normalizeWord } from "../core/vocabulary";
import { isBlankCell } from "./cells";
import { parseAddress } from "./a1";
import type { RawCell, RawSheet, RawWorkbook } from "./raw";
import { ColumnDef, INPUT_SHEETS, InputSheetKey, Lang, SheetDef } from "./schema";

/** One data row: its Excel row number and its cells by column key. */
export interface SheetRow {
  row: number;
  cells: Record<string, RawCell>;
}

export interface ReadSheet {
  def: SheetDef;
  /** The sheet's name as the workbook spells it. */
  name: string;
  /** Whether the sheet was found by its Chinese name. */
  chineseName: boolean;
  /** Excel row of the header row; undefined when no header was recognised. */
  headerRow?: number;
  /** 1-based Excel column of each column key found. */
  columns: Record<string, number>;
  /** Required columns absent from the header row. */
  missingColumns: ColumnDef[];
  /** Column just right of the last header cell: where a missing column would go. */
  nextFreeColumn: number;
  rows: SheetRow[];
}

export interface ReadWorkbook {
  sheets: Partial<Record<InputSheetKey, ReadSheet>>;
  /** Required sheets not found. */
  missingSheets: SheetDef[];
  /** zh-CN when the input sheets carry Chinese names. */
  lang: Lang;
}

/** How far down a plain range the header row may sit below title rows. */
const HEADER_SEARCH_ROWS = 30;

/** The comparable form of a header: normalised, without a required-marker `*` or a `(unit)`. */
function headerWord(cell: RawCell): string {
  if (typeof cell !== "string") return "";
  return normalizeWord(cell)
    .replace(/\*+$/, "")
    .replace(/\(.*\)$/, "")
    .replace(/^\*+/, "");
}

/** Whether `text` names the column: its English header, Chinese header or key. */
export function isHeaderOf(cell: RawCell, column: ColumnDef): boolean {
  const word = headerWord(cell);
  return word !== "" && [column.en, column.zh, column.key].some((name) => normalizeWord(name) === word);
}

/** Whether `name` names the sheet in English or Chinese. */
export function sheetMatches(name: string, def: SheetDef): "en" | "zh" | undefined {
  const word = normalizeWord(name);
  if (word === normalizeWord(def.zh)) return "zh";
  if (word === normalizeWord(def.en) || word === normalizeWord(def.key)) return "en";
  return undefined;
}

/** The raw sheet for `def`, the first whose name matches. */
export function findSheet(
  raw: RawWorkbook,
  def: SheetDef,
): { sheet: RawSheet; chinese: boolean } | undefined {
  for (const sheet of raw.sheets) {
    const match = sheetMatches(sheet.name, def);
    if (match) return { sheet, chinese: match === "zh" };
  }
  return undefined;
}

/** A rectangle of Excel rows and columns (1-based, inclusive). */
interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function cellAt(sheet: RawSheet, row: number, col: number): RawCell {
  const origin = sheet.origin ?? { row: 1, col: 1 };
  const cells = sheet.rows[row - origin.row];
  if (!cells) return null;
  const cell = cells[col - origin.col];
  return cell === undefined ? null : cell;
}

function usedArea(sheet: RawSheet): Area {
  const origin = sheet.origin ?? { row: 1, col: 1 };
  const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
  return {
    top: origin.row,
    left: origin.col,
    bottom: origin.row + sheet.rows.length - 1,
    right: origin.col + Math.max(width, 1) - 1,
  };
}

function tableArea(ref: string): Area | undefined {
  const [from, to] = ref.replace(/^.*!/, "").split(":");
  const a = parseAddress(from ?? "");
  const b = parseAddress(to ?? from ?? "");
  if (!a || !b) return undefined;
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** The columns a row names, by key (first occurrence wins). */
function headersIn(sheet: RawSheet, def: SheetDef, row: number, area: Area): Record<string, number> {
  const columns: Record<string, number> = {};
  for (let col = area.left; col <= area.right; col++) {
    const cell = cellAt(sheet, row, col);
    const column = def.columns.find((c) => isHeaderOf(cell, c));
    if (column && columns[column.key] === undefined) columns[column.key] = col;
  }
  return columns;
}

interface HeaderChoice {
  row: number;
  columns: Record<string, number>;
}

/**
 * The header row of an area: the first row naming every required column, else the row
 * naming the most columns (so missing columns can be reported on it), else none.
 */
function findHeader(
  sheet: RawSheet,
  def: SheetDef,
  area: Area,
  rowsToSearch: number,
): HeaderChoice | undefined {
  const required = def.columns.filter((c) => c.required);
  let best: HeaderChoice | undefined;
  const last = Math.min(area.bottom, area.top + rowsToSearch - 1);
  for (let row = area.top; row <= last; row++) {
    const columns = headersIn(sheet, def, row, area);
    const found = Object.keys(columns).length;
    if (found === 0) continue;
    if (required.every((c) => columns[c.key] !== undefined)) return { row, columns };
    if (!best || found > Object.keys(best.columns).length) best = { row, columns };
  }
  return best;
}

function lastHeaderColumn(sheet: RawSheet, row: number, area: Area): number {
  let last = area.left - 1;
  for (let col = area.left; col <= area.right; col++) {
    if (!isBlankCell(cellAt(sheet, row, col))) last = col;
  }
  return last;
}

/**
 * Reads one input sheet: the best-matching Excel table if the sheet has tables that name
 * its columns, else the plain used range.
 */
export function readSheet(sheet: RawSheet, def: SheetDef, chineseName = false, withRows = true): ReadSheet {
  let choice: { area: Area; header?: HeaderChoice } | undefined;
  for (const table of sheet.tables ?? []) {
    const area = tableArea(table.ref);
    if (!area) continue;
    // A table's header is its first row.
    const header = findHeader(sheet, def, area, 1);
    if (
      header &&
      (!choice?.header || Object.keys(header.columns).length > Object.keys(choice.header.columns).length)
    ) {
      choice = { area, header };
    }
  }
  if (!choice) {
    const area = usedArea(sheet);
    choice = { area, header: findHeader(sheet, def, area, HEADER_SEARCH_ROWS) };
  }
  const { area, header } = choice;
  const columns = header?.columns ?? {};
  const rows: SheetRow[] = [];
  if (header && withRows) {
    const found = Object.entries(columns);
    const origin = sheet.origin ?? { row: 1, col: 1 };
    for (let row = header.row + 1; row <= area.bottom; row++) {
      const rawRow = sheet.rows[row - origin.row];
      const cells: Record<string, RawCell> = {};
      let blankRow = true;
      for (const [key, col] of found) {
        const cell = rawRow?.[col - origin.col] ?? null;
        cells[key] = cell;
        if (!isBlankCell(cell)) blankRow = false;
      }
      if (!blankRow) rows.push({ row, cells });
    }
  }
  return {
    def,
    name: sheet.name,
    chineseName,
    headerRow: header?.row,
    columns,
    missingColumns: def.columns.filter((c) => c.required && columns[c.key] === undefined),
    nextFreeColumn: header ? lastHeaderColumn(sheet, header.row, area) + 1 : 1,
    rows,
  };
}

/**
 * Finds and reads every input sheet. The language is Chinese when more input sheets are
 * named in Chinese than in English. Without `rows`, only the sheets and their headers are
 * read (enough for the language and for locating problems).
 */
export function readWorkbook(raw: RawWorkbook, opts: { rows?: boolean } = {}): ReadWorkbook {
  const sheets: Partial<Record<InputSheetKey, ReadSheet>> = {};
  const missingSheets: SheetDef[] = [];
  let chinese = 0;
  let english = 0;
  for (const def of INPUT_SHEETS) {
    const found = findSheet(raw, def);
    if (!found) {
      if (def.required) missingSheets.push(def);
      continue;
    }
    sheets[def.key] = readSheet(found.sheet, def, found.chinese, opts.rows ?? true);
    if (found.chinese) chinese++;
    else english++;
  }
  return { sheets, missingSheets, lang: chinese > english ? "zh-CN" : "en-US" };
}
