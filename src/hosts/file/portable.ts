/**
 * "Make portable" on an .xlsx (SPEC §9): every formula cell with a PERF call gets its native
 * form (functions/portable.ts), keeping its cached result, so the file shows the same values
 * where the add-in is not installed. Helper cells go on a hidden, marked sheet.
 *
 * Where a spilling call's results are: Excel stores a dynamic-array formula as an array
 * formula whose `ref` is the spill area (exceljs reads it as `shareType: "array"`), the other
 * cells holding plain values. That area, when present, must match the shape of the call's
 * range arguments; without it (a file written by another tool) the area is that shape beside
 * the anchor, and functions/portable.ts `spillAreaBlocked` decides whether its cells may be
 * written. Shared formulas are expanded with our own `translateFormula` (exceljs's own
 * translation does not know quoted sheet names or strings), and a cell sharing a rewritten
 * master's formula gets its own formula text.
 *
 * Limitation: exceljs drops charts (and other parts it does not model, e.g. pivot tables)
 * when it saves; the report counts the charts the original file had.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  freeHelperSheetName,
  HELPER_MARKER,
  HelperCells,
  rewriteFormula,
  spillAreaBlocked,
  translateFormula,
  type PortableCell,
  type SkippedCell,
  type SpillShape,
} from "../../functions/portable";
import { cellAddress, parseAddress, parseRange, rangeColumns, rangeRows } from "../../workbook/a1";
import { markerRef, sheetOfMarkerRef } from "../../workbook/markers";
import { loadWorkbook } from "./run";

export type { SkippedCell };

export interface PortableXlsx {
  xlsx: Buffer;
  /** Cells that now hold a native formula (each cell of a spill area counts). */
  rewritten: number;
  /** Formula cells with a PERF call that were left as they are, and why. */
  skipped: SkippedCell[];
  /** Helper cells written on the helper sheet. */
  helpers: number;
  /** Charts in the original file, which exceljs does not keep. */
  chartsDropped: number;
}

type Result = ExcelJS.CellFormulaValue["result"];

interface FormulaCell {
  ws: ExcelJS.Worksheet;
  row: number;
  col: number;
  /** The formula's text as it applies to this cell (a shared formula translated here). */
  text: string;
  result: Result;
  /** A shared formula's master address, for cells that share one. */
  master?: string;
  /** A dynamic array's (or array formula's) stored area. */
  arrayRef?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

/** A plain cell value as a formula's cached result (rich text and the like are dropped). */
function asResult(value: ExcelJS.CellValue): Result {
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (isRecord(value) && typeof value.error === "string") return value as ExcelJS.CellErrorValue;
  return undefined;
}

function errorOf(result: Result): string | undefined {
  return isRecord(result) && typeof result.error === "string" ? result.error : undefined;
}

/** Every formula cell of a sheet with its own text (shared formulas expanded). */
function formulaCells(ws: ExcelJS.Worksheet): FormulaCell[] {
  const cells: FormulaCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = cell.value;
      if (!isRecord(value)) return;
      // `cell.result`, not `value.result`: exceljs's value copy drops falsy results (0, "").
      const result = cell.result as Result;
      if (typeof value.formula === "string") {
        const arrayRef = value.shareType === "array" && typeof value.ref === "string" ? value.ref : undefined;
        cells.push({ ws, row: r, col: c, text: value.formula, result, arrayRef });
      } else if (typeof value.sharedFormula === "string") {
        const master = ws.getCell(value.sharedFormula).value;
        const at = parseAddress(value.sharedFormula);
        if (!isRecord(master) || typeof master.formula !== "string" || !at) return;
        const text = translateFormula(master.formula, at, { row: r, col: c });
        cells.push({ ws, row: r, col: c, text, result, master: value.sharedFormula });
      }
    });
  });
  return cells;
}

/** The helper sheet a previous run made (its marker), or undefined. */
function markedHelperSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  for (const defined of workbook.definedNames.model as { name: string; ranges: string[] }[]) {
    if (defined.name !== HELPER_MARKER) continue;
    const name = defined.ranges.map(sheetOfMarkerRef).find((s) => s !== undefined);
    const ws = name === undefined ? undefined : workbook.getWorksheet(name);
    if (ws) return ws;
  }
  return undefined;
}

async function countCharts(bytes: Uint8Array): Promise<number> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    return Object.keys(zip.files).filter((path) => /^xl\/charts\/chart\d+\.xml$/.test(path)).length;
  } catch {
    return 0;
  }
}

function spillHint(arrayRef: string | undefined): SpillShape | undefined {
  const range = arrayRef ? parseRange(arrayRef) : undefined;
  return range ? { rows: rangeRows(range), cols: rangeColumns(range) } : undefined;
}

/**
 * Makes a workbook portable: PERF formulas become native ones, with their cached results.
 *
 * @throws WorkbookFileError when the bytes are not an .xlsx exceljs can open.
 */
export async function makePortableXlsx(bytes: Uint8Array | ArrayBuffer): Promise<PortableXlsx> {
  const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  const workbook = await loadWorkbook(data);
  const chartsDropped = await countCharts(data);

  const existingHelpers = markedHelperSheet(workbook);
  const helperName = existingHelpers?.name ?? freeHelperSheetName(workbook.worksheets.map((ws) => ws.name));
  const helperCells = new HelperCells(helperName, existingHelpers ? existingHelpers.rowCount + 1 : 1);

  const skipped: SkippedCell[] = [];
  const writes: { ws: ExcelJS.Worksheet; cells: PortableCell[]; results: Result[] }[] = [];
  /** Shared-formula masters whose text changes: cells sharing them need their own text. */
  const changedMasters = new Set<string>();
  const all = workbook.worksheets.filter((ws) => ws !== existingHelpers).flatMap(formulaCells);
  const key = (ws: ExcelJS.Worksheet, row: number, col: number) => `${ws.id}!${row}!${col}`;
  const formulaAt = new Set(all.map((f) => key(f.ws, f.row, f.col)));

  for (const f of all) {
    const at = { sheet: f.ws.name, row: f.row, col: f.col };
    const rewrite = rewriteFormula(f.text, at, spillHint(f.arrayRef));
    if (rewrite.kind === "unchanged") continue;
    const cell = cellAddress(f.row, f.col);
    if (rewrite.kind === "failed") {
      skipped.push({ sheet: f.ws.name, cell, reason: rewrite.reason });
      continue;
    }
    const area = rewrite.cells.slice(1).map((c) => {
      const value = f.ws.getCell(c.row, c.col).value;
      return {
        hasFormula: formulaAt.has(key(f.ws, c.row, c.col)),
        empty: value === null || value === undefined,
      };
    });
    const blocked = spillAreaBlocked(area, {
      error: errorOf(f.result),
      spillKnown: f.arrayRef !== undefined,
    });
    if (blocked) {
      skipped.push({ sheet: f.ws.name, cell, reason: blocked });
      continue;
    }
    const results = rewrite.cells.map((c, i) =>
      i === 0 ? f.result : asResult(f.ws.getCell(c.row, c.col).value),
    );
    writes.push({ ws: f.ws, cells: helperCells.place(rewrite), results });
    if (f.master === undefined) changedMasters.add(key(f.ws, f.row, f.col));
  }

  // Cells sharing a changed master keep their formula as their own text (set before the master changes).
  for (const f of all) {
    if (f.master === undefined) continue;
    const at = parseAddress(f.master)!;
    if (changedMasters.has(key(f.ws, at.row, at.col))) {
      f.ws.getCell(f.row, f.col).value = { formula: f.text, result: f.result } as ExcelJS.CellFormulaValue;
    }
  }
  let rewritten = 0;
  for (const { ws, cells, results } of writes) {
    cells.forEach((c, i) => {
      ws.getCell(c.row, c.col).value = { formula: c.formula, result: results[i] } as ExcelJS.CellFormulaValue;
      rewritten++;
    });
  }

  if (helperCells.formulas.length > 0) {
    const ws = existingHelpers ?? workbook.addWorksheet(helperName, { state: "hidden" });
    if (!existingHelpers) workbook.definedNames.add(markerRef(helperName), HELPER_MARKER);
    helperCells.formulas.forEach((formula, i) => {
      ws.getCell(helperCells.firstRow + i, 1).value = { formula } as ExcelJS.CellFormulaValue;
    });
  }
  // Helper cells have no cached value: have Excel and LibreOffice calculate on opening.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  return { xlsx, rewritten, skipped, helpers: helperCells.formulas.length, chartsDropped };
}
