/**
 * A1 formulas in R1C1 form, so that a column of formulas that differ only by their row
 * (`=PERF.SCORE(J6,G6,…)`, `=PERF.SCORE(J7,G7,…)`, …) is recognised as one formula and
 * written to the whole column at once (`range.formulasR1C1 = "=PERF.SCORE(RC[-2],RC[-5],…)"`).
 */

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function part(axis: "R" | "C", absolute: boolean, at: number, from: number): string {
  if (absolute) return `${axis}${at}`;
  return at === from ? axis : `${axis}[${at - from}]`;
}

const IDENTIFIER = /[A-Za-z0-9_.$\\]/;
const CELL = /^(\$?)([A-Z]{1,3})(\$?)([1-9]\d{0,6})$/;

/**
 * The R1C1 form of an A1 formula entered in cell (`row`, `col`), or undefined when the formula
 * holds something this reader does not translate with certainty (whole rows or columns,
 * structured references, lower-case references, R1C1-looking names): such a cell is then
 * written as it is, so an unsure translation costs payload, never a wrong formula.
 *
 * @example formulaR1C1("=PERF.SCORE(J6,$G$2,\"higher\")", 6, 12) // '=PERF.SCORE(RC[-2],R2C7,"higher")'
 */
export function formulaR1C1(formula: string, row: number, col: number): string | undefined {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A text literal or a quoted sheet name, doubled quotes inside; copied as it is.
      let end = i + 1;
      while (end < formula.length) {
        if (formula[end] === ch) {
          if (formula[end + 1] === ch) end += 2;
          else break;
        } else end++;
      }
      if (end >= formula.length) return undefined;
      out += formula.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (ch === "[" || ch === "{") return undefined; // structured references, array constants
    if (!IDENTIFIER.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let end = i;
    while (end < formula.length && IDENTIFIER.test(formula[end])) end++;
    const token = formula.slice(i, end);
    i = end;
    if (formula[i] === "!") {
      out += token; // a sheet's name
      continue;
    }
    if (/^[\d.]/.test(token)) {
      // A number (1.5, 1E+5 is read as 1E, +, 5: both parts are numbers or letters next to one).
      if (formula[i] === ":") return undefined; // a whole-row range such as 6:6
      out += token;
      continue;
    }
    const cell = CELL.exec(token);
    const callOrName = formula[i] === "(" || token.includes(".") || token.includes("_");
    if (cell && !callOrName) {
      const c = columnNumber(cell[2]);
      const r = Number(cell[4]);
      if (c > MAX_COL || r > MAX_ROW) return undefined;
      out += part("R", cell[3] === "$", r, row) + part("C", cell[1] === "$", c, col);
      continue;
    }
    if (callOrName) {
      out += token;
      continue;
    }
    // A bare word: TRUE/FALSE are kept; anything else (a column range like C:C, a lower-case
    // reference, a defined name) is not translated.
    if (/^(TRUE|FALSE)$/i.test(token)) {
      out += token;
      continue;
    }
    return undefined;
  }
  return out;
}
