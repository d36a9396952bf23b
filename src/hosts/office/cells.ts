/**
 * What the Office host writes into cells: a plan's block turned into the 2-D arrays that
 * `range.formulas` and `range.numberFormat` take, and its styles grouped into rectangles so
 * that formatting costs one operation per rectangle rather than per cell. Pure functions.
 */
import {
  isDate,
  isFormula,
  cellParts,
  styleAt,
  type BlockPlan,
  type FormulaValue,
  type PlainValue,
} from "../../workbook/plan";
import { parseAddress } from "../../workbook/a1";
import { isoToSerial } from "../../workbook/cells";
import { STYLES, type StyleName } from "../../workbook/styles";

export type FormulaMode = "perf" | "native";

/** What one cell of a `range.formulas` array holds: a formula `=…`, a constant, or "" (blank). */
export type CellInput = string | number | boolean;

/**
 * Whether Excel would read `text` as something other than that text when it is written to
 * `range.values`/`range.formulas`, which parse input as if typed. SPEC §8 names `=`, `+`, `-`
 * and `@` (a formula); an apostrophe would be taken as the text prefix and vanish; and text
 * with a digit may be read as a number, date or time (`001`, `3/4`, `2024-01-01`, `1e5`),
 * as may `TRUE`/`FALSE` and `#N/A`-like error words. The digit test is deliberately broad:
 * a needless prefix only costs an invisible quote, a missed one changes the data.
 *
 * @example needsTextPrefix("=SUM(A1)") // true
 * @example needsTextPrefix("E001") // true (contains a digit)
 * @example needsTextPrefix("Operations") // false
 */
export function needsTextPrefix(text: string): boolean {
  return (
    /^[=+\-@']/.test(text) || /\d/.test(text) || /^\s*(true|false)\s*$/i.test(text) || /^\s*#/.test(text)
  );
}

/** Text as Excel must be given it to keep it text: with the apostrophe prefix where needed. */
export function textInput(text: string): string {
  return text !== "" && needsTextPrefix(text) ? `'${text}` : text;
}

/** The formula text written for a formula cell in the chosen mode, with its `=`. */
export function formulaInput(value: FormulaValue, mode: FormulaMode): string {
  const text = mode === "perf" ? (value.perf ?? value.formula) : value.formula;
  return `=${text.replace(/^=/, "")}`;
}

/** The input for one planned value. */
export function cellInput(value: PlainValue | FormulaValue, mode: FormulaMode): CellInput {
  if (value === null) return "";
  if (isFormula(value)) return formulaInput(value, mode);
  if (isDate(value)) return isoToSerial(value.date);
  if (typeof value === "string") return textInput(value);
  return value;
}

/** Number format of a cell: its style's, else a date format for a date, else General. */
export function numberFormatOf(style: StyleName | undefined, value: PlainValue | FormulaValue): string {
  const styled = style ? (STYLES[style] as { numFmt?: string }).numFmt : undefined;
  if (styled) return styled;
  return isDate(value) ? STYLES.date.numFmt : "General";
}

/** A block laid out for writing: absolute position and one entry per cell. */
export interface BlockLayout {
  /** 1-based row and column of the top-left cell. */
  top: number;
  left: number;
  height: number;
  width: number;
  inputs: CellInput[][];
  numberFormats: string[][];
  styles: (StyleName | undefined)[][];
  /** Input cells, left unlocked when the sheet is protected. */
  unlocked: (true | undefined)[][];
}

/**
 * Lays a block out as rectangles of equal width (ragged rows are padded with blanks).
 *
 * @example
 * layoutBlock({ at: "B2", rows: [["Name", "Score"], ["Ann", 91.5]], columnStyles: [undefined, "score"] }, "native")
 * // top 2, left 2, inputs [["Name","Score"],["Ann",91.5]], numberFormats [["General","0.0"],["General","0.0"]]
 */
export function layoutBlock(block: BlockPlan, mode: FormulaMode): BlockLayout {
  const at = parseAddress(block.at);
  if (!at) throw new Error(`bad block address "${block.at}"`);
  const height = block.rows.length;
  const width = Math.max(0, ...block.rows.map((r) => r.length));
  const layout: BlockLayout = {
    top: at.row,
    left: at.col,
    height,
    width,
    inputs: [],
    numberFormats: [],
    styles: [],
    unlocked: [],
  };
  for (let r = 0; r < height; r++) {
    const inputs: CellInput[] = [];
    const formats: string[] = [];
    const styles: (StyleName | undefined)[] = [];
    const unlocked: (true | undefined)[] = [];
    for (let c = 0; c < width; c++) {
      const cell = cellParts(block.rows[r][c]);
      const style = styleAt(block, r, c);
      inputs.push(cellInput(cell.value, mode));
      formats.push(numberFormatOf(style, cell.value));
      styles.push(style);
      unlocked.push(cell.input ? true : undefined);
    }
    layout.inputs.push(inputs);
    layout.numberFormats.push(formats);
    layout.styles.push(styles);
    layout.unlocked.push(unlocked);
  }
  return layout;
}

/** A rectangle of cells sharing one key (a style name, or `true` for unlocked). 1-based, inclusive. */
export interface KeyedRect<K> {
  top: number;
  left: number;
  bottom: number;
  right: number;
  key: K;
}

/**
 * Groups equal keys of a grid into rectangles: runs down each column first, then equal runs
 * of adjacent columns are joined side by side. A block with column styles and a header row
 * gives one rectangle for the header and one per run of equally styled columns.
 *
 * @example
 * groupRectangles([["h", "h"], ["a", "b"], ["a", "b"]], 1, 1)
 * // [{ top: 1, bottom: 1, left: 1, right: 2, key: "h" }, { top: 2, bottom: 3, left: 1, right: 1, key: "a" },
 * //  { top: 2, bottom: 3, left: 2, right: 2, key: "b" }]
 */
export function groupRectangles<K extends string | boolean>(
  grid: (K | undefined)[][],
  top: number,
  left: number,
): KeyedRect<K>[] {
  const done: KeyedRect<K>[] = [];
  let open = new Map<string, KeyedRect<K>>();
  const width = Math.max(0, ...grid.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    const next = new Map<string, KeyedRect<K>>();
    let r = 0;
    while (r < grid.length) {
      const key = grid[r][c];
      let end = r;
      while (end + 1 < grid.length && grid[end + 1][c] === key) end++;
      if (key !== undefined) {
        const id = `${r}:${end}:${String(key)}`;
        const rect = open.get(id);
        if (rect) {
          rect.right = left + c;
          open.delete(id);
          next.set(id, rect);
        } else {
          next.set(id, { top: top + r, bottom: top + end, left: left + c, right: left + c, key });
        }
      }
      r = end + 1;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Whether a grid holds anything but General (a chunk of all-General formats need not be written). */
export function hasNumberFormats(formats: string[][]): boolean {
  return formats.some((row) => row.some((f) => f !== "General"));
}
