/**
 * The sheet plan: a declarative description of what to write into a workbook. Reports and
 * templates build plans; the file host (exceljs) and the Office host (office-js) render the
 * same plan, and tests assert on plans as plain data.
 *
 * Addresses are A1 text relative to the plan's sheet ("B2", "A1:F20"); chart series refer to
 * ranges with a sheet ("'Scorecard'!$B$2:$B$31") because a chart may read another sheet.
 */

import type { StyleName } from "./styles";

/** An ISO date `YYYY-MM-DD`, written as a real date cell. */
export interface DateValue {
  date: string;
}

export type PlainValue = string | number | boolean | null | DateValue;

/**
 * A formula cell. `formula` is the native form (classic Excel functions only) written to
 * files; `perf` is the PERF.* form written inside Excel when the add-in is loaded. Both
 * without the leading `=`. `result` is the value the engine computed, cached in files.
 */
export interface FormulaValue {
  formula: string;
  perf?: string;
  result: string | number | boolean | null;
}

export interface StyledValue {
  value: PlainValue | FormulaValue;
  style?: StyleName;
  /** The cell stays unlocked when the sheet is protected (an input cell). */
  input?: boolean;
}

export type CellPlan = PlainValue | FormulaValue | StyledValue;

/** A rectangle of cells written at `at` (top-left). Column styles apply to every row of the block. */
export interface BlockPlan {
  at: string;
  rows: CellPlan[][];
  columnStyles?: (StyleName | undefined)[];
  /** Style for the whole first row of the block (e.g. "header"). */
  headerStyle?: StyleName;
}

export interface ColumnPlan {
  /** Width in characters (Excel's unit). */
  width?: number;
  hidden?: boolean;
}

export interface TablePlan {
  name: string;
  /** Header row included, e.g. "A3:H40". */
  ref: string;
  style?: string;
  showRowStripes?: boolean;
  /** A total row is not used: totals go below the table as plain formulas. */
}

export type ConditionalFormatPlan =
  | { ref: string; type: "colorScale"; colors: [string, string, string]; mid?: number }
  | { ref: string; type: "dataBar"; color: string; min?: number; max?: number }
  | {
      ref: string;
      type: "cellIs";
      operator: "equal" | "greaterThan" | "lessThan" | "between" | "greaterThanOrEqual" | "lessThanOrEqual";
      formulas: string[];
      fill?: string;
      font?: string;
    }
  | { ref: string; type: "expression"; formula: string; fill?: string; font?: string };

export type DataValidationPlan =
  | { ref: string; type: "list"; values: string[]; prompt?: string }
  | { ref: string; type: "whole" | "decimal"; min: number; max: number; prompt?: string }
  | { ref: string; type: "date"; prompt?: string };

export interface NotePlan {
  cell: string;
  text: string;
}

export interface PrintPlan {
  orientation: "portrait" | "landscape";
  /** Fit all columns on one page wide. */
  fitToWidth: boolean;
  /** Rows repeated at the top of each page, e.g. "1:3". */
  titleRows?: string;
  area?: string;
}

export interface ChartSeriesPlan {
  name: string;
  /** Sheet-qualified absolute range of the values, and the values themselves (cached in files). */
  values: { ref: string; cache: number[] };
  categories?: { ref: string; cache: string[] };
  color?: string;
}

export interface ChartPlan {
  type: "column" | "bar" | "pie" | "doughnut" | "line";
  title: string;
  /** Cell rectangle the chart covers, e.g. "H2:P18". */
  anchor: string;
  series: ChartSeriesPlan[];
  xTitle?: string;
  yTitle?: string;
  legend?: boolean;
  stacked?: boolean;
  /** Values on bars and lines, percentages on pie and doughnut slices. */
  dataLabels?: boolean;
}

export interface SheetPlan {
  name: string;
  /** What the sheet is (`scorecard`, `review:E001`, `template:kpis`), used for markers and tests. */
  kind: string;
  /** Generated sheets carry the marker; a sheet without it is user data (SPEC §1, §8). */
  generated: boolean;
  blocks: BlockPlan[];
  columns?: ColumnPlan[];
  freeze?: { rows: number; cols: number };
  tables?: TablePlan[];
  conditionalFormats?: ConditionalFormatPlan[];
  dataValidations?: DataValidationPlan[];
  notes?: NotePlan[];
  merges?: string[];
  rowHeights?: Record<number, number>;
  print?: PrintPlan;
  /** Protect the sheet; input cells and `unlocked` ranges stay editable. */
  protect?: { unlocked?: string[] };
  charts?: ChartPlan[];
  tabColor?: string;
  hidden?: boolean;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  lang: "en-US" | "zh-CN";
}

/**
 * A sheet of a plan built only when a host asks for it. Its name and kind are known before
 * (sheet order, clash checks), so a host that writes one sheet at a time (the streaming file
 * writer) holds one sheet's plan at a time rather than the whole workbook's.
 */
export interface DeferredSheet {
  name: string;
  kind: string;
  build(): SheetPlan;
}

export interface DeferredPlan {
  sheets: DeferredSheet[];
  lang: WorkbookPlan["lang"];
}

/** Builds a deferred sheet, checking that it is the sheet it said it would be. */
export function buildSheet(deferred: DeferredSheet): SheetPlan {
  const sheet = deferred.build();
  if (sheet.name !== deferred.name || sheet.kind !== deferred.kind)
    throw new Error(
      `deferred sheet "${deferred.name}" (${deferred.kind}) built as "${sheet.name}" (${sheet.kind})`,
    );
  return sheet;
}

/** Every sheet of a deferred plan, built. */
export function buildPlan(plan: DeferredPlan): WorkbookPlan {
  return { lang: plan.lang, sheets: plan.sheets.map(buildSheet) };
}

export function isFormula(v: unknown): v is FormulaValue {
  return typeof v === "object" && v !== null && "formula" in v;
}

export function isStyled(v: unknown): v is StyledValue {
  return typeof v === "object" && v !== null && "value" in v;
}

export function isDate(v: unknown): v is DateValue {
  return typeof v === "object" && v !== null && "date" in v;
}

/** A cell's value, style and input flag, whether the plan gave it bare or styled. */
export function cellParts(cell: CellPlan | undefined): {
  value: PlainValue | FormulaValue;
  style?: StyleName;
  input?: boolean;
} {
  if (cell === undefined) return { value: null };
  return isStyled(cell) ? cell : { value: cell };
}

/**
 * The style of a block's cell: its own, else the header style on the block's first row, else
 * its column's style. A named style is whole, so the first found wins (no merging); every
 * host renders by this rule.
 */
export function styleAt(block: BlockPlan, row: number, col: number): StyleName | undefined {
  const own = cellParts(block.rows[row]?.[col]).style;
  if (own) return own;
  if (row === 0 && block.headerStyle) return block.headerStyle;
  return block.columnStyles?.[col];
}

/** A chart shows its legend when asked, else when there is more than one series or it is a pie. */
export function showsLegend(chart: ChartPlan): boolean {
  return chart.legend ?? (chart.series.length > 1 || chart.type === "pie" || chart.type === "doughnut");
}
