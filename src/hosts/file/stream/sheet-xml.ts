/**
 * A sheet plan (workbook/plan.ts) as worksheet XML, written in pieces as rows are produced.
 * It follows the rules the exceljs renderer (render-xlsx.ts) applies, so the two files read the
 * same: a later block overwrites an earlier one's cell; "" is a blank; every cell of a merge
 * takes the top-left cell's format and only that cell keeps its value; cells of `protect.unlocked`
 * ranges and input cells stay unlocked; a table's header cells are text. Strings are inline
 * (`t="inlineStr"`), so the input's shared strings part stays as it was. Unlike the exceljs
 * renderer, a run of formulas down a column that differ only by their row is one shared
 * formula (`sharedFormulas`), as Excel saves a filled column.
 */
import {
  cellAddress,
  columnLetters,
  formatRange,
  parseAddress,
  parseRange,
  rectsOverlap,
  type RangeRef,
} from "../../../workbook/a1";
import {
  cellParts,
  isDate,
  isFormula,
  isStyled,
  styleAt,
  type ConditionalFormatPlan,
  type DataValidationPlan,
  type FormulaValue,
  type PlainValue,
  type SheetPlan,
} from "../../../workbook/plan";
import { movableFormula, type MovableFormula } from "../../../workbook/r1c1";
import type { StyleName } from "../../../workbook/styles";
import { isoToSerial } from "../../../workbook/cells";
import { escapeXml, NS, XML_DECLARATION } from "../drawingml";
import type { StyleRegistry } from "./styles-xml";

const X14_NS = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM_NS = "http://schemas.microsoft.com/office/excel/2006/main";
const DATA_BAR_EXT = "{B025F937-C7B1-47D3-B67F-A62EFF666E3E}";
const CF_EXT = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}";

/** Relationship ids of the parts the sheet refers to, decided by the package writer. */
export interface SheetRefs {
  tables: string[];
  drawing?: string;
  legacyDrawing?: string;
}

/** What the serializer needs from the package beyond the plan. */
export interface SheetContext {
  styles: StyleRegistry;
  /** The formula of a list validation: inline, or a range of the hidden lists sheet. */
  listFormula(values: string[]): string;
  refs: SheetRefs;
  /** Distinguishes the data-bar ids of this sheet from those of other sheets. */
  sheetNumber: number;
}

type Value = PlainValue | FormulaValue;

/** One cell gathered for a row: its value and the parts of its format. */
interface OutCell {
  value: Value;
  style: StyleName | undefined;
  date: boolean;
  unlocked: boolean;
  /** Its part in a shared formula (`cellXml`); 0 or absent: none. */
  shared?: number;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** Escapes `&`, `<`, `>`; control characters XML 1.0 cannot carry become Excel's `_xHHHH_`. */
function escapeText(text: string): string {
  const safe = text.replace(
    CONTROL,
    (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`,
  );
  return safe.replace(/[&<>]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : "&gt;"));
}

/** Text for an element's content: most text needs no escaping, found with one pass over it. */
function xmlText(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 38 || c === 60 || c === 62 || (c < 32 && c !== 9 && c !== 10 && c !== 13))
      return escapeText(text);
  }
  return text;
}

/** Whether a string needs `xml:space="preserve"` (edge whitespace or a line break). */
function needsPreserve(text: string): boolean {
  const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  return isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) || text.indexOf("\n") >= 0;
}

function numberXml(n: number): string {
  return Number.isFinite(n) ? String(n) : "";
}

/**
 * `<c>` of one cell; `xf` 0 is the default format. `shared` is the cell's part in a shared
 * formula (see `sharedFormulas`): 0 none, -(si + 1) its master, si + 1 a cell sharing it.
 */
function cellXml(ref: string, xf: number, value: Value, shared = 0, ranges: string[] = []): string {
  const s = xf ? ` s="${xf}"` : "";
  if (value === null || value === undefined || value === "") return xf ? `<c r="${ref}"${s}/>` : "";
  switch (typeof value) {
    case "number":
      return Number.isFinite(value)
        ? `<c r="${ref}"${s}><v>${value}</v></c>`
        : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
    case "boolean":
      return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
    case "string": {
      const space = needsPreserve(value) ? ' xml:space="preserve"' : "";
      return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
    }
  }
  if (isDate(value)) return `<c r="${ref}"${s}><v>${isoToSerial(value.date)}</v></c>`;
  if (isFormula(value)) {
    const f =
      shared === 0
        ? `<f>${xmlText(value.formula)}</f>`
        : shared < 0
          ? `<f t="shared" ref="${ranges[-shared - 1]}" si="${-shared - 1}">${xmlText(value.formula)}</f>`
          : `<f t="shared" si="${shared - 1}"/>`;
    const result = value.result;
    if (result === null || result === undefined) return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof result === "number") {
      const n = numberXml(result);
      return n === "" ? `<c r="${ref}"${s}>${f}</c>` : `<c r="${ref}"${s}>${f}<v>${n}</v></c>`;
    }
    if (typeof result === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${result ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${s} t="str">${f}<v>${xmlText(result)}</v></c>`;
  }
  return xf ? `<c r="${ref}"${s}/>` : "";
}

/** Rows a set of ranges covers, each row with the ranges over it. */
function rangesByRow(ranges: RangeRef[]): Map<number, RangeRef[]> {
  const byRow = new Map<number, RangeRef[]>();
  for (const range of ranges) {
    for (let r = range.start.row; r <= range.end.row; r++) {
      const list = byRow.get(r);
      if (list) list.push(range);
      else byRow.set(r, [range]);
    }
  }
  return byRow;
}

function parseRanges(refs: string[] | undefined): RangeRef[] {
  const ranges: RangeRef[] = [];
  for (const ref of refs ?? []) {
    const range = parseRange(ref);
    if (!range) throw new Error(`Not a range: "${ref}"`);
    ranges.push(range);
  }
  return ranges;
}

/** The value the plan leaves in a cell (the last block writing it), for table headers. */
export function planValueAt(plan: SheetPlan, row: number, col: number): Value {
  let value: Value = null;
  for (const block of plan.blocks) {
    const at = parseAddress(block.at)!;
    const cells = block.rows[row - at.row];
    if (!cells || col < at.col || col - at.col >= cells.length) continue;
    value = cellParts(cells[col - at.col]).value;
  }
  return value;
}

/** Header names of a table: the text of its header cells (empty or duplicate names refused). */
export function tableHeaderNames(plan: SheetPlan, table: NonNullable<SheetPlan["tables"]>[number]): string[] {
  const range = parseRange(table.ref);
  if (!range) throw new Error(`Table ${table.name}: not a range "${table.ref}"`);
  const names: string[] = [];
  for (let col = range.start.col; col <= range.end.col; col++) {
    const value = planValueAt(plan, range.start.row, col);
    const text =
      value === null || value === undefined
        ? ""
        : isFormula(value)
          ? String(value.result ?? "")
          : isDate(value)
            ? value.date
            : String(value);
    const name = text.trim();
    if (name === "")
      throw new Error(`Table ${table.name}: empty header in ${cellAddress(range.start.row, col)}`);
    if (names.some((n) => n.toLowerCase() === name.toLowerCase())) {
      throw new Error(`Table ${table.name}: duplicate header "${name}"`);
    }
    names.push(name);
  }
  return names;
}

/**
 * Writes the worksheet part of `plan` through `write`, in pieces of about a row.
 *
 * @example writeSheetXml(plan, context, (piece) => part.write(piece))
 */
export function writeSheetXml(plan: SheetPlan, ctx: SheetContext, write: (piece: string) => void): void {
  write(`${XML_DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.officeRels}">`);
  write(sheetPrXml(plan));
  write(sheetViewsXml(plan));
  write('<sheetFormatPr defaultRowHeight="15"/>');
  write(colsXml(plan));
  write("<sheetData>");
  writeRows(plan, ctx, write);
  write("</sheetData>");
  if (plan.protect) {
    write('<sheetProtection sheet="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>');
  }
  const merges = plan.merges ?? [];
  if (merges.length > 0) {
    write(`<mergeCells count="${merges.length}">`);
    for (const ref of merges) write(`<mergeCell ref="${formatRange(parseRanges([ref])[0])}"/>`);
    write("</mergeCells>");
  }
  const dataBars = conditionalFormatsXml(plan.conditionalFormats ?? [], ctx, write);
  write(dataValidationsXml(plan.dataValidations ?? [], ctx));
  if (plan.print) write(printXml(plan.print));
  if (ctx.refs.drawing) write(`<drawing r:id="${ctx.refs.drawing}"/>`);
  if (ctx.refs.legacyDrawing) write(`<legacyDrawing r:id="${ctx.refs.legacyDrawing}"/>`);
  if (ctx.refs.tables.length > 0) {
    write(`<tableParts count="${ctx.refs.tables.length}">`);
    for (const id of ctx.refs.tables) write(`<tablePart r:id="${id}"/>`);
    write("</tableParts>");
  }
  if (dataBars.length > 0) write(dataBarExtXml(dataBars));
  write("</worksheet>");
}

function sheetPrXml(plan: SheetPlan): string {
  const tab = plan.tabColor ? `<tabColor rgb="FF${plan.tabColor.replace(/^#/, "").toUpperCase()}"/>` : "";
  const fit = plan.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : "";
  return tab || fit ? `<sheetPr>${tab}${fit}</sheetPr>` : "";
}

function sheetViewsXml(plan: SheetPlan): string {
  const freeze = plan.freeze;
  if (!freeze || (freeze.rows <= 0 && freeze.cols <= 0)) return "";
  const { rows, cols } = freeze;
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = (cols > 0 ? ` xSplit="${cols}"` : "") + (rows > 0 ? ` ySplit="${rows}"` : "");
  const topLeft = cellAddress(rows + 1, cols + 1);
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}"/></sheetView></sheetViews>`
  );
}

function colsXml(plan: SheetPlan): string {
  const cols = plan.columns ?? [];
  let xml = "";
  cols.forEach((c, i) => {
    if (c.width === undefined && !c.hidden) return;
    const width = c.width !== undefined ? ` width="${c.width}" customWidth="1"` : "";
    xml += `<col min="${i + 1}" max="${i + 1}"${width}${c.hidden ? ' hidden="1"' : ""}/>`;
  });
  return xml ? `<cols>${xml}</cols>` : "";
}

/** Blocks with their top-left corner, sorted by first row. */
interface PlacedBlock {
  index: number;
  top: number;
  left: number;
  bottom: number;
  block: SheetPlan["blocks"][number];
  /** By column, each row's part in a shared formula (`cellXml`); undefined: none in that column. */
  shared: (Int32Array | undefined)[];
}

/**
 * Marks the runs of a block's columns where each formula is the one above it moved down a row
 * (`movableFormula`): each run is written as one shared formula, its text once on its first
 * cell with the run's range, the other cells pointing at it, as Excel saves a filled column.
 * KPI Detail's native score formula is 1.2 kB a row. `ranges` collects each shared formula's
 * range, by its index (`si`).
 */
function sharedFormulas(
  b: PlacedBlock,
  ranges: string[],
  isTableHeader: (row: number, col: number) => boolean,
): (Int32Array | undefined)[] {
  const rows = b.block.rows;
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  const byColumn: (Int32Array | undefined)[] = [];
  for (let j = 0; j < width; j++) {
    const col = b.left + j;
    let marks: Int32Array | undefined;
    let start = 0;
    let moving: MovableFormula | undefined;
    const close = (end: number) => {
      if (moving === undefined || end - start < 2) return;
      marks ??= new Int32Array(rows.length);
      const si = ranges.length;
      ranges.push(`${cellAddress(b.top + start, col)}:${cellAddress(b.top + end - 1, col)}`);
      marks[start] = -(si + 1);
      for (let i = start + 1; i < end; i++) marks[i] = si + 1;
    };
    for (let i = 0; i < rows.length; i++) {
      const cell = rows[i][j];
      const value = cell === undefined ? null : cellParts(cell).value;
      // A table's header cell is written as its column name, whatever the block holds there.
      const text =
        value !== null && isFormula(value) && !isTableHeader(b.top + i, col) ? value.formula : undefined;
      if (text !== undefined && moving !== undefined && moving.at(b.top + i, col) === text) continue;
      close(i);
      start = i;
      moving = text === undefined ? undefined : movableFormula(text, b.top + i, col);
    }
    close(rows.length);
    byColumn.push(marks);
  }
  return byColumn;
}

/**
 * Marks the shared formulas of the blocks that no other block and no merge writes over
 * (`PlacedBlock.shared`); returns the range of each shared formula, by index.
 */
function shareFormulas(
  placed: PlacedBlock[],
  merges: RangeRef[],
  headers: Map<number, Map<number, string>>,
): string[] {
  const ranges: string[] = [];
  const areas = placed.map((b) => ({
    top: b.top,
    bottom: b.bottom,
    left: b.left,
    right: b.left + b.block.rows.reduce((most, row) => Math.max(most, row.length), 0) - 1,
  }));
  const mergeAreas = merges.map((m) => ({
    top: m.start.row,
    bottom: m.end.row,
    left: m.start.col,
    right: m.end.col,
  }));
  placed.forEach((b, n) => {
    const covered = [...areas.filter((_, m) => m !== n), ...mergeAreas].some((other) =>
      rectsOverlap(areas[n], other),
    );
    if (!covered) b.shared = sharedFormulas(b, ranges, (row, col) => headers.get(row)?.has(col) === true);
  });
  return ranges;
}

/** The rows of the sheet, top to bottom, each with its cells left to right. */
function writeRows(plan: SheetPlan, ctx: SheetContext, write: (piece: string) => void): void {
  const placed: PlacedBlock[] = plan.blocks
    .map((block, index): PlacedBlock => {
      const at = parseAddress(block.at);
      if (!at) throw new Error(`Not a cell address: "${block.at}"`);
      return { index, top: at.row, left: at.col, bottom: at.row + block.rows.length - 1, block, shared: [] };
    })
    .filter((b) => b.block.rows.length > 0)
    .sort((a, b) => a.top - b.top || a.index - b.index);
  const merges = parseRanges(plan.merges);
  const mergesByRow = rangesByRow(merges);
  const unlockedByRow = rangesByRow(parseRanges(plan.protect?.unlocked));
  const headers = new Map<number, Map<number, string>>();
  for (const table of plan.tables ?? []) {
    const range = parseRange(table.ref)!;
    const names = tableHeaderNames(plan, table);
    const row = headers.get(range.start.row) ?? new Map<number, string>();
    names.forEach((name, i) => row.set(range.start.col + i, name));
    headers.set(range.start.row, row);
  }
  const sharedRanges = shareFormulas(placed, merges, headers);
  const heights = plan.rowHeights ?? {};
  let last = 0;
  for (const b of placed) last = Math.max(last, b.bottom);
  for (const r of [...mergesByRow.keys(), ...unlockedByRow.keys()]) last = Math.max(last, r);
  for (const r of Object.keys(heights)) last = Math.max(last, Number(r));

  /** Format of a merge's top-left cell, by merge. */
  const masterFormat = new Map<RangeRef, OutCell>();
  const active: PlacedBlock[] = [];
  let next = 0;
  const cells: (OutCell | undefined)[] = [];
  const touched: number[] = [];
  let piece = "";
  const letters: string[] = [];
  const letter = (col: number) => letters[col] ?? (letters[col] = columnLetters(col));

  for (let r = 1; r <= last; r++) {
    while (next < placed.length && placed[next].top === r) {
      active.push(placed[next++]);
      // Later blocks overwrite earlier ones: keep the plan's order among those active.
      active.sort((a, b) => a.index - b.index);
    }
    for (let i = active.length - 1; i >= 0; i--) if (active[i].bottom < r) active.splice(i, 1);
    const rowMerges = mergesByRow.get(r);
    const rowUnlocked = unlockedByRow.get(r);
    const rowHeaders = headers.get(r);
    const height = heights[r];
    if (active.length === 0 && !rowMerges && !rowUnlocked && height === undefined) continue;

    let body = "";
    if (active.length === 1 && !rowMerges && !rowUnlocked && !rowHeaders) {
      // The common case: one block, no merge, nothing to overlay: cells go out in order.
      const { block, top, left, shared } = active[0];
      const i = r - top;
      const rowCells = block.rows[i];
      const header = i === 0 ? block.headerStyle : undefined;
      const columnStyles = block.columnStyles;
      for (let j = 0; j < rowCells.length; j++) {
        // cellParts and styleAt, without an object per cell.
        const cell = rowCells[j];
        const styled = isStyled(cell);
        const value = styled ? cell.value : cell;
        const input = styled && cell.input === true;
        const style = (styled ? cell.style : undefined) ?? header ?? columnStyles?.[j];
        const date = value !== null && typeof value === "object" && isDate(value);
        const xf = style === undefined && !date && !input ? 0 : ctx.styles.cellFormat(style, date, input);
        body += cellXml(letter(left + j) + r, xf, value, shared[j]?.[i] ?? 0, sharedRanges);
      }
    } else {
      for (const { block, top, left, shared } of active) {
        const i = r - top;
        const rowCells = block.rows[i];
        for (let j = 0; j < rowCells.length; j++) {
          const col = left + j;
          const { value, input } = cellParts(rowCells[j]);
          if (cells[col] === undefined) touched.push(col);
          cells[col] = {
            value,
            style: styleAt(block, i, j),
            date: isDate(value),
            unlocked: input === true,
            shared: shared[j]?.[i] ?? 0,
          };
        }
      }
      if (rowHeaders) {
        for (const [col, name] of rowHeaders) {
          const cell = cells[col];
          if (cell === undefined) {
            touched.push(col);
            cells[col] = { value: name, style: undefined, date: false, unlocked: false };
          } else cell.value = name;
        }
      }
      for (const range of rowMerges ?? []) {
        for (let col = range.start.col; col <= range.end.col; col++) {
          const isMaster = r === range.start.row && col === range.start.col;
          if (isMaster) {
            const cell = cells[col];
            masterFormat.set(range, cell ?? { value: null, style: undefined, date: false, unlocked: false });
            continue;
          }
          const master = masterFormat.get(range)!;
          if (cells[col] === undefined) touched.push(col);
          cells[col] = { value: null, style: master.style, date: master.date, unlocked: master.unlocked };
        }
      }
      for (const range of rowUnlocked ?? []) {
        for (let col = range.start.col; col <= range.end.col; col++) {
          const cell = cells[col];
          if (cell === undefined) {
            touched.push(col);
            cells[col] = { value: null, style: undefined, date: false, unlocked: true };
          } else cell.unlocked = true;
        }
      }
      touched.sort((a, b) => a - b);
      for (const col of touched) {
        const cell = cells[col]!;
        const xf =
          cell.style === undefined && !cell.date && !cell.unlocked
            ? 0
            : ctx.styles.cellFormat(cell.style, cell.date, cell.unlocked);
        body += cellXml(letter(col) + r, xf, cell.value, cell.shared, sharedRanges);
        cells[col] = undefined;
      }
      touched.length = 0;
    }
    if (body === "" && height === undefined) continue;
    const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : "";
    piece += `<row r="${r}"${ht}>${body}</row>`;
    if (piece.length > 65536) {
      write(piece);
      piece = "";
    }
  }
  if (piece) write(piece);
}

function argb(rgb: string): string {
  return "FF" + rgb.replace(/^#/, "").toUpperCase();
}

/** Conditional formats; returns the data bars, which also need the x14 extension. */
function conditionalFormatsXml(
  formats: ConditionalFormatPlan[],
  ctx: SheetContext,
  write: (piece: string) => void,
): { id: string; ref: string; min?: number; max?: number }[] {
  const dataBars: { id: string; ref: string; min?: number; max?: number }[] = [];
  formats.forEach((cf, i) => {
    const priority = i + 1;
    const sqref = escapeXml(cf.ref);
    let rule: string;
    switch (cf.type) {
      case "colorScale": {
        const mid =
          cf.mid === undefined ? '<cfvo type="percentile" val="50"/>' : `<cfvo type="num" val="${cf.mid}"/>`;
        const colors = cf.colors.map((c) => `<color rgb="${argb(c)}"/>`).join("");
        rule = `<cfRule type="colorScale" priority="${priority}"><colorScale><cfvo type="min"/>${mid}<cfvo type="max"/>${colors}</colorScale></cfRule>`;
        break;
      }
      case "dataBar": {
        const id = dataBarId(ctx.sheetNumber, dataBars.length);
        dataBars.push({ id, ref: cf.ref, min: cf.min, max: cf.max });
        const min = cf.min === undefined ? '<cfvo type="min"/>' : `<cfvo type="num" val="${cf.min}"/>`;
        const max = cf.max === undefined ? '<cfvo type="max"/>' : `<cfvo type="num" val="${cf.max}"/>`;
        rule =
          `<cfRule type="dataBar" priority="${priority}"><dataBar>${min}${max}<color rgb="${argb(cf.color)}"/></dataBar>` +
          `<extLst><ext uri="${DATA_BAR_EXT}" xmlns:x14="${X14_NS}"><x14:id>${id}</x14:id></ext></extLst></cfRule>`;
        break;
      }
      case "cellIs": {
        const dxf = ctx.styles.differentialFormat(cf.fill, cf.font);
        const formulas = cf.formulas.map((f) => `<formula>${xmlText(f)}</formula>`).join("");
        rule = `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="${cf.operator}">${formulas}</cfRule>`;
        break;
      }
      case "expression": {
        const dxf = ctx.styles.differentialFormat(cf.fill, cf.font);
        rule = `<cfRule type="expression" dxfId="${dxf}" priority="${priority}"><formula>${xmlText(cf.formula)}</formula></cfRule>`;
        break;
      }
    }
    write(`<conditionalFormatting sqref="${sqref}">${rule}</conditionalFormatting>`);
  });
  return dataBars;
}

/** A GUID-shaped id, the same for the same sheet and bar (reproducible output). */
function dataBarId(sheet: number, bar: number): string {
  const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, "0");
  return `{5045524E-${hex(sheet & 0xffff, 4)}-4000-8000-${hex(bar, 12)}}`;
}

function dataBarExtXml(bars: { id: string; ref: string; min?: number; max?: number }[]): string {
  const cfvo = (kind: "min" | "max", value: number | undefined) =>
    value === undefined
      ? `<x14:cfvo type="${kind}"/>`
      : `<x14:cfvo type="num"><xm:f>${value}</xm:f></x14:cfvo>`;
  const rules = bars
    .map(
      (b) =>
        `<x14:conditionalFormatting xmlns:xm="${XM_NS}"><x14:cfRule type="dataBar" id="${b.id}">` +
        `<x14:dataBar minLength="0" maxLength="100" gradient="0">${cfvo("min", b.min)}${cfvo("max", b.max)}</x14:dataBar>` +
        `</x14:cfRule><xm:sqref>${escapeXml(b.ref)}</xm:sqref></x14:conditionalFormatting>`,
    )
    .join("");
  return `<extLst><ext uri="${CF_EXT}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings>${rules}</x14:conditionalFormattings></ext></extLst>`;
}

function dataValidationsXml(validations: DataValidationPlan[], ctx: SheetContext): string {
  if (validations.length === 0) return "";
  const items = validations.map((dv) => {
    let attrs = `type="${dv.type}" allowBlank="1" showErrorMessage="1" errorStyle="stop"`;
    let formulas: string;
    switch (dv.type) {
      case "list":
        formulas = `<formula1>${xmlText(ctx.listFormula(dv.values))}</formula1>`;
        break;
      case "whole":
      case "decimal":
        formulas = `<formula1>${dv.min}</formula1><formula2>${dv.max}</formula2>`;
        break;
      case "date":
        // Any real date: on or after 1900-01-01 (serial 1).
        attrs += ' operator="greaterThanOrEqual"';
        formulas = "<formula1>1</formula1>";
        break;
    }
    if (dv.prompt) attrs += ` showInputMessage="1" prompt="${escapeXml(dv.prompt)}"`;
    const range = parseRanges([dv.ref])[0];
    return `<dataValidation ${attrs} sqref="${formatRange({ ...range, sheet: "" })}">${formulas}</dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

function printXml(print: NonNullable<SheetPlan["print"]>): string {
  const fit = print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : "";
  return (
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${print.orientation}"${fit}/>`
  );
}
