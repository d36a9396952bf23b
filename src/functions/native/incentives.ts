/**
 * BONUS and ALLOCATE natively (SPEC §6). Core works in whole rounding units with exact
 * decimals; natively the same units come from ROUND (which, like core, rounds the
 * 15-significant-digit decimal value) and ALLOCATE's largest remainders are compared as
 * exact integers: raws are scaled to whole numbers by their decimal places (at most 6), the
 * shares are units × weight with integer quotient and remainder. That is exact while pool
 * units × scaled raw stays below about 1E13, beyond which spreadsheet arithmetic rounds.
 */
import { DEFAULTS } from "../../core/settings-defaults";
import { normalizeWord } from "../../core/vocabulary";
import { rangeColumns } from "../../workbook/a1";
import type { NativeCall, NativeFormula } from "../types";
import {
  elementOf,
  Guards,
  isMultiCell,
  NA_ERROR,
  not,
  num,
  numberArg,
  numberOr,
  readOperand,
  str,
  textOf,
  VALUE_ERROR,
} from "./operands";
import { cellCount, hasNonNumber, rangeOperand } from "./ranges";
import { readTable } from "./tables";
import { squeezed } from "./words";

/** Places kept when turning a whole number of units back into an amount (see core fromDecimal). */
const AMOUNT_PLACES = 10;

/** `BONUS(base, grade, [coefficients], [rounding])`: ROUND(base·coefficient / rounding, 0) · rounding. */
export function nativeBonus(call: NativeCall): NativeFormula {
  const base = numberArg(readOperand(call.args[0]));
  const gradeOp = readOperand(call.args[1]);
  const table = readTable(readOperand(call.args[2]), "coefficients", DEFAULTS.coefficients);
  const rounding = numberArg(readOperand(call.args[3]));
  const r = numberOr(rounding, DEFAULTS.rounding);
  const guards = new Guards().add(base.bad).add(not(base.given), NA_ERROR);
  if (gradeOp.kind === "omitted") return { formula: guards.wrap(NA_ERROR) };
  if (isMultiCell(gradeOp)) return { formula: guards.wrap(VALUE_ERROR) };
  if (gradeOp.kind === "ref") guards.add(`TRIM(${gradeOp.text})=""`, NA_ERROR);
  if (table.kind === "invalid") return { formula: guards.wrap(VALUE_ERROR) };
  guards.add(rounding.bad);
  // A literal grade is normalised now; a grade in a cell at recalculation time.
  const literalGrade =
    gradeOp.kind === "text" ? gradeOp.value : gradeOp.kind === "number" ? String(gradeOp.value) : undefined;
  const grade = literalGrade === undefined ? squeezed(textOf(gradeOp)) : str(normalizeWord(literalGrade));
  let coefficient: string;
  if (table.kind === "literal") {
    const entry = table.entries.find(
      (e) => literalGrade !== undefined && normalizeWord(e.key) === normalizeWord(literalGrade),
    );
    coefficient =
      literalGrade !== undefined
        ? entry
          ? num(entry.value)
          : VALUE_ERROR
        : table.entries.reduceRight(
            (otherwise, e) => `IF(${grade}=${str(normalizeWord(e.key))},${num(e.value)},${otherwise})`,
            VALUE_ERROR,
          );
  } else {
    const matches = `(${squeezed(table.keys)}=${grade})`;
    guards.add(`SUMPRODUCT(--${matches})=0`);
    coefficient = `SUMPRODUCT(${matches}*${table.values})`;
  }
  const body = new Guards()
    .add(`NOT(${r}>0)`)
    .add(`${base.expr}<0`)
    .add(`${coefficient}<0`)
    .wrap(`ROUND(ROUND(${base.expr}*${coefficient}/${r},0)*${r},${AMOUNT_PLACES})`);
  return { formula: guards.wrap(body) };
}

/**
 * `ALLOCATE(pool, raw, [rounding], [priority])`: the output row's share of the pool in whole
 * rounding units, by largest remainder; equal remainders go to the higher priority (blank
 * lowest), then to the earlier row. Helper cells: {h0} the scale 10^decimals of the raws,
 * {h1} Σ scaled raws, {h2} the units left after everyone's floor.
 */
export function nativeAllocate(call: NativeCall): NativeFormula {
  const pool = numberArg(readOperand(call.args[0]));
  const rawOp = rangeOperand(readOperand(call.args[1]), "ALLOCATE", "raw");
  const rounding = numberArg(readOperand(call.args[2]));
  const priorityOp = readOperand(call.args[3]);
  const R = rawOp.text;
  const r = numberOr(rounding, DEFAULTS.rounding);
  const guards = new Guards()
    .add(pool.bad)
    .add(not(pool.given), NA_ERROR)
    .add(rounding.bad)
    .add(hasNonNumber(R));
  if (priorityOp.kind !== "omitted" && priorityOp.kind !== "ref") {
    throw new Error("ALLOCATE: the native form needs priority as a range parallel to raw");
  }
  const P = priorityOp.kind === "ref" ? priorityOp.text : undefined;
  if (priorityOp.kind === "ref" && cellCount(priorityOp) !== cellCount(rawOp))
    return { formula: guards.wrap(VALUE_ERROR) };
  if (P) guards.add(`SUMPRODUCT((${R}<>"")*(${P}<>"")*(1-ISNUMBER(${P})))>0`);
  const units = `ROUND(${pool.expr}/${r},0)`;
  guards
    .add(`NOT(${r}>0)`)
    .add(`${pool.expr}<0`)
    .add(`SUMPRODUCT(--(${R}<0))>0`)
    .add(`${units}<>${pool.expr}/${r}`);

  // Decimal places of the raws (0..6): how many of R·10^0..R·10^5 are not whole.
  const places = [0, 1, 2, 3, 4, 5].map((d) => `(ROUND(${R}*1E+${d},0)<>${R}*1E+${d})`).join("+");
  const scale = `10^SUMPRODUCT(MAX(${places}))`;
  const weightsWith = (f: string) => `ROUND(${R}*${f},0)`;
  const totalWith = (f: string) => `SUMPRODUCT(${weightsWith(f)})`;
  const helpers = [
    scale,
    totalWith(`(${scale})`),
    `${units}-SUMPRODUCT(INT(${units}*${weightsWith(`(${scale})`)}/${totalWith(`(${scale})`)}))`,
  ];
  guards.add("{h1}=0");

  const x = textOf(elementOf(rawOp, call.row));
  const W = weightsWith("{h0}");
  const share = `${units}*${W}`;
  const remainders = `(${share}-INT(${share}/{h1})*{h1})`;
  const w = `ROUND(${x}*{h0},0)`;
  const own = `${units}*${w}`;
  const ownFloor = `INT(${own}/{h1})`;
  const ownRemainder = `(${own}-${ownFloor}*{h1})`;
  const { start } = rawOp.range;
  const width = rangeColumns(rawOp.range);
  const index = `((ROW(${R})-${start.row})*${width}+COLUMN(${R})-${start.col})`;
  const lowest = (range: string) => `((${range}<>"")*${range}-(${range}="")*1E+308)`;
  const tie = `(${remainders}=${ownRemainder})`;
  const ahead = P
    ? `(${remainders}>${ownRemainder})+${tie}*(${lowest(P)}>${lowest(textOf(elementOf(priorityOp, call.row)))})+${tie}*(${lowest(P)}=${lowest(textOf(elementOf(priorityOp, call.row)))})*(${index}<${call.row})`
    : `(${remainders}>${ownRemainder})+${tie}*(${index}<${call.row})`;
  const unitsOwn = `${ownFloor}+(SUMPRODUCT(${ahead})<{h2})`;
  const body = `IF(ISBLANK(${x}),${NA_ERROR},ROUND((${unitsOwn})*${r},${AMOUNT_PLACES}))`;
  return { formula: guards.wrap(body), helpers };
}
