/**
 * Settings edited in the pane, as cell edits of the Settings sheet: where each key's value
 * cell is (a key may be written in English or as its Chinese label), or the row below the
 * last one when the key is not listed. Both hosts write these edits; previews apply them to
 * the raw workbook and read it as any run would, so the values are checked by the same rules.
 */
import { normalizeWord } from "../core/vocabulary";
import { cellAddress, parseAddress } from "../workbook/a1";
import type { RawCell, RawSheet, RawTable, RawWorkbook } from "../workbook/raw";
import { readWorkbook } from "../workbook/reader";
import { SETTINGS } from "../workbook/schema";

/** One cell to write on the Settings sheet (1-based row and column). */
export interface CellEdit {
  sheet: string;
  row: number;
  col: number;
  value: string | number;
  /** On a new row below the listed settings (the key was not listed). */
  appended?: true;
}

/**
 * A value as a user would type it into the cell: plain decimal numbers as numbers (so Excel
 * keeps them numeric), everything else as text; blank stays blank text.
 *
 * @example typedValue("120000") // 120000
 * @example typedValue("S:1.5,A:1.2") // "S:1.5,A:1.2"
 */
export function typedValue(text: string): string | number {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Whether a Settings key cell names the setting `key` (its English key or Chinese label). */
function namesSetting(cell: RawCell | undefined, key: string): boolean {
  if (typeof cell !== "string") return false;
  const def = SETTINGS.find((s) => s.key === key);
  const word = normalizeWord(cell);
  return (
    word !== "" && (normalizeWord(key) === word || (def !== undefined && normalizeWord(def.zh) === word))
  );
}

/**
 * The cell edits that set `values` (key → text) on the Settings sheet. A listed key's value
 * cell is overwritten; unlisted keys go on new rows below the last one, with the key in
 * the key column. Undefined when the workbook has no readable Settings sheet.
 *
 * @example settingCellEdits(raw, { bonus_pool: "100000" })
 * // [{ sheet: "Settings", row: 22, col: 2, value: 100000 }] when bonus_pool is on row 22
 */
export function settingCellEdits(raw: RawWorkbook, values: Record<string, string>): CellEdit[] | undefined {
  const settings = readWorkbook(raw).sheets.settings;
  if (!settings || settings.headerRow === undefined) return undefined;
  const keyCol = settings.columns.key;
  const valueCol = settings.columns.value;
  if (keyCol === undefined || valueCol === undefined) return undefined;
  const edits: CellEdit[] = [];
  let nextRow = Math.max(settings.headerRow, ...settings.rows.map((r) => r.row)) + 1;
  for (const [key, text] of Object.entries(values)) {
    const value = typedValue(text);
    const found = settings.rows.find((r) => namesSetting(r.cells.key, key));
    if (found) {
      edits.push({ sheet: settings.name, row: found.row, col: valueCol, value });
    } else {
      edits.push({ sheet: settings.name, row: nextRow, col: keyCol, value: key, appended: true });
      edits.push({ sheet: settings.name, row: nextRow, col: valueCol, value, appended: true });
      nextRow++;
    }
  }
  return edits;
}

/** A copy of `raw` with the edits applied (other sheets shared, edited rows copied). */
export function applyCellEdits(raw: RawWorkbook, edits: readonly CellEdit[]): RawWorkbook {
  return {
    ...raw,
    sheets: raw.sheets.map((sheet) => {
      const mine = edits.filter((e) => e.sheet === sheet.name);
      return mine.length === 0 ? sheet : editSheet(sheet, mine);
    }),
  };
}

function editSheet(sheet: RawSheet, edits: readonly CellEdit[]): RawSheet {
  const origin = sheet.origin ?? { row: 1, col: 1 };
  const rows = sheet.rows.map((r) => [...r]);
  for (const e of edits) {
    // Edits left of or above the used range would need the origin moved: the Settings
    // table starts at its key column, so value cells never lie there.
    const r = e.row - origin.row;
    const c = e.col - origin.col;
    if (r < 0 || c < 0) continue;
    while (rows.length <= r) rows.push([]);
    while (rows[r].length < c) rows[r].push(null);
    rows[r][c] = e.value === "" ? null : e.value;
  }
  return {
    ...sheet,
    rows,
    ...(sheet.tables ? { tables: sheet.tables.map((t) => grownTable(t, edits)) } : {}),
  };
}

/**
 * A table grown down over edits on the rows just below it, as Excel grows a table when a
 * row is typed under it (so the reader, which reads a table's own area, sees the new keys).
 *
 * @example grownTable({ name: "T", ref: "A1:C30" }, [{ sheet: "S", row: 31, col: 1, value: "x" }]).ref // "A1:C31"
 */
export function grownTable(table: RawTable, edits: readonly CellEdit[]): RawTable {
  const [first, last = first] = table.ref.split(":");
  const top = parseAddress(first);
  const bottom = parseAddress(last);
  if (!top || !bottom) return table;
  let row = bottom.row;
  while (edits.some((e) => e.row === row + 1 && e.col >= top.col && e.col <= bottom.col)) row++;
  return row === bottom.row ? table : { ...table, ref: `${first}:${cellAddress(row, bottom.col)}` };
}

/**
 * The `coefficients` setting's text from a value per grade, best grade first.
 *
 * @example coefficientsText([["S", "1.5"], ["A", "1.2"]]) // "S:1.5,A:1.2"
 */
export function coefficientsText(entries: readonly (readonly [string, string])[]): string {
  return entries.map(([grade, value]) => `${grade}:${value.trim()}`).join(",");
}

/**
 * The Settings sheet's value cells for `keys`, as text (blank = ""; a key not listed is
 * absent): what the sheet gives back after a write.
 */
export function settingTexts(raw: RawWorkbook, keys: readonly string[]): Record<string, string> {
  const settings = readWorkbook(raw).sheets.settings;
  const texts: Record<string, string> = {};
  for (const key of keys) {
    const found = settings?.rows.find((r) => namesSetting(r.cells.key, key));
    if (!found) continue;
    const cell = found.cells.value;
    texts[key] =
      cell === null || cell === undefined ? "" : typeof cell === "object" ? "" : String(cell).trim();
  }
  return texts;
}

/**
 * The keys whose cell does not hold what was written (compared as typed values, so `100000`
 * and `100000.0` agree).
 *
 * @example unreadKeys({ bonus_pool: "100000" }, { bonus_pool: "100000" }) // []
 */
export function unreadKeys(written: Record<string, string>, readBack: Record<string, string>): string[] {
  return Object.keys(written).filter(
    (key) => readBack[key] === undefined || typedValue(readBack[key]) !== typedValue(written[key]),
  );
}
