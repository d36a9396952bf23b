/**
 * The argument texts of a native call, read as what they are (a number or text literal, a
 * cell or range reference, some other expression, or omitted), and small helpers to write
 * classic-Excel formula text from them.
 */
import { textToNumber } from "../../workbook/cells";
import { cellOfRange, parseRange, RangeRef, rangeSize } from "../../workbook/a1";

export type Operand =
  | { kind: "omitted" }
  | { kind: "number"; value: number; text: string }
  | { kind: "text"; value: string; text: string }
  | { kind: "ref"; range: RangeRef; text: string }
  | { kind: "expr"; text: string };

const NUMBER_LITERAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;
const STRING_LITERAL = /^"((?:[^"]|"")*)"$/;

/**
 * Reads one argument text. An omitted argument (null, blank, or the empty string literal
 * `""`) is `omitted`, as the JS form treats a blank argument as not given.
 *
 * @example readOperand("0.8") // { kind: "number", value: 0.8, text: "0.8" }
 * @example readOperand('"higher"') // { kind: "text", value: "higher", ... }
 */
export function readOperand(text: string | null | undefined): Operand {
  const trimmed = (text ?? "").trim();
  if (trimmed === "" || trimmed === '""') return { kind: "omitted" };
  if (NUMBER_LITERAL.test(trimmed)) {
    const percent = trimmed.endsWith("%");
    const value = Number(percent ? trimmed.slice(0, -1) : trimmed);
    return { kind: "number", value: percent ? value / 100 : value, text: num(percent ? value / 100 : value) };
  }
  const quoted = STRING_LITERAL.exec(trimmed);
  if (quoted) return { kind: "text", value: quoted[1].replace(/""/g, '"'), text: trimmed };
  const range = parseRange(trimmed);
  if (range) return { kind: "ref", range, text: trimmed };
  return { kind: "expr", text: `(${trimmed})` };
}

/** Several cells (a range a spilling function answers element-wise). */
export function isMultiCell(op: Operand): boolean {
  return op.kind === "ref" && rangeSize(op.range) > 1;
}

/** The element of `op` a spilled output row reads: the i-th cell of a range, else op itself. */
export function elementOf(op: Operand, i: number): Operand {
  if (op.kind !== "ref" || !isMultiCell(op)) return op;
  const text = cellOfRange(op.text, i);
  return { kind: "ref", range: parseRange(text)!, text };
}

/** The formula text of an operand ("" when omitted). */
export function textOf(op: Operand): string {
  return op.kind === "omitted" ? "" : op.text;
}

/** A number as formula text (shortest round-trip form, upper-case exponent). */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return String(x).toUpperCase();
}

/** A text as a formula string literal. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** An array constant of texts: `{"a","b"}`. */
export function strArray(texts: readonly string[]): string {
  return `{${texts.map(str).join(",")}}`;
}

export const VALUE_ERROR = "#VALUE!";
export const NA_ERROR = "#N/A";

/** IF that folds when the condition is known at build time. */
export function ifThen(condition: string, then: string, otherwise: string): string {
  if (condition === "TRUE") return then;
  if (condition === "FALSE") return otherwise;
  return `IF(${condition},${then},${otherwise})`;
}

/** OR of conditions, folding the constant ones. */
export function anyOf(conditions: string[]): string {
  if (conditions.includes("TRUE")) return "TRUE";
  const open = conditions.filter((c) => c !== "FALSE");
  if (open.length === 0) return "FALSE";
  return open.length === 1 ? open[0] : `OR(${open.join(",")})`;
}

/** AND of conditions, folding the constant ones. */
export function allOf(conditions: string[]): string {
  if (conditions.includes("FALSE")) return "FALSE";
  const open = conditions.filter((c) => c !== "TRUE");
  if (open.length === 0) return "TRUE";
  return open.length === 1 ? open[0] : `AND(${open.join(",")})`;
}

export function not(condition: string): string {
  if (condition === "TRUE") return "FALSE";
  if (condition === "FALSE") return "TRUE";
  return `NOT(${condition})`;
}

/**
 * Guards in order, each an error value shown when its condition holds, around a result:
 * the native counterpart of the checks the JS form makes before computing.
 */
export class Guards {
  private readonly checks: { when: string; error: string }[] = [];

  add(when: string, error: string = VALUE_ERROR): this {
    if (when !== "FALSE") this.checks.push({ when, error });
    return this;
  }

  wrap(result: string): string {
    return this.checks.reduceRight((inner, { when, error }) => ifThen(when, error, inner), result);
  }
}

/**
 * A numeric cell argument as the JS form reads it (functions/defs/args.ts cellNumber): blank
 * is "not given", a number is itself, anything else is `#VALUE!`. Numbers typed as text in a
 * cell (`85%` as text) are read by the JS form but not natively; literal text arguments are
 * read at build time the same way as the JS form does.
 */
export interface NumberArg {
  /** Formula text of the value (meaningful only when `given` holds). */
  expr: string;
  /** The argument is not blank: TRUE/FALSE at build time, or a runtime condition. */
  given: string;
  /** The argument is given but not a number (`#VALUE!`). */
  bad: string;
}

export function numberArg(op: Operand): NumberArg {
  switch (op.kind) {
    case "omitted":
      return { expr: "0", given: "FALSE", bad: "FALSE" };
    case "number":
      return { expr: op.text, given: "TRUE", bad: "FALSE" };
    case "text": {
      if (op.value.trim() === "") return { expr: "0", given: "FALSE", bad: "FALSE" };
      const read = textToNumber(op.value);
      return read
        ? { expr: num(read.value), given: "TRUE", bad: "FALSE" }
        : { expr: "0", given: "TRUE", bad: "TRUE" };
    }
    case "ref":
      // A range where one value is expected: the JS form's range_not_allowed.
      if (isMultiCell(op)) return { expr: "0", given: "TRUE", bad: "TRUE" };
      return {
        expr: op.text,
        given: `NOT(ISBLANK(${op.text}))`,
        bad: `AND(NOT(ISBLANK(${op.text})),NOT(ISNUMBER(${op.text})))`,
      };
    case "expr":
      return { expr: op.text, given: "TRUE", bad: `NOT(ISNUMBER(${op.text}))` };
  }
}

/** An optional number with a default: the expression of its effective value. */
export function numberOr(arg: NumberArg, fallback: number): string {
  return ifThen(arg.given, arg.expr, num(fallback));
}
