/**
 * Table arguments natively (SPEC §9: `S:90,A:80` text or a 2-column range). Literal text is
 * read at build time with core/tables.ts, so the formula embeds the numbers; a range stays a
 * range of key cells and value cells that lookup formulas read at recalculation time. A
 * table typed as text inside a single cell cannot be split by classic formulas in general,
 * so that form has no native equivalent and the builder throws.
 */
import { isPerfError } from "../../core/errors";
import { parseKeyValueTable, TableEntry } from "../../core/tables";
import { formatRange, RangeRef, rangeColumn, rangeColumns, rangeRows } from "../../workbook/a1";
import { Operand } from "./operands";

export type TableArg =
  | { kind: "literal"; entries: TableEntry[] }
  /** The literal text is not a valid table: the JS form answers #VALUE!. */
  | { kind: "invalid" }
  | { kind: "range"; keys: string; values: string };

function rangeRow(range: RangeRef, index: number): RangeRef {
  const row = range.start.row + index;
  return { ...range, start: { ...range.start, row }, end: { ...range.end, row } };
}

/**
 * Reads a table argument; `fallback` is the default table text used when it is omitted.
 *
 * @example readTable(readOperand('"S:90,A:0"'), "grades", "…") // literal S 90, A 0
 * @example readTable(readOperand("H2:I6"), "grades", "…") // keys H2:H6, values I2:I6
 */
export function readTable(op: Operand, what: string, fallback: string): TableArg {
  if (op.kind === "omitted" || op.kind === "text") {
    try {
      return { kind: "literal", entries: parseKeyValueTable(op.kind === "text" ? op.value : fallback, what) };
    } catch (e) {
      if (isPerfError(e)) return { kind: "invalid" };
      throw e;
    }
  }
  if (op.kind === "ref") {
    const { range } = op;
    if (rangeColumns(range) === 2) {
      return {
        kind: "range",
        keys: formatRange(rangeColumn(range, 0)),
        values: formatRange(rangeColumn(range, 1)),
      };
    }
    if (rangeRows(range) === 2) {
      return {
        kind: "range",
        keys: formatRange(rangeRow(range, 0)),
        values: formatRange(rangeRow(range, 1)),
      };
    }
  }
  throw new Error(
    `${what}: no native form for the table ${op.kind === "number" ? op.text : "given"}; ` +
      'write it as literal text ("S:90,A:80") or as a 2-column range of keys and values',
  );
}
