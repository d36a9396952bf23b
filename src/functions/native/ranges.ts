/**
 * Range arguments of the aggregate functions (WEIGHTED, FEEDBACK, COMPLETION, DISTRIBUTE,
 * ALLOCATE): they must be references, and parallel ranges must have as many cells.
 */
import { rangeSize } from "../../workbook/a1";
import { Operand } from "./operands";

export type RangeOperand = Extract<Operand, { kind: "ref" }>;

/** The operand as a range reference, or a clear build error. */
export function rangeOperand(op: Operand, fn: string, what: string): RangeOperand {
  if (op.kind !== "ref") {
    throw new Error(`${fn}: the native form needs ${what} as a cell range (e.g. B2:B9)`);
  }
  return op;
}

export function cellCount(op: RangeOperand): number {
  return rangeSize(op.range);
}

/** SUMPRODUCT of an array expression: forces array evaluation in Excel and LibreOffice alike. */
export function sumOver(arrayExpr: string): string {
  return `SUMPRODUCT(${arrayExpr})`;
}

/** A range holds a cell that is neither blank nor a number. */
export function hasNonNumber(range: string): string {
  return `SUMPRODUCT((${range}<>"")*(1-ISNUMBER(${range})))>0`;
}
