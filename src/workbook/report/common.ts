/**
 * Small pieces every generated sheet uses: the title rows, quoting sheet names in
 * references, and formula cells that carry both the PERF form and the native form.
 */
import type { BlockPlan, FormulaValue, PlainValue, StyledValue } from "../plan";
import type { StyleName } from "../styles";
import type { PerfFunctionName } from "../../functions/types";
import { NATIVE } from "../../functions/native";
import { columnLetters } from "../a1";

/** Rows above a table on a generated sheet: title, subtitle, blank. */
export const TITLE_ROWS = 3;

export function titleBlock(title: string, subtitle: string): BlockPlan {
  return {
    at: "A1",
    rows: [[{ value: title, style: "title" }], [{ value: subtitle, style: "subtitle" }]],
  };
}

/** `'KPI Detail'!` — always quoted, so names with spaces or Chinese need no special case. */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

export function cellAt(row: number, col: number, abs = false): string {
  return abs ? `$${columnLetters(col)}$${row}` : `${columnLetters(col)}${row}`;
}

/** A column of a table as an absolute range: rows `first`..`last` of column `col` (1-based). */
export function columnRange(sheet: string | null, col: number, first: number, last: number): string {
  return `${sheet ? sheetPrefix(sheet) : ""}${cellAt(first, col, true)}:${cellAt(last, col, true)}`;
}

export function rectRange(firstRow: number, firstCol: number, lastRow: number, lastCol: number): string {
  return `${cellAt(firstRow, firstCol)}:${cellAt(lastRow, lastCol)}`;
}

/** A text argument as formula text: `"higher"`. */
export function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A formula cell computed by a PERF function: the PERF form for Excel with the add-in, the
 * native form for files, and the engine's value as the cached result. Optional arguments
 * left out are null; trailing ones are dropped from the PERF form.
 */
export function perfFormula(
  name: PerfFunctionName,
  args: (string | null)[],
  result: FormulaValue["result"],
  row = 0,
  rows = 1,
): FormulaValue {
  let last = args.length;
  while (last > 0 && args[last - 1] === null) last--;
  const perf = `PERF.${name}(${args
    .slice(0, last)
    .map((a) => a ?? "")
    .join(",")})`;
  const native = NATIVE[name]({ args, row, rows });
  if (native.helpers?.length) {
    // Helper cells need room beside the result; report sheets use forms without them.
    throw new Error(`the native form of ${name} used here needs helper cells`);
  }
  return { formula: native.formula, perf, result };
}

export function styled(value: StyledValue["value"], style?: StyleName, input = false): StyledValue {
  return input ? { value, style, input } : { value, style };
}

/** Blank for null/undefined, so optional numbers leave empty cells. */
export function orBlank(x: number | string | null | undefined): PlainValue {
  return x === undefined ? null : x;
}
