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
import { parseAddress, rectsOverlap, type CellRect } from "../../workbook/a1";
import { isoToSerial } from "../../workbook/cells";
import { STYLES, type StyleName } from "../../workbook/styles";
import { movableFormula, type MovableFormula } from "../../workbook/r1c1";
import { jsonBytes, OPERATION_BYTES } from "./requests";

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
  /** null: the cell is left as it is by the 2-D write (a fill writes it, see `takeFills`). */
  inputs: (CellInput | null)[][];
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

/** A rectangle of cells sharing one key (a style name, or `true` for unlocked). */
export interface KeyedRect<K> extends CellRect {
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

/**
 * A rectangle of cells that all take one input, written as one value (Excel fills every cell
 * with it): a constant, or a formula in R1C1 form that Excel adjusts to each cell.
 */
export interface Fill extends KeyedRect<string> {
  input: CellInput;
  r1c1: boolean;
}

/**
 * Takes out of a layout's 2-D inputs the rectangles whose cells all take the same input (a
 * repeated constant, or a column of formulas that differ only by their row, which are the same
 * in R1C1 form) where one value costs less payload than the cells; those cells become null in
 * the 2-D write, which leaves them to the fill. A large block's volume then grows with its
 * distinct data only.
 *
 * @example
 * // A6:A9 all "=PERF.SCORE(B6,C6)"…"=PERF.SCORE(B9,C9)" (long enough to pay for an operation):
 * takeFills(layout) // [{ top: 6, bottom: 9, left: 1, right: 1, input: "=PERF.SCORE(RC[1],RC[2])", r1c1: true, … }]
 */
export function takeFills(layout: BlockLayout): Fill[] {
  // The last formula read in each column: a formula that is it moved down needs no reading.
  const above: ({ formula: MovableFormula; key: string } | undefined)[] = [];
  const keys: (string | undefined)[][] = layout.inputs.map((row, r) =>
    row.map((input, c) => {
      if (input === null || input === "") return undefined;
      if (typeof input === "string" && input.startsWith("=")) {
        const at = { row: layout.top + r, col: layout.left + c };
        const last = above[c];
        if (last && last.formula.at(at.row, at.col) === input) return last.key;
        const formula = movableFormula(input, at.row, at.col);
        above[c] = formula && { formula, key: `F${formula.r1c1}` };
        return above[c]?.key;
      }
      return `V${JSON.stringify(input)}`;
    }),
  );
  const fills: Fill[] = [];
  for (const rect of groupRectangles(keys, layout.top, layout.left)) {
    const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    const r1c1 = rect.key.startsWith("F");
    const input: CellInput = r1c1 ? rect.key.slice(1) : (JSON.parse(rect.key.slice(1)) as CellInput);
    const first = layout.inputs[rect.top - layout.top][rect.left - layout.left];
    // Each cell's input becomes `null` (4 bytes) in the 2-D write; the fill is one operation.
    if (cells * (jsonBytes(first) - jsonBytes(null)) <= OPERATION_BYTES + jsonBytes(input)) continue;
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) layout.inputs[r - layout.top][c - layout.left] = null;
    fills.push({ ...rect, input, r1c1 });
  }
  return fills;
}

/**
 * A layout's number formats as rectangles of one format each (General left out: new and
 * cleared sheets have it), when that takes less payload than the 2-D array of formats;
 * undefined when the array is smaller.
 */
export function numberFormatRects(layout: BlockLayout): KeyedRect<string>[] | undefined {
  const rects = groupRectangles(layout.numberFormats, layout.top, layout.left).filter(
    (r) => r.key !== "General",
  );
  const asRects = rects.reduce((sum, r) => sum + OPERATION_BYTES + jsonBytes(r.key), 0);
  return asRects < jsonBytes(layout.numberFormats) ? rects : undefined;
}

/** A column stretch of a block copied inside Excel (`range.copyFrom`) from cells written before. */
export interface ColumnCopy<S> {
  to: CellRect;
  /** `sheet`: the caller's handle of the sheet where the same inputs were written. */
  from: { sheet: S; rect: CellRect };
}

/**
 * The data columns (each column of a block under its first row) written so far, by their
 * inputs, so that a later column with the same inputs in the same order is copied inside
 * Excel instead of sent again: Goals and KPI Detail list the same people, KPIs and targets row
 * for row, and Workload, Monitor, Scorecard and Incentives the same ids, names and departments.
 * Only columns wholly written by a block's 2-D write take part (not fills or formulas), and
 * only where the copy's operations cost less than the data.
 *
 * @example
 * const columns = new WrittenColumns<string>();
 * columns.take(goalsLayout, "Goals"); // [] (its columns registered)
 * columns.take(detailLayout, "KPI Detail");
 * // [{ to: { top: 5, bottom: 80004, left: 2, right: 2 }, from: { sheet: "Goals", rect: { top: 5, …, left: 8, right: 8 } } }, …]
 */
export class WrittenColumns<S> {
  private readonly written = new Map<string, ColumnCopy<S>["from"]>();

  /**
   * Takes the copies out of the layout's inputs (they become null) and registers the other
   * columns. Columns of the same sheet that the block writes over are no longer sources.
   */
  take(layout: BlockLayout, sheet: S): ColumnCopy<S>[] {
    const copies: ColumnCopy<S>[] = [];
    const block = {
      top: layout.top,
      left: layout.left,
      bottom: layout.top + layout.height - 1,
      right: layout.left + layout.width - 1,
    };
    for (const [key, from] of this.written) {
      if (from.sheet === sheet && rectsOverlap(from.rect, block)) this.written.delete(key);
    }
    if (layout.height < 3) return copies;
    const rows = { top: layout.top + 1, bottom: layout.top + layout.height - 1 };
    for (let c = 0; c < layout.width; c++) {
      const column: CellInput[] = [];
      let bytes = 0;
      let data = false;
      for (let r = 1; r < layout.height; r++) {
        const input = layout.inputs[r][c];
        if (input === null || (typeof input === "string" && input.startsWith("="))) break;
        column.push(input);
        bytes += jsonBytes(input) + 1;
        data ||= input !== "";
      }
      // A copy is two operations; its cells stay in the 2-D write as placeholders at worst.
      if (column.length < layout.height - 1 || !data) continue;
      if (bytes <= 2 * OPERATION_BYTES + column.length * (jsonBytes(null) + 1)) continue;
      const rect = { ...rows, left: layout.left + c, right: layout.left + c };
      const key = JSON.stringify(column);
      const from = this.written.get(key);
      if (from === undefined) {
        this.written.set(key, { sheet, rect });
        continue;
      }
      copies.push({ to: rect, from });
      for (let r = 1; r < layout.height; r++) layout.inputs[r][c] = null;
    }
    return copies;
  }
}
