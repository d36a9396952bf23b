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

/**
 * A template literal's text built in one piece: `` oneText`SUM(${range})` ``. A plain template
 * literal concatenates, which V8 keeps as a tree of pieces several times the size of the text;
 * a plan holds a formula for each row of large tables.
 */
export function oneText(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  const parts: (string | number)[] = [strings[0]];
  for (let i = 0; i < values.length; i++) parts.push(values[i], strings[i + 1]);
  return parts.join("");
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
  const perf = oneText`PERF.${name}(${args
    .slice(0, last)
    .map((a) => a ?? "")
    .join(",")})`;
  return { formula: templatedNativeText(name, args, row, rows), perf, result };
}

function nativeText(name: PerfFunctionName, args: (string | null)[], row: number, rows: number): string {
  const native = NATIVE[name]({ args, row, rows });
  if (native.helpers?.length) {
    // Helper cells need room beside the result; report sheets use forms without them.
    throw new Error(`the native form of ${name} used here needs helper cells`);
  }
  return native.formula;
}

/**
 * The native text of a call whose arguments are cells of one row (`SCORE(J6,G6,"higher",…)`,
 * written once per row of a table) is the same on every row but for the row numbers, and
 * building it is most of a large report's time. So it is built once per shape (the call with
 * its cell arguments' rows taken out) with placeholder rows, cut at the placeholders, and
 * each row's text is the pieces joined with its rows. A shape is cut only if a second build
 * with other placeholder rows gives exactly the pieces joined with those rows; otherwise
 * (or for arguments that are not single cells) the text is built for each call.
 */
interface NativeTemplate {
  /** Texts between the row numbers; one more than `slots`. */
  pieces: string[];
  /** For each gap between pieces, which of the call's distinct cell rows goes there. */
  slots: number[];
}

/** Rows far below any report's tables, two sets: one to cut at, one to check the cut with. */
const PLACEHOLDER_ROWS = [1048576, 1048476] as const;
const MAX_SLOT_ROWS = 8;
const MAX_TEMPLATES = 256;
const templates = new Map<string, NativeTemplate | null>();

/**
 * Where the row of a relative single-cell reference (`J6`, `AB12`) starts, or -1 for any
 * other argument. Read by hand: this runs for every argument of every row.
 */
function rowStart(arg: string): number {
  let i = 0;
  while (i < arg.length && i < 3 && arg.charCodeAt(i) >= 65 && arg.charCodeAt(i) <= 90) i++;
  if (i === 0 || i === arg.length || arg.length - i > 7) return -1;
  if (arg.charCodeAt(i) === 48) return -1; // no leading zero
  for (let j = i; j < arg.length; j++) {
    const code = arg.charCodeAt(j);
    if (code < 48 || code > 57) return -1;
  }
  return i;
}

function templatedNativeText(
  name: PerfFunctionName,
  args: (string | null)[],
  row: number,
  rows: number,
): string {
  const cellRows: number[] = [];
  let key = `${name}\u0001${row}\u0001${rows}`;
  for (const arg of args) {
    const split = arg === null ? -1 : rowStart(arg);
    if (arg === null || split < 0) {
      key += arg === null ? "\u0001\u0002" : `\u0001=${arg}`;
      continue;
    }
    const cellRow = Number(arg.slice(split));
    let slot = cellRows.indexOf(cellRow);
    if (slot < 0) slot = cellRows.push(cellRow) - 1;
    key += `\u0001${arg.slice(0, split)}#${slot}`;
  }
  if (cellRows.length === 0 || cellRows.length > MAX_SLOT_ROWS) return nativeText(name, args, row, rows);
  let template = templates.get(key);
  if (template === undefined) {
    template = cutTemplate(name, args, cellRows, row, rows);
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(key, template);
  }
  if (template === null) return nativeText(name, args, row, rows);
  return joinTemplate(template, cellRows);
}

function joinTemplate(template: NativeTemplate, cellRows: readonly number[]): string {
  // One join gives the text in one piece (not a tree of concatenations).
  if (cellRows.length === 1) return template.pieces.join(String(cellRows[0]));
  const parts: (string | number)[] = [template.pieces[0]];
  for (let i = 0; i < template.slots.length; i++)
    parts.push(cellRows[template.slots[i]], template.pieces[i + 1]);
  return parts.join("");
}

function cutTemplate(
  name: PerfFunctionName,
  args: (string | null)[],
  cellRows: readonly number[],
  row: number,
  rows: number,
): NativeTemplate | null {
  const placeholders = PLACEHOLDER_ROWS.map((base) => cellRows.map((_, slot) => base - slot));
  const build = (rowOfSlot: number[]) => {
    const placed = args.map((arg) => {
      const split = arg === null ? -1 : rowStart(arg);
      if (arg === null || split < 0) return arg;
      return `${arg.slice(0, split)}${rowOfSlot[cellRows.indexOf(Number(arg.slice(split)))]}`;
    });
    return nativeText(name, placed, row, rows);
  };
  let first: string;
  let second: string;
  try {
    first = build(placeholders[0]);
    second = build(placeholders[1]);
  } catch {
    // The call itself fails; building it for each call gives the same error.
    return null;
  }
  const at = new RegExp(`(?<=[A-Z$])(${placeholders[0].join("|")})(?![0-9])`, "g");
  const pieces: string[] = [];
  const slots: number[] = [];
  let from = 0;
  for (const match of first.matchAll(at)) {
    pieces.push(first.slice(from, match.index));
    slots.push(placeholders[0].indexOf(Number(match[1])));
    from = (match.index as number) + match[1].length;
  }
  pieces.push(first.slice(from));
  const template = { pieces, slots };
  return joinTemplate(template, placeholders[1]) === second ? template : null;
}

export function styled(value: StyledValue["value"], style?: StyleName, input = false): StyledValue {
  return input ? { value, style, input } : { value, style };
}

/** Blank for null/undefined, so optional numbers leave empty cells. */
export function orBlank(x: number | string | null | undefined): PlainValue {
  return x === undefined ? null : x;
}
