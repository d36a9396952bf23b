/**
 * The file host's reader: an .xlsx file (or its bytes) to the host-neutral RawWorkbook.
 * Cells come as the user sees them: rich text joined, formulas as their cached result,
 * hyperlinks as their text, dates as Dates, Excel errors as `{ error }`.
 */
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import type { RawCell, RawDefinedName, RawSheet, RawTable, RawWorkbook } from "../../workbook/raw";

/** Why a file could not be read: `missing` (no such file) or `unreadable` (not an .xlsx we can open). */
export class WorkbookFileError extends Error {
  constructor(
    readonly reason: "missing" | "unreadable",
    readonly path: string,
    detail: string,
  ) {
    super(detail);
    this.name = "WorkbookFileError";
  }
}

type CellValue = ExcelJS.CellValue | undefined;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

/** Plain text of a rich-text or hyperlink value, or undefined when `value` is neither. */
function textOf(value: Record<string, unknown>): string | undefined {
  if (Array.isArray(value.richText)) {
    return (value.richText as { text?: unknown }[]).map((run) => String(run.text ?? "")).join("");
  }
  if ("hyperlink" in value || "text" in value) {
    const text = value.text;
    if (isObject(text)) return textOf(text) ?? "";
    return text === undefined || text === null ? "" : String(text);
  }
  return undefined;
}

/**
 * One exceljs cell value as a RawCell.
 *
 * @example rawCellOf({ formula: "1/0", result: { error: "#DIV/0!" } }) // { error: "#DIV/0!" }
 */
export function rawCellOf(value: CellValue): RawCell {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (!isObject(value)) return null;
  if ("formula" in value || "sharedFormula" in value) {
    // A formula never calculated (no cached result) reads as blank, as Excel shows it before F9.
    return rawCellOf(value.result as CellValue);
  }
  if (typeof value.error === "string") return { error: value.error };
  const text = textOf(value);
  return text === undefined ? null : text;
}

function tablesOf(worksheet: ExcelJS.Worksheet): RawTable[] {
  const tables: RawTable[] = [];
  for (const table of worksheet.getTables() as unknown as {
    name?: string;
    table?: Record<string, unknown>;
  }[]) {
    const model = table.table ?? {};
    const ref = (model.tableRef ?? model.ref) as string | undefined;
    const name = (model.name ?? table.name ?? "") as string;
    if (typeof ref === "string" && ref.includes(":")) tables.push({ name, ref });
  }
  return tables;
}

/** The used range of a worksheet as rows of RawCells, starting at its top-left used cell. */
export function rawSheetOf(worksheet: ExcelJS.Worksheet): RawSheet {
  const cells: { row: number; col: number; value: RawCell }[] = [];
  // Bounds kept while reading: spreading a sheet's cells into Math.min overflows the stack.
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const value = rawCellOf(cell.value);
      if (value === null) return;
      cells.push({ row: rowNumber, col: colNumber, value });
      if (rowNumber < top) top = rowNumber;
      if (rowNumber > bottom) bottom = rowNumber;
      if (colNumber < left) left = colNumber;
    });
  });
  const tables = tablesOf(worksheet);
  if (cells.length === 0) return { name: worksheet.name, rows: [], tables };
  const rows: RawCell[][] = Array.from({ length: bottom - top + 1 }, () => []);
  for (const { row, col, value } of cells) rows[row - top][col - left] = value;
  // Fill holes of ragged rows so every index below a row's length is a cell.
  for (const row of rows) for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
  return { name: worksheet.name, rows, origin: { row: top, col: left }, tables };
}

/** Defined names, one entry per range they refer to. */
function definedNamesOf(workbook: ExcelJS.Workbook): RawDefinedName[] {
  const model = workbook.definedNames.model as { name: string; ranges: string[] }[];
  return model.flatMap(({ name, ranges }) => ranges.map((ref) => ({ name, ref })));
}

/** All worksheets of an exceljs workbook, in tab order, and its defined names. */
export function rawWorkbookOf(workbook: ExcelJS.Workbook): RawWorkbook {
  return { sheets: workbook.worksheets.map(rawSheetOf), definedNames: definedNamesOf(workbook) };
}

/**
 * Reads an .xlsx file (path) or its bytes.
 *
 * @example const raw = await readXlsx("cycle.xlsx"); raw.sheets.map((s) => s.name)
 */
export async function readXlsx(
  pathOrBuffer: string | Buffer | ArrayBuffer | Uint8Array,
): Promise<RawWorkbook> {
  const path = typeof pathOrBuffer === "string" ? pathOrBuffer : "(buffer)";
  let bytes: Buffer;
  if (typeof pathOrBuffer === "string") {
    try {
      bytes = await readFile(pathOrBuffer);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code === "ENOENT" || code === "ENOTDIR" ? "missing" : "unreadable";
      throw new WorkbookFileError(reason, path, (e as Error).message);
    }
  } else {
    bytes = Buffer.from(pathOrBuffer instanceof ArrayBuffer ? new Uint8Array(pathOrBuffer) : pathOrBuffer);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are what it expects.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookFileError("unreadable", path, (e as Error).message);
  }
  return rawWorkbookOf(workbook);
}
