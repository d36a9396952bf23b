/**
 * "Make portable" (SPEC §9): a workbook's PERF formulas turned into their native forms
 * (functions/native), so that people without the add-in see the same values. Pure: the hosts
 * (hosts/file/portable.ts, hosts/office/portable.ts) read formulas, call `rewriteFormula` and
 * write what it answers.
 *
 * How PERF calls appear in formula text:
 * - `PERF.SCORE(…)`: what Excel shows and what office-js `range.formulas` gives, and what
 *   PerfSheet itself writes.
 * - `_xldudf_PERF_SCORE(…)`: how Excel stores a JavaScript custom function in an .xlsx file
 *   (the `_xldudf_` prefix, the namespace's dot turned into `_`).
 * - Either may carry an external-book prefix (`[2]!_xldudf_PERF_SCORE`) that Excel sometimes
 *   adds when another add-in is loaded, and `_xll.PERF.SCORE` is the XLL-compatible form.
 * All are recognised, case-insensitively; any other `PERF.NAME` is an error for that cell.
 *
 * What cannot be made portable is answered as a failure with a reason, and the hosts leave
 * the cell as it is: a PERF call over ranges that spills inside a larger formula (the native
 * form is one formula per output cell, so `SUM(PERF.SCORE(B2:B9,C2:C9))` has no per-cell
 * form), arguments the native builders do not take (e.g. a defined name where a range is
 * needed), spilling arguments of different shapes, a native formula over Excel's 8192
 * characters.
 */
import { columnLetters, columnNumber, parseRange, rangeColumns, rangeRows } from "../workbook/a1";
import { HELPER_MARKER } from "../workbook/markers";
import { NATIVE } from "./native";
import { findFunction } from "./registry";
import type { NativeCall, NativeFormula, PerfFunctionDef, PerfFunctionName } from "./types";

// ---------------------------------------------------------------------------------------
// Tokens

export type TokenKind =
  | "space"
  | "string"
  | "number"
  | "ref"
  | "func"
  | "name"
  | "error"
  | "array"
  | "placeholder"
  | "open"
  | "close"
  | "comma"
  | "semicolon"
  | "op";

export interface Token {
  kind: TokenKind;
  /** The token's exact source text: joining every token's text gives the formula back. */
  text: string;
  /** For `ref`: the sheet prefix as written, with its `!` (`'Sheet 1'!`), or "". */
  sheet?: string;
}

/** A formula the tokenizer cannot read (an unclosed string, a stray quote). */
export class FormulaSyntaxError extends Error {}

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const COLUMN = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?\d+`;
/** A cell, a range of cells, whole columns or whole rows, not followed by more of a name or a `(`. */
const ADDRESS = new RegExp(
  String.raw`(?:${CELL}(?::${CELL})?|${COLUMN}:${COLUMN}|${ROW}:${ROW})(?![\p{L}\p{N}_.\\?(!\[])`,
  "uy",
);
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const ERROR_LITERAL = /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)/iy;
const PLACEHOLDER = /\{[hg]\d+\}/y;
const NAME_CHAR = /[\p{L}\p{N}_.\\?]/u;
const NAME_START = /[\p{L}_\\[]/u;

function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/** End of a `[…]` group starting at `at` (structured references nest them; `'` escapes a bracket). */
function bracketEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i + 1;
  }
  throw new FormulaSyntaxError(`unclosed [ at ${at + 1}`);
}

/** A name with its bracket groups (`Table1[[#This Row],[Score]]`, `[1]Sheet1`), from `at`. */
function nameEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    if (text[i] === "[") i = bracketEnd(text, i);
    else if (NAME_CHAR.test(text[i])) i++;
    else break;
  }
  return i;
}

/**
 * Splits a formula (with or without its leading `=`) into tokens. Strings keep their `""`
 * escapes, quoted sheet names their `''`; a reference is one token with its sheet prefix
 * (`'Q1 data'!$B$2:$B$9`); array constants `{1,2;3,4}` are one token, so their commas never
 * separate arguments. `;` only appears inside array constants in stored formulas.
 *
 * @example tokenizeFormula('SUM(A1,"a,b")').map((t) => t.kind)
 * // ["func", "open", "ref", "comma", "string", "close"]
 */
export function tokenizeFormula(formula: string): Token[] {
  const text = formula;
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number, sheet?: string) => {
    tokens.push(
      sheet === undefined ? { kind, text: text.slice(i, end) } : { kind, text: text.slice(i, end), sheet },
    );
    i = end;
  };
  /** After a sheet prefix ending at `from`: the reference, error or name it qualifies. */
  const qualified = (prefixEnd: number) => {
    const sheet = text.slice(i, prefixEnd);
    const address = matchAt(ADDRESS, text, prefixEnd);
    if (address) return push("ref", prefixEnd + address.length, sheet);
    const error = matchAt(ERROR_LITERAL, text, prefixEnd);
    if (error) return push("error", prefixEnd + error.length);
    const end = nameEnd(text, prefixEnd);
    if (end === prefixEnd) throw new FormulaSyntaxError(`nothing after ${sheet}`);
    push(text[end] === "(" ? "func" : "name", end);
  };
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      let end = i;
      while (end < text.length && /\s/.test(text[end])) end++;
      push("space", end);
    } else if (ch === '"') {
      let end = i + 1;
      for (;;) {
        const close = text.indexOf('"', end);
        if (close < 0) throw new FormulaSyntaxError(`unclosed string at ${i + 1}`);
        if (text[close + 1] === '"') end = close + 2;
        else {
          end = close + 1;
          break;
        }
      }
      push("string", end);
    } else if (ch === "'") {
      let end = i + 1;
      for (;;) {
        const close = text.indexOf("'", end);
        if (close < 0) throw new FormulaSyntaxError(`unclosed sheet name at ${i + 1}`);
        if (text[close + 1] === "'") end = close + 2;
        else {
          end = close + 1;
          break;
        }
      }
      if (text[end] !== "!") throw new FormulaSyntaxError(`a quoted name must be a sheet name at ${i + 1}`);
      qualified(end + 1);
    } else if (ch === "#") {
      const error = matchAt(ERROR_LITERAL, text, i);
      if (!error) throw new FormulaSyntaxError(`unknown error literal at ${i + 1}`);
      push("error", i + error.length);
    } else if (ch === "{") {
      const placeholder = matchAt(PLACEHOLDER, text, i);
      if (placeholder) push("placeholder", i + placeholder.length);
      else {
        let end = i + 1;
        while (end < text.length && text[end] !== "}") {
          if (text[end] === '"') {
            end = text.indexOf('"', end + 1);
            if (end < 0) throw new FormulaSyntaxError(`unclosed string at ${i + 1}`);
            if (text[end + 1] === '"') end++;
          }
          end++;
        }
        if (end >= text.length) throw new FormulaSyntaxError(`unclosed { at ${i + 1}`);
        push("array", end + 1);
      }
    } else if (/[\d.$]/.test(ch)) {
      const address = matchAt(ADDRESS, text, i);
      if (address) push("ref", i + address.length, "");
      else {
        const number = matchAt(NUMBER, text, i);
        if (!number) throw new FormulaSyntaxError(`unexpected ${ch} at ${i + 1}`);
        push("number", i + number.length);
      }
    } else if (NAME_START.test(ch)) {
      const address = matchAt(ADDRESS, text, i);
      if (address) {
        push("ref", i + address.length, "");
        continue;
      }
      const end = nameEnd(text, i);
      if (text[end] === "!") qualified(end + 1);
      else push(text[end] === "(" ? "func" : "name", end);
    } else if (ch === "(") push("open", i + 1);
    else if (ch === ")") push("close", i + 1);
    else if (ch === ",") push("comma", i + 1);
    else if (ch === ";") push("semicolon", i + 1);
    else if (/[+\-*/^&=<>%:@]/.test(ch)) push("op", i + 1);
    else throw new FormulaSyntaxError(`unexpected ${ch} at ${i + 1}`);
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------
// References

/** A sheet name as a reference prefix. Quoting is always allowed, so always quote. */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/**
 * Puts the formula's sheet in front of every reference without one, so the text means the
 * same on another sheet (helper cells live on their own sheet).
 *
 * @example qualifyReferences("SUM(B2:B9)*C1", "Q1") // "SUM('Q1'!B2:B9)*'Q1'!C1"
 */
export function qualifyReferences(formula: string, sheet: string): string {
  return tokenizeFormula(formula)
    .map((t) => (t.kind === "ref" && t.sheet === "" ? sheetPrefix(sheet) + t.text : t.text))
    .join("");
}

function shiftAddress(address: string, rows: number, cols: number): string {
  return address.replace(/(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?/g, (whole, colAbs, letters, rowAbs, digits) => {
    if (whole === "") return whole;
    let out = "";
    if (letters !== undefined) {
      out += colAbs + (colAbs ? letters : columnLetters(columnNumber(letters) + cols));
    }
    if (digits !== undefined) out += rowAbs + (rowAbs ? digits : String(Number(digits) + rows));
    else out += rowAbs;
    return out;
  });
}

/**
 * A formula copied from one cell to another, its relative references moved by the same
 * offset, as Excel fills a shared formula. Strings and sheet names are never touched.
 *
 * @example translateFormula("PERF.SCORE(B2,'Q 1'!C2,\"A1\")", { row: 2, col: 4 }, { row: 5, col: 4 })
 * // "PERF.SCORE(B5,'Q 1'!C5,\"A1\")"
 */
export function translateFormula(
  formula: string,
  from: { row: number; col: number },
  to: { row: number; col: number },
): string {
  const rows = to.row - from.row;
  const cols = to.col - from.col;
  return tokenizeFormula(formula)
    .map((t) =>
      t.kind === "ref" ? t.sheet + shiftAddress(t.text.slice(t.sheet!.length), rows, cols) : t.text,
    )
    .join("");
}

// ---------------------------------------------------------------------------------------
// PERF calls

const PERF_CALL =
  /^(?:(?:\[\d+\]|'(?:[^']|'')*'|[^!'[]*)!)?(?:(?:_xll\.)?PERF\.|_xldudf_PERF[._])([\p{L}\p{N}_]+)$/iu;

/**
 * The PERF function a function token calls, `"unknown"` for a PERF name that is not one,
 * or undefined for any other function.
 *
 * @example perfCallOf("_xldudf_PERF_SCORE") // "SCORE"
 */
export function perfCallOf(funcText: string): PerfFunctionName | "unknown" | undefined {
  const m = PERF_CALL.exec(funcText);
  if (!m) return undefined;
  return findFunction(m[1])?.name ?? "unknown";
}

/**
 * The arguments whose shape a spilling function's answer takes (functions/defs: SCORE is
 * element-wise over these; DISTRIBUTE and ALLOCATE answer in the shape of scores and raw).
 * The other range parameters are tables or run parallel to these.
 */
const SHAPE_PARAMS: Partial<Record<PerfFunctionName, string[]>> = {
  SCORE: ["actual", "target", "direction", "threshold", "stretch"],
  DISTRIBUTE: ["scores"],
  ALLOCATE: ["raw"],
};

export interface SpillShape {
  rows: number;
  cols: number;
}

/**
 * How many rows and columns a PERF call answers with, from its argument texts: 1×1 for a
 * function that never spills, else the shape of its multi-cell range arguments (only
 * references count: an expression is one value, as the native builders read it).
 *
 * @throws RewriteError when those ranges differ in shape (the JS form's shape_mismatch).
 */
export function spillShapeOf(def: PerfFunctionDef, args: (string | null)[]): SpillShape {
  const names = SHAPE_PARAMS[def.name];
  if (!def.spills || !names) return { rows: 1, cols: 1 };
  let shape: SpillShape | undefined;
  for (const name of names) {
    const index = def.params.findIndex((p) => p.name === name);
    if (index < 0) throw new Error(`${def.name} has no parameter ${name}`);
    const range = args[index] ? parseRange(args[index]!) : undefined;
    if (!range) continue;
    const own = { rows: rangeRows(range), cols: rangeColumns(range) };
    if (own.rows * own.cols === 1) continue;
    if (shape && (shape.rows !== own.rows || shape.cols !== own.cols)) {
      throw new RewriteError(
        `the ranges given to PERF.${def.name} differ in shape (${shape.rows}×${shape.cols} and ${own.rows}×${own.cols})`,
      );
    }
    shape = own;
  }
  return shape ?? { rows: 1, cols: 1 };
}

/** Why one formula cannot be made portable; the cell is left as it is. */
export class RewriteError extends Error {}

/** Excel's limit on the length of a formula. */
export const MAX_FORMULA_LENGTH = 8192;
/** The longest a helper address can be once it replaces `{hN}` (`'PerfSheet Helpers'!$A$1048576`). */
const HELPER_ADDRESS_ALLOWANCE = 40;

// ---------------------------------------------------------------------------------------
// Rewriting

export interface PortableCell {
  /** 1-based position on the formula's sheet. */
  row: number;
  col: number;
  /** Native formula text without the leading `=`; `{h0}`, `{h1}`… stand for `helpers[k]`'s address. */
  formula: string;
}

export type Rewrite =
  | { kind: "unchanged" }
  /**
   * `cells`: the anchor first, then (for a spilling call) every other cell of its spill area.
   * `helpers`: formulas for helper cells (without `=`), each placed once, anywhere; one may
   * refer to an earlier one by `{hK}`. Their references carry the formula's sheet.
   */
  | { kind: "rewritten"; cells: PortableCell[]; helpers: string[] }
  | { kind: "failed"; reason: string };

interface RewriteContext {
  sheet: string;
  helpers: string[];
  helperIndex: Map<string, number>;
}

/** Index of the `close` token matching the `open` at `open`. */
function matchingClose(tokens: Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (tokens[k].kind === "open") depth++;
    else if (tokens[k].kind === "close" && --depth === 0) return k;
  }
  throw new RewriteError("a ( is never closed");
}

/** The token spans of a call's arguments, between `open` and `close` (exclusive). */
function argumentSpans(tokens: Token[], open: number, close: number): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let start = open + 1;
  for (let k = open + 1; k < close; k++) {
    const kind = tokens[k].kind;
    if (kind === "open") depth++;
    else if (kind === "close") depth--;
    else if (kind === "comma" && depth === 0) {
      spans.push([start, k]);
      start = k + 1;
    }
  }
  spans.push([start, close]);
  // `F()` has no argument rather than one empty one.
  return spans.length === 1 && tokens.slice(open + 1, close).every((t) => t.kind === "space") ? [] : spans;
}

/** Replaces placeholders (`{h3}`, `{g3}`) outside strings. */
function mapPlaceholders(text: string, replace: (letter: string, index: number) => string): string {
  return tokenizeFormula(text)
    .map((t) => (t.kind === "placeholder" ? replace(t.text[1], Number(t.text.slice(2, -1))) : t.text))
    .join("");
}

/**
 * A PERF call inside another's arguments longer than this goes to a helper cell: the outer
 * native form repeats its arguments in several guards, so inlining would multiply the length.
 */
const NESTED_INLINE_LIMIT = 300;

/** Registers a helper formula (deduplicated) and answers its `{gN}` placeholder. */
function addHelper(ctx: RewriteContext, text: string): string {
  checkLength(text, "a helper cell");
  let index = ctx.helperIndex.get(text);
  if (index === undefined) {
    index = ctx.helpers.push(text) - 1;
    ctx.helperIndex.set(text, index);
  }
  return `{g${index}}`;
}

/**
 * Rewrites every PERF call in tokens[from, to), each answering one value (nested calls in
 * their arguments first). Helper placeholders in the result are `{gN}`: N indexes ctx.helpers.
 * `inPerf`: the span is a PERF call's argument, where a long nested call becomes a helper.
 */
function rewriteSpan(tokens: Token[], from: number, to: number, ctx: RewriteContext, inPerf = false): string {
  let out = "";
  for (let k = from; k < to; k++) {
    const token = tokens[k];
    const perf = token.kind === "func" ? perfCallOf(token.text) : undefined;
    if (!perf) {
      out += token.text;
      continue;
    }
    const close = matchingClose(tokens, k + 1);
    const inline = rewriteCall(tokens, k, close, ctx, undefined);
    out +=
      inPerf && inline.length > NESTED_INLINE_LIMIT
        ? addHelper(ctx, rewriteCall(tokens, k, close, ctx, undefined, true))
        : atomic(inline);
    k = close;
  }
  return out;
}

/** A nested native formula in brackets unless it is already one call or one value. */
function atomic(formula: string): string {
  const tokens = tokenizeFormula(formula);
  if (tokens.length === 1) return formula;
  if (
    tokens[0].kind === "func" &&
    tokens[1]?.kind === "open" &&
    matchingClose(tokens, 1) === tokens.length - 1
  )
    return formula;
  return `(${formula})`;
}

/**
 * The native text of the PERF call at `func` (its `(` follows, `close` ends it). `element`
 * is the output cell of a spilling call being written; undefined asks for one value, and a
 * call that spills is then an error.
 */
function rewriteCall(
  tokens: Token[],
  func: number,
  close: number,
  ctx: RewriteContext,
  element: { index: number; count: number } | undefined,
  qualify = false,
): string {
  const name = perfCallOf(tokens[func].text);
  if (name === "unknown" || name === undefined) {
    throw new RewriteError(`${tokens[func].text} is not a PerfSheet function`);
  }
  const def = findFunction(name)!;
  const args = argumentSpans(tokens, func + 1, close).map(([a, b]) => {
    const text = rewriteSpan(tokens, a, b, ctx, true).trim();
    return text === "" ? null : qualify ? qualifyReferences(text, ctx.sheet) : text;
  });
  if (args.length > def.params.length) {
    throw new RewriteError(`PERF.${name} takes at most ${def.params.length} arguments`);
  }
  rejectBareNames(def, args);
  const shape = spillShapeOf(def, args);
  const count = shape.rows * shape.cols;
  if (!element && count > 1) {
    throw new RewriteError(
      `PERF.${name} spills over ${shape.rows}×${shape.cols} cells inside a larger formula; its native form ` +
        `is one formula per cell, so give it a formula of its own`,
    );
  }
  const call = { args, row: element?.index ?? 0, rows: element?.count ?? 1 };
  const native = build(name, call);
  const local = native.helpers ?? [];
  if (local.length === 0) return native.formula;
  // Helpers live on another sheet: the same call with sheet-qualified arguments gives them.
  const qualified = build(name, {
    ...call,
    args: args.map((a) => (a === null ? null : qualifyReferences(a, ctx.sheet))),
  });
  // Local `{hK}` become `{gN}`, N indexing ctx.helpers; a helper only refers to earlier ones.
  const globalOf: number[] = [];
  const toGlobal = (text: string) =>
    mapPlaceholders(text, (letter, index) => `{g${letter === "h" ? globalOf[index] : index}}`);
  for (const helper of qualified.helpers ?? [])
    globalOf.push(Number(addHelper(ctx, toGlobal(helper)).slice(2, -1)));
  return toGlobal(native.formula);
}

/** The native form of one call; a builder's refusal (an argument it cannot take) is the cell's reason. */
function build(name: PerfFunctionName, call: NativeCall): NativeFormula {
  try {
    return NATIVE[name](call);
  } catch (e) {
    throw new RewriteError((e as Error).message);
  }
}

/**
 * A defined name (or a table column) where a spilling function or a range parameter needs
 * cells: the native builders only read cell references, so such a call is refused rather
 * than read as one value.
 */
function rejectBareNames(def: PerfFunctionDef, args: (string | null)[]): void {
  def.params.forEach((param, i) => {
    const text = args[i];
    if (!param.range || !text) return;
    const tokens = tokenizeFormula(text).filter((t) => t.kind !== "space");
    if (tokens.length === 1 && tokens[0].kind === "name" && !/^(TRUE|FALSE)$/i.test(tokens[0].text)) {
      throw new RewriteError(
        `PERF.${def.name}'s ${param.name} is the name ${tokens[0].text}; give the cell range instead (e.g. B2:B9)`,
      );
    }
  });
}

function checkLength(formula: string, what: string): void {
  const placeholders = (formula.match(/\{[hg]\d+\}/g) ?? []).length;
  const length = formula.length + placeholders * HELPER_ADDRESS_ALLOWANCE;
  if (length > MAX_FORMULA_LENGTH) {
    throw new RewriteError(
      `the native formula of ${what} would be about ${length} characters; Excel allows ${MAX_FORMULA_LENGTH}`,
    );
  }
}

/**
 * The native formulas for the cell at `at` holding `formula` (as Excel stores it, with or
 * without `=`). A formula that is one spilling PERF call (`=PERF.SCORE(B2:B9,C2:C9)`) gives a
 * formula for every cell of its spill area, in the shape of its ranges, row by row; `spill`,
 * when the host knows the area (a dynamic array's stored range), must agree with that shape.
 * Every other PERF call is rewritten where it stands.
 *
 * @example rewriteFormula("=ROUND(PERF.FINAL(B2,C2),1)", { sheet: "S", row: 2, col: 4 })
 * // { kind: "rewritten", cells: [{ row: 2, col: 4, formula: "ROUND(IF(…),1)" }], helpers: [] }
 */
export function rewriteFormula(
  formula: string,
  at: { sheet: string; row: number; col: number },
  spill?: SpillShape,
): Rewrite {
  if (!/PERF/i.test(formula)) return { kind: "unchanged" };
  const body = formula.replace(/^\s*=/, "");
  try {
    let tokens: Token[];
    try {
      tokens = tokenizeFormula(body);
    } catch (e) {
      throw new RewriteError(`cannot read the formula: ${(e as Error).message}`);
    }
    if (!tokens.some((t) => t.kind === "func" && perfCallOf(t.text) !== undefined))
      return { kind: "unchanged" };
    const ctx: RewriteContext = { sheet: at.sheet, helpers: [], helperIndex: new Map() };
    const solid = tokens.map((t, k) => ({ t, k })).filter(({ t }) => t.kind !== "space");
    const first = solid[0];
    const whole =
      first && first.t.kind === "func" && perfCallOf(first.t.text) !== undefined
        ? matchingClose(tokens, first.k + 1) === solid[solid.length - 1].k
        : false;
    let cells: PortableCell[];
    if (whole) {
      const close = solid[solid.length - 1].k;
      const def = findFunction(perfCallOf(first.t.text) as string);
      // The shape comes from the argument texts as written (nested calls are single values).
      const probe: RewriteContext = { sheet: at.sheet, helpers: [], helperIndex: new Map() };
      const args = argumentSpans(tokens, first.k + 1, close).map(([a, b]) => {
        const text = rewriteSpan(tokens, a, b, probe, true).trim();
        return text === "" ? null : text;
      });
      const shape = def ? spillShapeOf(def, args) : { rows: 1, cols: 1 };
      checkSpillHint(shape, spill);
      const count = shape.rows * shape.cols;
      cells = Array.from({ length: count }, (_, index) => ({
        row: at.row + Math.floor(index / shape.cols),
        col: at.col + (index % shape.cols),
        formula: rewriteCall(tokens, first.k, close, ctx, { index, count }),
      }));
    } else {
      checkSpillHint({ rows: 1, cols: 1 }, spill);
      cells = [{ row: at.row, col: at.col, formula: rewriteSpan(tokens, 0, tokens.length, ctx).trim() }];
    }
    const toPublic = (text: string) => mapPlaceholders(text, (_letter, index) => `{h${index}}`);
    for (const cell of cells) checkLength(cell.formula, `${at.sheet}!${columnLetters(cell.col)}${cell.row}`);
    return {
      kind: "rewritten",
      cells: cells.map((c) => ({ ...c, formula: toPublic(c.formula) })),
      helpers: ctx.helpers.map(toPublic),
    };
  } catch (e) {
    if (e instanceof RewriteError) return { kind: "failed", reason: e.message };
    throw e;
  }
}

function checkSpillHint(shape: SpillShape, spill: SpillShape | undefined): void {
  if (!spill || (spill.rows === shape.rows && spill.cols === shape.cols)) return;
  throw new RewriteError(
    `the formula spills over ${spill.rows}×${spill.cols} cells but its PERF call answers ${shape.rows}×${shape.cols}; ` +
      `only a formula that is one PERF call can spill portably`,
  );
}

// ---------------------------------------------------------------------------------------
// Helper cells

/** The sheet helper cells go on (hidden, marked as generated so it is never taken for user data). */
export const HELPER_SHEET = "PerfSheet Helpers";
export { HELPER_MARKER };

/**
 * Places helper cells down column A of the helper sheet, from `firstRow`, and fills the
 * `{hN}` placeholders with their absolute, sheet-qualified addresses. Equal helpers (every
 * output row of one ALLOCATE needs the same three) share one cell.
 */
export class HelperCells {
  /** Formulas (without `=`) for column A, from `firstRow` down. */
  readonly formulas: string[] = [];
  private readonly rowOf = new Map<string, number>();

  constructor(
    readonly sheet: string,
    readonly firstRow = 1,
  ) {}

  address(row: number): string {
    return `${sheetPrefix(this.sheet)}$A$${row}`;
  }

  /** The rewrite's cells with their helpers placed. */
  place(rewrite: Extract<Rewrite, { kind: "rewritten" }>): PortableCell[] {
    const addresses: string[] = [];
    const fill = (text: string) => mapPlaceholders(text, (_letter, index) => addresses[index]);
    for (const helper of rewrite.helpers) {
      const text = fill(helper);
      let row = this.rowOf.get(text);
      if (row === undefined) {
        row = this.firstRow + this.formulas.length;
        this.formulas.push(text);
        this.rowOf.set(text, row);
      }
      addresses.push(this.address(row));
    }
    return rewrite.cells.map((cell) => ({ ...cell, formula: fill(cell.formula) }));
  }
}

/** A name for the helper sheet that no existing sheet has (Excel compares names without case). */
export function freeHelperSheetName(existing: string[]): string {
  const taken = new Set(existing.map((s) => s.toLocaleUpperCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? HELPER_SHEET : `${HELPER_SHEET} ${n}`;
    if (!taken.has(name.toLocaleUpperCase())) return name;
  }
}

// ---------------------------------------------------------------------------------------
// Spill areas and the hosts' report

/** A formula cell with a PERF call that a host left as it was, and why. */
export interface SkippedCell {
  sheet: string;
  /** A1 address of the formula's cell. */
  cell: string;
  reason: string;
}

/** What a host knows of one cell of a spill area other than the anchor. */
export interface SpillAreaCell {
  hasFormula: boolean;
  empty: boolean;
}

/**
 * Whether the native formulas may be written over a spill area. A formula there is never
 * overwritten. Values there are the spilled result's own (plain values beside the anchor in a
 * file, ghost cells in Excel) when the spill is known to have happened: the host knows the
 * area (`spillKnown`), or the anchor shows a value. When the anchor shows an error (a call
 * that failed as a whole, or #SPILL!), values there may be someone's data: only empty cells
 * may then be written.
 *
 * @returns undefined when the area may be written, else why not.
 */
export function spillAreaBlocked(
  area: SpillAreaCell[],
  anchor: { error: string | undefined; spillKnown: boolean },
): string | undefined {
  if (anchor.error === "#SPILL!") return "the spill area is blocked (#SPILL!)";
  if (area.some((c) => c.hasFormula)) return "another formula stands in the spill area";
  if (!anchor.spillKnown && anchor.error !== undefined && area.some((c) => !c.empty)) {
    return `the formula shows ${anchor.error}, so the values below it may not be its own: clear them or fix the formula first`;
  }
  return undefined;
}
