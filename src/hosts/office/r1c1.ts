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

/** Whether a character code may be part of a reference, number, name or function: `A-Za-z0-9_.$\`. */
function isIdentifier(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 46 ||
    code === 36 ||
    code === 92
  );
}

/** Whether a character is copied as it is: neither part of a token nor `"`, `'`, `[`, `{` or `#`. */
function isPlain(code: number): boolean {
  return !isIdentifier(code) && code !== 34 && code !== 39 && code !== 91 && code !== 123 && code !== 35;
}

const CELL = /^(\$?)([A-Z]{1,3})(\$?)([1-9]\d{0,6})$/;
/** Excel's error constants, which native forms of the PERF functions return (`#VALUE!`, `#N/A`). */
const ERROR_LITERAL = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)/;

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
    // Operators, separators and spaces are copied as they are, a run at a time.
    let plain = i;
    while (plain < formula.length && isPlain(formula.charCodeAt(plain))) plain++;
    if (plain > i) {
      out += formula.slice(i, plain);
      i = plain;
      continue;
    }
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
    if (ch === "#") {
      // An error constant, or the spill operator after a reference (`A2#`).
      const error = ERROR_LITERAL.exec(formula.slice(i, i + 14));
      const length = error ? error[0].length : 1;
      out += formula.slice(i, i + length);
      i += length;
      continue;
    }
    let end = i;
    while (end < formula.length && isIdentifier(formula.charCodeAt(end))) end++;
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
