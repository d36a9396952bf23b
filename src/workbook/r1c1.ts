/**
 * A1 formulas read as the same formula wherever it is entered: their R1C1 form, and the A1
 * text they take in another cell. So a column of formulas that differ only by their row
 * (`=PERF.SCORE(J6,G6,…)`, `=PERF.SCORE(J7,G7,…)`, …) is recognised as one formula: inside
 * Excel it is written to the whole column at once (`range.formulasR1C1 = "=PERF.SCORE(RC[-2],RC[-5],…)"`),
 * in a file it is one shared formula. Pure.
 */
import { tokenizeFormula, type Token } from "../functions/portable";
import { columnLetters, columnNumber } from "./a1";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** A cell reference of a formula: absolute parts as numbers, relative ones as offsets. */
interface Ref {
  rowAbsolute: boolean;
  row: number;
  colAbsolute: boolean;
  col: number;
}

const CELL = /^(\$?)([A-Z]{1,3})(\$?)([1-9]\d{0,6})$/;

/**
 * An A1 formula taken apart (functions/portable.ts `tokenizeFormula`) into its literal text and
 * its cell references, relative to the cell it was entered in; undefined when it holds something
 * this reading does not move with certainty (whole rows or columns, structured references,
 * lower-case references, names, array constants), so an unsure reading costs a plain write,
 * never a wrong formula.
 */
function scan(formula: string, row: number, col: number): (string | Ref)[] | undefined {
  let tokens: Token[];
  try {
    tokens = tokenizeFormula(formula);
  } catch {
    return undefined;
  }
  const parts: (string | Ref)[] = [];
  let text = "";
  for (const token of tokens) {
    if (token.kind === "name" && /^(TRUE|FALSE)$/i.test(token.text)) {
      text += token.text;
      continue;
    }
    if (token.kind === "name" || token.kind === "array" || token.kind === "placeholder") return undefined;
    if (token.kind !== "ref") {
      text += token.text;
      continue;
    }
    const sheet = token.sheet ?? "";
    text += sheet;
    const cells = token.text.slice(sheet.length).split(":");
    for (let n = 0; n < cells.length; n++) {
      const cell = CELL.exec(cells[n]);
      if (!cell) return undefined;
      const c = columnNumber(cell[2]);
      const r = Number(cell[4]);
      if (c > MAX_COL || r > MAX_ROW) return undefined;
      if (n > 0) text += ":";
      if (text !== "") parts.push(text);
      text = "";
      const rowAbsolute = cell[3] === "$";
      const colAbsolute = cell[1] === "$";
      parts.push({
        rowAbsolute,
        row: rowAbsolute ? r : r - row,
        colAbsolute,
        col: colAbsolute ? c : c - col,
      });
    }
  }
  if (text !== "") parts.push(text);
  return parts;
}

function r1c1Part(axis: "R" | "C", absolute: boolean, value: number): string {
  if (absolute) return `${axis}${value}`;
  return value === 0 ? axis : `${axis}[${value}]`;
}

/** An A1 formula as it is wherever it is entered (see `movableFormula`). */
export interface MovableFormula {
  /** Its R1C1 form: the same for every cell it is filled or shared to. */
  r1c1: string;
  /** Its A1 text in cell (`row`, `col`), relative references moved; undefined off the sheet. */
  at(row: number, col: number): string | undefined;
}

/**
 * An A1 formula entered in cell (`row`, `col`) as it is wherever it is filled or shared to;
 * undefined when the formula holds something this reader does not translate with certainty
 * (see `scan`). Whether the cell below holds the same formula costs a join of parts
 * (`at`), where reading that cell's own formula costs a scan.
 *
 * @example
 * const score = movableFormula("=PERF.SCORE(J6,$G$2,\"higher\")", 6, 12)!;
 * score.r1c1 // '=PERF.SCORE(RC[-2],R2C7,"higher")'
 * score.at(7, 12) // '=PERF.SCORE(J7,$G$2,"higher")'
 */
export function movableFormula(formula: string, row: number, col: number): MovableFormula | undefined {
  const parts = scan(formula, row, col);
  if (!parts) return undefined;
  let r1c1 = "";
  for (const part of parts) {
    r1c1 +=
      typeof part === "string"
        ? part
        : r1c1Part("R", part.rowAbsolute, part.row) + r1c1Part("C", part.colAbsolute, part.col);
  }
  const at = (atRow: number, atCol: number): string | undefined => {
    let out = "";
    for (const part of parts) {
      if (typeof part === "string") {
        out += part;
        continue;
      }
      const r = part.rowAbsolute ? part.row : part.row + atRow;
      const c = part.colAbsolute ? part.col : part.col + atCol;
      if (r < 1 || r > MAX_ROW || c < 1 || c > MAX_COL) return undefined;
      out += `${part.colAbsolute ? "$" : ""}${columnLetters(c)}${part.rowAbsolute ? "$" : ""}${r}`;
    }
    return out;
  };
  return { r1c1, at };
}
