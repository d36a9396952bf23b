/**
 * Renders a workbook plan inside Excel with Office.js.
 *
 * Round trips are what cost time in an add-in, so their number does not depend on how many
 * sheets, rows or employees the plan has:
 *
 * 1. one sync reads the sheet names, defined names (markers) and tables, and decides which
 *    sheets are regenerated, refusing before any write when an unmarked sheet is in the way;
 * 2. one more sync, only when marked sheets are regenerated, reads what must be removed from
 *    them (charts, tables, notes, protection);
 * 3. the writes go in as few requests as Excel's 5 MB request limit allows: usually one.
 *    Values, formulas and number formats are written as 2-D blocks, split into row chunks
 *    only to fill a request up to `maxRequestBytes`; so the writes take
 *    ceil(estimated payload / maxRequestBytes) requests (give or take one when a small
 *    step does not fit the end of a request): forced by data volume, never by a count.
 *    The volume is kept to a block's distinct data: a column of formulas that differ only by
 *    row goes as one R1C1 formula, a repeated constant as one value, number formats as one
 *    per rectangle (cells.ts `takeFills`, `numberFormatRects`), a column already written
 *    elsewhere in the same order is copied inside Excel (`WrittenColumns`, ExcelApi 1.9), and
 *    blank stretches are not sent (`blockSteps`).
 */
import {
  showsLegend,
  type ChartPlan,
  type ConditionalFormatPlan,
  type DataValidationPlan,
  type SheetPlan,
  type WorkbookPlan,
} from "../../workbook/plan";
import { markerName } from "../../workbook/markers";
import { cellAddress, columnLetters, type CellRect } from "../../workbook/a1";
import { STYLES, type CellStyle } from "../../workbook/styles";
import {
  groupRectangles,
  hasNumberFormats,
  layoutBlock,
  numberFormatRects,
  takeFills,
  WrittenColumns,
  type BlockLayout,
  type CellInput,
  type FormulaMode,
  type KeyedRect,
} from "./cells";
import { DEFAULT_REQUEST_BYTES, jsonBytes, OPERATION_BYTES, runSteps, type Step } from "./requests";
import { rectText, splitSheetRef } from "./refs";
import { planTargets, type SheetTarget } from "./targets";

export interface RenderOptions {
  /** `perf` writes the PERF.* form of formulas (add-in loaded); `native` classic Excel functions. */
  formulas: FormulaMode;
  /** Called after each write request with the estimated payload bytes written so far and in all. */
  onProgress?: (done: number, total: number) => void;
  /** Payload budget of one request; default 4.5 MB, under Excel's 5 MB limit. */
  maxRequestBytes?: number;
}

/** Whether the host supports an ExcelApi requirement set (false outside Office). */
function excelApi(version: string): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("ExcelApi", version) === true
  );
}

/** What a regenerated sheet holds that clearing its cells does not remove. */
interface SheetLeftovers {
  sheet: Excel.Worksheet;
  charts: Excel.ChartCollection;
  tables: Excel.TableCollection;
  comments?: Excel.CommentCollection;
  notes?: Excel.NoteCollection;
  protection: Excel.WorksheetProtection;
}

/**
 * Writes every sheet of the plan, regenerating marked sheets in place (they keep their
 * position and the references other sheets make to them) and never touching a sheet
 * without a marker: if one has a planned sheet's name, this throws `sheet_is_user_data`
 * before anything is written.
 *
 * @returns the number of `context.sync()` calls made.
 */
export async function renderPlanInExcel(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  opts: RenderOptions,
): Promise<{ syncs: number }> {
  const budget = opts.maxRequestBytes ?? DEFAULT_REQUEST_BYTES;
  const workbook = context.workbook;

  const sheets = workbook.worksheets.load("items/name");
  const names = workbook.names.load("items/name,items/formula");
  const tables = workbook.tables.load("items/name,items/worksheet/name");
  await context.sync();
  let syncs = 1;
  const targets = planTargets(plan, {
    sheets: sheets.items.map((s) => s.name),
    names: names.items.map((n) => ({ name: n.name, formula: n.formula })),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
  });

  const notesApi = excelApi("1.18") ? "notes" : excelApi("1.10") ? "comments" : undefined;
  const leftovers = new Map<SheetTarget, SheetLeftovers>();
  for (const target of targets) {
    if (target.existing === undefined) continue;
    const sheet = workbook.worksheets.getItem(target.existing);
    leftovers.set(target, {
      sheet,
      charts: sheet.charts.load("items/name"),
      tables: sheet.tables.load("items/name"),
      comments: excelApi("1.10") ? sheet.comments.load("items/id") : undefined,
      notes: notesApi === "notes" ? sheet.notes.load("items/content") : undefined,
      protection: sheet.protection.load("protected"),
    });
  }
  if (leftovers.size > 0) {
    await context.sync();
    syncs++;
  }

  const handles = new Map<SheetPlan, Excel.Worksheet>();
  const sheetOf = (plan: SheetPlan): Excel.Worksheet => {
    const sheet = handles.get(plan);
    if (!sheet) throw new Error(`sheet "${plan.name}" used before it was prepared`);
    return sheet;
  };
  const steps: Step[] = [];
  for (const target of targets) steps.push(prepareStep(workbook, target, leftovers.get(target), handles));
  // Range.copyFrom is ExcelApi 1.9; without it every column is sent.
  const written = excelApi("1.9") ? new WrittenColumns<() => Excel.Worksheet>() : undefined;
  for (const target of targets)
    steps.push(...sheetSteps(target.plan, () => sheetOf(target.plan), opts.formulas, notesApi, written));
  for (const target of targets) {
    for (const chart of target.plan.charts ?? []) {
      steps.push(op(12 + 4 * chart.series.length, () => addChart(workbook, sheetOf(target.plan), chart)));
    }
  }
  for (const target of targets) steps.push(...finishSteps(target, () => sheetOf(target.plan)));

  syncs += await runSteps(context, steps, budget, opts.onProgress);
  return { syncs };
}

/** A step of `count` small operations. */
function op(count: number, run: () => void, payload?: unknown): Step {
  return { bytes: count * OPERATION_BYTES + (payload === undefined ? 0 : jsonBytes(payload)), run };
}

// ---------------------------------------------------------------------------------------
// Preparing sheets

/** Empties a marked sheet (or adds a new one), renames it and sets its marker. */
function prepareStep(
  workbook: Excel.Workbook,
  target: SheetTarget,
  old: SheetLeftovers | undefined,
  handles: Map<SheetPlan, Excel.Worksheet>,
): Step {
  const removals = old
    ? old.charts.items.length +
      old.tables.items.length +
      (old.comments?.items.length ?? 0) +
      (old.notes?.items.length ?? 0)
    : 0;
  return op(14 + removals + target.dropMarkers.length, () => {
    const sheet = old ? old.sheet : workbook.worksheets.add(target.plan.name);
    handles.set(target.plan, sheet);
    if (old) {
      if (old.protection.protected) sheet.protection.unprotect();
      for (const item of [...old.charts.items, ...old.tables.items]) item.delete();
      for (const item of [...(old.comments?.items ?? []), ...(old.notes?.items ?? [])]) item.delete();
      const all = sheet.getRange();
      all.conditionalFormats.clearAll();
      all.dataValidation.clear();
      all.unmerge();
      all.clear("All");
      all.format.useStandardWidth = true;
      all.format.useStandardHeight = true;
      all.columnHidden = false;
      all.rowHidden = false;
      sheet.freezePanes.unfreeze();
      if (target.existing !== target.plan.name) sheet.name = target.plan.name;
    }
    for (const name of target.dropMarkers) workbook.names.getItem(name).delete();
    if (target.addMarker) workbook.names.add(markerName(target.plan.kind), sheet.getRange("A1"));
  });
}

// ---------------------------------------------------------------------------------------
// Cells, styles and sheet features

function sheetSteps(
  plan: SheetPlan,
  sheet: () => Excel.Worksheet,
  mode: FormulaMode,
  notesApi: "notes" | "comments" | undefined,
  written: WrittenColumns<() => Excel.Worksheet> | undefined,
): Step[] {
  const steps: Step[] = [];
  const unlocked: KeyedRect<true>[] = [];
  for (const block of plan.blocks) {
    const layout = layoutBlock(block, mode);
    if (layout.height === 0 || layout.width === 0) continue;
    const fills = takeFills(layout);
    const copies = written?.take(layout, sheet) ?? [];
    const formatRects = numberFormatRects(layout);
    steps.push(...blockSteps(layout, sheet, formatRects === undefined));
    for (const fill of fills) {
      steps.push(
        op(
          1,
          () => {
            const range = sheet().getRange(rectText(fill));
            if (fill.r1c1) range.formulasR1C1 = wholeRange(fill.input);
            else range.formulas = wholeRange(fill.input);
          },
          fill.input,
        ),
      );
    }
    for (const { to, from } of copies) {
      const source = () => from.sheet().getRange(rectText(from.rect));
      steps.push(op(2, () => sheet().getRange(rectText(to)).copyFrom(source(), "Values")));
    }
    // Formats after values: a formula's result may set a format of its own, which the plan overrides.
    for (const rect of formatRects ?? []) {
      steps.push(
        op(1, () => (sheet().getRange(rectText(rect)).numberFormat = wholeRange(rect.key)), rect.key),
      );
    }
    for (const rect of groupRectangles(layout.styles, layout.top, layout.left)) {
      const style: CellStyle = STYLES[rect.key];
      const count = formatOperations(style);
      if (count > 0) steps.push(op(count, () => applyStyle(sheet().getRange(rectText(rect)), style)));
    }
    unlocked.push(...groupRectangles(layout.unlocked, layout.top, layout.left));
  }
  if (plan.protect) {
    const ranges = [...unlocked.map(rectText), ...(plan.protect.unlocked ?? [])];
    for (const address of ranges)
      steps.push(op(1, () => (sheet().getRange(address).format.protection.locked = false)));
  }
  steps.push(...columnSteps(plan, sheet));
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    steps.push(op(1, () => (sheet().getRange(`${row}:${row}`).format.rowHeight = height)));
  }
  for (const merge of plan.merges ?? []) steps.push(op(1, () => sheet().getRange(merge).merge(false)));
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0)) {
    const { rows, cols } = plan.freeze;
    steps.push(op(1, () => freeze(sheet(), rows, cols)));
  }
  for (const table of plan.tables ?? []) {
    steps.push(
      op(4, () => {
        const added = sheet().tables.add(sheet().getRange(table.ref), true);
        added.name = table.name;
        if (table.style) added.style = table.style;
        if (table.showRowStripes !== undefined) added.showBandedRows = table.showRowStripes;
      }),
    );
  }
  for (const cf of plan.conditionalFormats ?? []) {
    steps.push(op(4, () => addConditionalFormat(sheet().getRange(cf.ref), cf), cf));
  }
  for (const dv of plan.dataValidations ?? []) {
    steps.push(op(2, () => addDataValidation(sheet().getRange(dv.ref), dv), dv));
  }
  if (notesApi) {
    for (const note of plan.notes ?? []) {
      steps.push(
        op(
          1,
          () => {
            const cell = sheet().getRange(note.cell);
            if (notesApi === "notes") sheet().notes.add(cell, note.text);
            else sheet().comments.add(cell, note.text);
          },
          note.text,
        ),
      );
    }
  }
  if (plan.print) {
    const print = plan.print;
    steps.push(op(4, () => setPrint(sheet().pageLayout, print)));
  }
  if (plan.tabColor) {
    const color = plan.tabColor;
    steps.push(op(1, () => (sheet().tabColor = hexColor(color))));
  }
  return steps;
}

/**
 * The block's values, formulas and number formats as 2-D writes, each split into row chunks
 * when it does not fit what is left of a request. When the number formats go by rectangle,
 * only the rectangles that still hold something to write are written, if leaving the rest out
 * saves more than the extra operations cost: the cells a fill or a copy writes (null), and
 * blanks, since every sheet is new or cleared before its writes (a ragged block is padded
 * with blanks: the Plan's rows under its weekly band's headers). Otherwise the block is one write.
 */
function blockSteps(layout: BlockLayout, sheet: () => Excel.Worksheet, withFormats: boolean): Step[] {
  const whole = { top: 0, bottom: layout.height - 1, left: 0, right: layout.width - 1 };
  if (withFormats) return [rectStep(layout, sheet, true, whole)];
  let saved = 0;
  const mask = layout.inputs.map((row) =>
    row.map((input) => {
      if (input !== null && input !== "") return true;
      saved += jsonBytes(input) + 1;
      return undefined;
    }),
  );
  if (saved === 0) return [rectStep(layout, sheet, false, whole)];
  const rects = groupRectangles(mask, 0, 0);
  if (saved <= (rects.length - 1) * 2 * OPERATION_BYTES) return [rectStep(layout, sheet, false, whole)];
  return rects.map((rect) => rectStep(layout, sheet, false, rect));
}

/** A rectangle of a block (0-based rows and columns within it, inclusive) as one 2-D write. */
function rectStep(
  layout: BlockLayout,
  sheet: () => Excel.Worksheet,
  withFormats: boolean,
  part: CellRect,
): Step {
  const within = <T>(grid: T[][]): T[][] =>
    grid.slice(part.top, part.bottom + 1).map((row) => row.slice(part.left, part.right + 1));
  const inputs = within(layout.inputs);
  const formats = withFormats ? within(layout.numberFormats) : [];
  const rowBytes = inputs.map((row, r) => jsonBytes(row) + (withFormats ? jsonBytes(formats[r]) : 0) + 2);
  const rows = (start: number, end: number): Step => {
    let bytes = 2 * OPERATION_BYTES;
    for (let r = start; r < end; r++) bytes += rowBytes[r];
    return {
      bytes,
      run: () => {
        const rect = {
          top: layout.top + part.top + start,
          bottom: layout.top + part.top + end - 1,
          left: layout.left + part.left,
          right: layout.left + part.right,
        };
        const chunkFormats = formats.slice(start, end);
        const range = sheet().getRange(rectText(rect));
        range.formulas = inputs.slice(start, end);
        // Formats after values: a formula's result may set a format of its own, which the plan overrides.
        if (withFormats && hasNumberFormats(chunkFormats)) range.numberFormat = chunkFormats;
      },
      split: (maxBytes) => {
        let cut = start;
        let head = 2 * OPERATION_BYTES;
        while (cut < end && head + rowBytes[cut] <= maxBytes) head += rowBytes[cut++];
        return cut > start && cut < end ? [rows(start, cut), rows(cut, end)] : undefined;
      },
    };
  };
  return rows(0, inputs.length);
}

/**
 * One value for every cell of a range. Office.js documents that `values`, `formulas`,
 * `formulasR1C1` and `numberFormat` take a single value for a whole range (Excel fills each
 * cell with it; a relative R1C1 formula adjusts to each cell), though its types declare 2-D
 * arrays only.
 */
function wholeRange(input: CellInput): unknown[][] {
  return input as unknown as unknown[][];
}

/** How many format properties a style sets besides its number format. */
function formatOperations(style: CellStyle): number {
  const { numFmt: _numFmt, border, ...rest } = style;
  return Object.keys(rest).length + (border ? BORDER_EDGES.length : 0);
}

const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;
const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const VALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** `1F4E79` -> `#1F4E79` (Office.js colours carry the hash). */
export function hexColor(color: string): string {
  return `#${color.replace(/^#/, "").toUpperCase()}`;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.size !== undefined) format.font.size = style.size;
  if (style.color !== undefined) format.font.color = hexColor(style.color);
  if (style.fill !== undefined) format.fill.color = hexColor(style.fill);
  if (style.align !== undefined) format.horizontalAlignment = ALIGN[style.align];
  if (style.valign !== undefined) format.verticalAlignment = VALIGN[style.valign];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.border) for (const edge of BORDER_EDGES) format.borders.getItem(edge).style = "Continuous";
}

/**
 * Points of a column `width` characters wide. A plan's width is the file's (exceljs)
 * column width, whose pixels for the default Calibri 11 (7 px per digit) are
 * trunc((256·w + trunc(128/7)) / 256 · 7); a point is 3/4 of a pixel.
 *
 * @example columnWidthPoints(12) // 63 (84 px)
 */
export function columnWidthPoints(width: number): number {
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}

/** Column widths and hidden columns, one range per run of equal adjacent columns. */
function columnSteps(plan: SheetPlan, sheet: () => Excel.Worksheet): Step[] {
  const steps: Step[] = [];
  const columns = plan.columns ?? [];
  for (let c = 0; c < columns.length;) {
    const { width, hidden } = columns[c] ?? {};
    let end = c;
    while (
      end + 1 < columns.length &&
      columns[end + 1]?.width === width &&
      columns[end + 1]?.hidden === hidden
    )
      end++;
    const address = `${columnLetters(c + 1)}:${columnLetters(end + 1)}`;
    if (width !== undefined)
      steps.push(op(1, () => (sheet().getRange(address).format.columnWidth = columnWidthPoints(width))));
    if (hidden) steps.push(op(1, () => (sheet().getRange(address).columnHidden = true)));
    c = end + 1;
  }
  return steps;
}

function freeze(sheet: Excel.Worksheet, rows: number, cols: number): void {
  if (rows > 0 && cols > 0) sheet.freezePanes.freezeAt(sheet.getRange(`A1:${cellAddress(rows, cols)}`));
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else sheet.freezePanes.freezeColumns(cols);
}

const CELL_OPERATORS = {
  equal: "EqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  between: "Between",
  greaterThanOrEqual: "GreaterThanOrEqual",
  lessThanOrEqual: "LessThanOrEqual",
} as const;

/** Office.js wants conditional-format formulas with their `=`; plans give them without. */
function withEquals(formula: string): string {
  return formula.startsWith("=") ? formula : `=${formula}`;
}

function addConditionalFormat(range: Excel.Range, cf: ConditionalFormatPlan): void {
  switch (cf.type) {
    case "colorScale": {
      const [low, mid, high] = cf.colors.map(hexColor);
      range.conditionalFormats.add("ColorScale").colorScale.criteria = {
        minimum: { type: "LowestValue", color: low },
        midpoint:
          cf.mid !== undefined
            ? { type: "Number", formula: String(cf.mid), color: mid }
            : { type: "Percentile", formula: "50", color: mid },
        maximum: { type: "HighestValue", color: high },
      };
      return;
    }
    case "dataBar": {
      const bar = range.conditionalFormats.add("DataBar").dataBar;
      bar.positiveFormat.fillColor = hexColor(cf.color);
      bar.lowerBoundRule =
        cf.min !== undefined ? { type: "Number", formula: String(cf.min) } : { type: "LowestValue" };
      bar.upperBoundRule =
        cf.max !== undefined ? { type: "Number", formula: String(cf.max) } : { type: "HighestValue" };
      return;
    }
    case "cellIs": {
      const cell = range.conditionalFormats.add("CellValue").cellValue;
      const [formula1, formula2] = cf.formulas.map(withEquals);
      cell.rule =
        formula2 === undefined
          ? { formula1, operator: CELL_OPERATORS[cf.operator] }
          : { formula1, formula2, operator: CELL_OPERATORS[cf.operator] };
      if (cf.fill) cell.format.fill.color = hexColor(cf.fill);
      if (cf.font) cell.format.font.color = hexColor(cf.font);
      return;
    }
    case "expression": {
      const custom = range.conditionalFormats.add("Custom").custom;
      custom.rule.formula = withEquals(cf.formula);
      if (cf.fill) custom.format.fill.color = hexColor(cf.fill);
      if (cf.font) custom.format.font.color = hexColor(cf.font);
      return;
    }
  }
}

function addDataValidation(range: Excel.Range, dv: DataValidationPlan): void {
  const validation = range.dataValidation;
  switch (dv.type) {
    case "list":
      validation.rule = { list: { inCellDropDown: true, source: dv.values.join(",") } };
      break;
    case "whole":
      validation.rule = { wholeNumber: { formula1: dv.min, formula2: dv.max, operator: "Between" } };
      break;
    case "decimal":
      validation.rule = { decimal: { formula1: dv.min, formula2: dv.max, operator: "Between" } };
      break;
    case "date":
      // Any real date: Excel's date validation needs a bound, and its calendar starts in 1900.
      validation.rule = { date: { formula1: "1900-01-01", operator: "GreaterThanOrEqualTo" } };
      break;
  }
  if (dv.prompt) validation.prompt = { message: dv.prompt, showPrompt: true, title: "" };
}

function setPrint(layout: Excel.PageLayout, print: NonNullable<SheetPlan["print"]>): void {
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  // 0 pages tall = as many as needed (Excel's "automatic").
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.titleRows) {
    const [first, last = first] = print.titleRows.replace(/\$/g, "").split(":");
    layout.setPrintTitleRows(`$${first}:$${last}`);
  }
  if (print.area) layout.setPrintArea(print.area);
}

// ---------------------------------------------------------------------------------------
// Charts

const ROUND = new Set<ChartPlan["type"]>(["pie", "doughnut"]);

/** The Office.js chart types a plan uses. */
type ChartTypeName =
  | "ColumnClustered"
  | "ColumnStacked"
  | "BarClustered"
  | "BarStacked"
  | "Line"
  | "LineStacked"
  | "Pie"
  | "Doughnut";

function chartType(chart: ChartPlan): ChartTypeName {
  switch (chart.type) {
    case "column":
      return chart.stacked ? "ColumnStacked" : "ColumnClustered";
    case "bar":
      return chart.stacked ? "BarStacked" : "BarClustered";
    case "line":
      return chart.stacked ? "LineStacked" : "Line";
    case "pie":
      return "Pie";
    case "doughnut":
      return "Doughnut";
  }
}

function rangeOfRef(workbook: Excel.Workbook, own: Excel.Worksheet, ref: string): Excel.Range {
  const { sheet, address } = splitSheetRef(ref);
  return (sheet === undefined ? own : workbook.worksheets.getItem(sheet)).getRange(address);
}

/**
 * A chart whose series read the planned ranges (possibly on other sheets): created from the
 * first series' values, then each series named and pointed at its values and categories.
 */
function addChart(workbook: Excel.Workbook, sheet: Excel.Worksheet, plan: ChartPlan): void {
  const [first] = plan.series;
  if (!first) return;
  const round = ROUND.has(plan.type);
  const chart = sheet.charts.add(chartType(plan), rangeOfRef(workbook, sheet, first.values.ref), "Columns");
  chart.title.text = plan.title;
  const legend = showsLegend(plan);
  chart.legend.visible = legend;
  if (legend) chart.legend.position = round ? "Right" : "Bottom";
  plan.series.forEach((planned, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(planned.name);
    if (i === 0) series.name = planned.name;
    else series.setValues(rangeOfRef(workbook, sheet, planned.values.ref));
    if (planned.categories) series.setXAxisValues(rangeOfRef(workbook, sheet, planned.categories.ref));
    if (planned.color && !round) {
      if (plan.type === "line") series.format.line.color = hexColor(planned.color);
      else series.format.fill.setSolidColor(hexColor(planned.color));
    }
  });
  if (!round) {
    if (plan.xTitle) chart.axes.categoryAxis.title.text = plan.xTitle;
    if (plan.yTitle) chart.axes.valueAxis.title.text = plan.yTitle;
  }
  const [start, end] = plan.anchor.replace(/\$/g, "").split(":");
  chart.setPosition(start, end);
}

// ---------------------------------------------------------------------------------------
// Last: visibility and protection (after every write to the sheet)

function finishSteps(target: SheetTarget, sheet: () => Excel.Worksheet): Step[] {
  const steps: Step[] = [];
  const { plan } = target;
  if (plan.hidden || target.existing !== undefined) {
    steps.push(op(1, () => (sheet().visibility = plan.hidden ? "Hidden" : "Visible")));
  }
  if (plan.protect) {
    steps.push(
      op(1, () =>
        sheet().protection.protect({
          allowFormatColumns: true,
          allowFormatRows: true,
          allowAutoFilter: true,
        }),
      ),
    );
  }
  return steps;
}
