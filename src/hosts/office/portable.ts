/**
 * "Make portable" in the workbook open in Excel (SPEC §9): every PERF formula becomes its
 * native form (functions/portable.ts). Two syncs read every sheet's used range (formulas,
 * values and value types) whatever its size; the native formulas are then written column
 * block by column block (`range.formulas`, cells in small gaps left as they are with null),
 * helper cells first, on a hidden sheet carrying the PerfSheet marker. Writes are split
 * into requests under Excel's payload limit, so the number of syncs grows with the bytes
 * written, not with the number of cells.
 *
 * Spill areas: Excel's spilled (ghost) cells read as plain values, so a spilling call's area
 * is the shape of its range arguments, checked with `spillAreaBlocked` (a #SPILL! anchor or
 * a formula in the way leaves the call as it is). A protected sheet makes the write fail.
 */
import {
  freeHelperSheetName,
  HELPER_MARKER,
  HelperCells,
  rewriteFormula,
  spillAreaBlocked,
  type SkippedCell,
} from "../../functions/portable";
import { cellAddress } from "../../workbook/a1";
import { sheetOfMarkerRef } from "../../workbook/markers";
import { rectText } from "./refs";
import { sameName } from "./targets";

export interface PortableInExcel {
  /** Cells that now hold a native formula (each cell of a spill area counts). */
  rewritten: number;
  skipped: SkippedCell[];
  /** Helper cells written on the helper sheet. */
  helpers: number;
}

/** Blank rows inside a column block up to which one write covers them (with null: unchanged). */
const MAX_GAP = 8;
/** Bytes of formula text per request, well under Excel on the web's 5 MB request limit. */
const REQUEST_BUDGET_BYTES = 3_000_000;

interface UsedRange {
  top: number;
  left: number;
  formulas: unknown[][];
  values: unknown[][];
  valueTypes: string[][];
}

/** One cell of a used range (1-based), or undefined outside it. */
function at(used: UsedRange | undefined, row: number, col: number) {
  const r = row - (used?.top ?? 0);
  const c = col - (used?.left ?? 0);
  if (!used || r < 0 || c < 0 || r >= used.formulas.length || c >= used.formulas[r].length) return undefined;
  return { formula: used.formulas[r][c], value: used.values[r][c], type: used.valueTypes[r][c] };
}

const isFormula = (text: unknown) => typeof text === "string" && text.startsWith("=");

/** A column's cells (sorted by row) as blocks: runs of rows with gaps of at most MAX_GAP. */
export function columnBlocks(
  cells: { row: number; col: number; formula: string }[],
): { top: number; left: number; formulas: (string | null)[][] }[] {
  const byColumn = new Map<number, { row: number; formula: string }[]>();
  for (const c of cells) {
    const list = byColumn.get(c.col) ?? [];
    list.push(c);
    byColumn.set(c.col, list);
  }
  const blocks: { top: number; left: number; formulas: (string | null)[][] }[] = [];
  for (const [col, list] of [...byColumn].sort(([a], [b]) => a - b)) {
    list.sort((a, b) => a.row - b.row);
    let block: { top: number; left: number; formulas: (string | null)[][] } | undefined;
    for (const { row, formula } of list) {
      const next = block ? block.top + block.formulas.length : 0;
      if (!block || row - next > MAX_GAP) {
        block = { top: row, left: col, formulas: [] };
        blocks.push(block);
      }
      while (block.top + block.formulas.length < row) block.formulas.push([null]);
      block.formulas.push([`=${formula}`]);
    }
  }
  return blocks;
}

const blockBytes = (formulas: (string | null)[][]) =>
  formulas.reduce((n, [f]) => n + 8 + (f === null ? 0 : new TextEncoder().encode(f).length), 0);

export async function makePortableInExcel(context: Excel.RequestContext): Promise<PortableInExcel> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name,items/formula");
  await context.sync();

  const marker = names.items.find((n) => sameName(n.name, HELPER_MARKER));
  const markedSheet = marker ? sheetOfMarkerRef(marker.formula) : undefined;
  const helperSheet = worksheets.items.find(
    (s) => markedSheet !== undefined && sameName(s.name, markedSheet),
  );
  const usedRanges = worksheets.items.map((sheet) =>
    sheet.getUsedRangeOrNullObject().load("rowIndex,columnIndex,formulas,values,valueTypes"),
  );
  await context.sync();

  const used = new Map<string, UsedRange>();
  worksheets.items.forEach((sheet, i) => {
    const range = usedRanges[i];
    if (range.isNullObject) return;
    used.set(sheet.name, {
      top: range.rowIndex + 1,
      left: range.columnIndex + 1,
      formulas: range.formulas,
      values: range.values,
      valueTypes: range.valueTypes as string[][],
    });
  });

  const helperUsed = helperSheet ? used.get(helperSheet.name) : undefined;
  const helperName = helperSheet?.name ?? freeHelperSheetName(worksheets.items.map((s) => s.name));
  const helperCells = new HelperCells(
    helperName,
    helperUsed ? helperUsed.top + helperUsed.formulas.length : 1,
  );
  const skipped: SkippedCell[] = [];
  const writes = new Map<string, { row: number; col: number; formula: string }[]>();

  for (const sheet of worksheets.items) {
    const range = used.get(sheet.name);
    if (!range || sheet === helperSheet) continue;
    range.formulas.forEach((line, r) =>
      line.forEach((text, c) => {
        if (!isFormula(text)) return;
        const row = range.top + r;
        const col = range.left + c;
        const rewrite = rewriteFormula(text as string, { sheet: sheet.name, row, col });
        if (rewrite.kind === "unchanged") return;
        const cell = cellAddress(row, col);
        if (rewrite.kind === "failed") {
          skipped.push({ sheet: sheet.name, cell, reason: rewrite.reason });
          return;
        }
        const area = rewrite.cells.slice(1).map((p) => {
          const found = at(range, p.row, p.col);
          return { hasFormula: isFormula(found?.formula), empty: !found || found.type === "Empty" };
        });
        const anchorError = range.valueTypes[r][c] === "Error" ? String(range.values[r][c]) : undefined;
        const blocked = spillAreaBlocked(area, { error: anchorError, spillKnown: false });
        if (blocked) {
          skipped.push({ sheet: sheet.name, cell, reason: blocked });
          return;
        }
        const list = writes.get(sheet.name) ?? [];
        list.push(...helperCells.place(rewrite));
        writes.set(sheet.name, list);
      }),
    );
  }

  // Helper cells first, so the formulas reading them never see a missing sheet.
  let pending = 0;
  const flushIfFull = async (bytes: number) => {
    if (pending > 0 && pending + bytes > REQUEST_BUDGET_BYTES) {
      await context.sync();
      pending = 0;
    }
    pending += bytes;
  };
  if (helperCells.formulas.length > 0) {
    const sheet = helperSheet ?? context.workbook.worksheets.add(helperName);
    if (!helperSheet) {
      sheet.visibility = "Hidden";
      context.workbook.names.add(HELPER_MARKER, sheet.getRange("A1"));
    }
    const cells = helperCells.formulas.map((formula, i) => ({
      row: helperCells.firstRow + i,
      col: 1,
      formula,
    }));
    for (const block of columnBlocks(cells)) {
      await flushIfFull(blockBytes(block.formulas));
      sheet.getRange(rectText(rectOf(block))).formulas = block.formulas;
    }
  }
  let rewritten = 0;
  for (const [name, cells] of writes) {
    const sheet = context.workbook.worksheets.getItem(name);
    for (const block of columnBlocks(cells)) {
      await flushIfFull(blockBytes(block.formulas));
      sheet.getRange(rectText(rectOf(block))).formulas = block.formulas;
    }
    rewritten += cells.length;
  }
  if (pending > 0) await context.sync();
  return { rewritten, skipped, helpers: helperCells.formulas.length };
}

function rectOf(block: { top: number; left: number; formulas: unknown[][] }) {
  return {
    top: block.top,
    left: block.left,
    bottom: block.top + block.formulas.length - 1,
    right: block.left,
  };
}
