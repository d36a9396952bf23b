/**
 * The CLI's reader: an .xlsx package to the RawWorkbook without exceljs's in-memory model. It
 * scans each worksheet's XML once and gives exactly what `rawWorkbookOf` (read-xlsx.ts) gives
 * for the same file — the reader test holds the two to deep equality:
 *
 * - shared strings, inline strings and rich text as their plain text; formulas as their cached
 *   result (none = blank); booleans; errors as `{ error }`;
 * - numbers in a date-formatted cell (exceljs's rule, `isDateFmt`) as Dates, 1904 system honoured;
 * - every cell of a merged range reads as the range's top-left cell;
 * - a cell with an external hyperlink reads as its text;
 * - tables from the sheets' table parts; defined names as exceljs models them (absolute cell
 *   ranges only, print areas and titles left out).
 */
import DefinedNames from "exceljs/lib/doc/defined-names";
import DefinedNameXform from "exceljs/lib/xlsx/xform/book/defined-name-xform";
import defaultNumFormats from "exceljs/lib/xlsx/defaultnumformats";
import type { RawCell, RawDefinedName, RawSheet, RawTable, RawWorkbook } from "../../../workbook/raw";
import { parseAddress, parseRange } from "../../../workbook/a1";
import { attributes, resolveTarget, unescapeXml } from "../charts";
import { WorkbookFileError } from "../read-xlsx";
import { REL, XlsxPackage } from "./package";
import { ZipReader } from "./zip";

/** exceljs's test for a date number format: date letters outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** exceljs decodes `_xHHHH_` escapes in shared strings (upper-case hex only). */
const decodeEscapes = (text: string): string =>
  text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const unescape = (text: string): string => (text.indexOf("&") < 0 ? text : unescapeXml(text));

/** Text of `<t>` elements in a fragment (an `<si>` or an `<is>`), phonetic runs left out. */
function textOfRuns(fragment: string, decode: boolean): string {
  const body = fragment.indexOf("<rPh") >= 0 ? fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : fragment;
  let text = "";
  for (const m of body.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g)) {
    const t = unescape(m[1] ?? "");
    text += decode ? decodeEscapes(t) : t;
  }
  return text;
}

function sharedStringsOf(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g)) {
    strings.push(textOfRuns(m[1] ?? "", true));
  }
  return strings;
}

/** For each cell style index, whether its number format is a date format. */
function dateStylesOf(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\s([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    const id = a.get("numFmtId");
    if (id !== undefined) custom.set(id, a.get("formatCode") ?? "");
  }
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  const dates: boolean[] = [];
  for (const m of (cellXfs?.[1] ?? "").matchAll(/<(?:[\w.-]+:)?xf\b([^>]*?)\/?>/g)) {
    const id = attributes(m[1]).get("numFmtId");
    // exceljs ignores numFmtId 0 (General).
    const format = id && id !== "0" ? (custom.get(id) ?? defaultNumFormats[id]?.f) : undefined;
    dates.push(isDateFormat(format));
  }
  return dates;
}

const excelToDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

interface SheetContext {
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

const CELL_OR_ROW = /<(?:[\w.-]+:)?(?:(row)\b([^>]*?)\/?>|c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>))/g;
const ATTR_R = /\sr="([^"]*)"/;
const ATTR_T = /\st="([^"]*)"/;
const ATTR_S = /\ss="([^"]*)"/;
const V_ELEMENT = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const F_ELEMENT = /<(?:[\w.-]+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/;
const IS_ELEMENT = /<(?:[\w.-]+:)?is\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

/** One `<c>` element's value as the RawCell exceljs + rawCellOf would give. */
function cellValue(attrs: string, body: string | undefined, ctx: SheetContext): RawCell {
  const t = ATTR_T.exec(attrs)?.[1];
  const s = ATTR_S.exec(attrs)?.[1];
  const styleId = s === undefined ? 0 : parseInt(s, 10);
  const isDate = styleId ? ctx.dateStyles[styleId] === true : false;
  if (body === undefined) return null;
  let raw: string | undefined;
  const v = V_ELEMENT.exec(body);
  if (v) raw = unescape(v[1]);
  const f = body.indexOf("<") >= 0 ? F_ELEMENT.exec(body) : null;
  const formula = f !== null && ((f[2] ?? "") !== "" || /\st="shared"/.test(f[1]));
  if (formula) {
    // exceljs's `cell.value` of a formula leaves out a falsy result (0, false, ""): blank.
    if (!raw) return null;
    if (t === "str") return raw;
    if (t === "b") return parseInt(raw, 10) !== 0 ? true : null;
    if (t === "e") return { error: raw };
    const n = parseFloat(raw);
    if (!n) return null;
    return isDate ? excelToDate(n, ctx.date1904) : n;
  }
  if (t === "inlineStr") {
    const is = IS_ELEMENT.exec(body);
    if (!is) return raw === undefined || raw === "" ? null : raw;
    const runs = /<(?:[\w.-]+:)?r\b/.test(is[1]);
    const text = textOfRuns(is[1], runs);
    // exceljs keeps no value for an inline string without text (no text event).
    return text === "" && !runs ? null : text;
  }
  if (raw === undefined) return null;
  switch (t) {
    case "s":
      // An index past the table reads as no value, as exceljs gives undefined.
      return ctx.sharedStrings[parseInt(raw, 10)] ?? null;
    case "str":
      return raw;
    case "b":
      return parseInt(raw, 10) !== 0;
    case "e":
      return { error: raw };
    default: {
      if (raw === "") return null;
      const n = parseFloat(raw);
      return isDate ? excelToDate(n, ctx.date1904) : n;
    }
  }
}

/** Column number of a plain `B12` reference (upper-case letters, then digits), or 0. */
function columnOfRef(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  return i > 0 && i < ref.length && i <= 3 ? col : 0;
}

/** Row number of a plain `B12` reference (after `columnOfRef` accepted it). */
function rowOfRef(ref: string): number {
  let row = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 48 && code <= 57) row = row * 10 + code - 48;
  }
  return row;
}

/**
 * Where `</sheetData>` starts (-1 when the sheet has none): merges and hyperlinks come after the
 * cells, so they are looked for in the short tail only.
 */
function sheetDataEnd(xml: string): number {
  const at = xml.lastIndexOf("sheetData>");
  if (at < 0) return -1;
  const open = xml.lastIndexOf("<", at);
  return xml[open + 1] === "/" ? open : -1;
}

/** Cells of a worksheet part, merged ranges filled from their top-left cell. */
function scanSheet(name: string, xml: string, ctx: SheetContext, hyperlinked: Set<string>): RawSheet {
  const rowsOf = new Map<number, RawCell[]>();
  const start = xml.search(/<(?:[\w.-]+:)?sheetData\b/);
  const end = sheetDataEnd(xml);
  let rowNumber = 0;
  let colNumber = 0;
  if (start >= 0 && end > start) {
    const re = new RegExp(CELL_OR_ROW.source, "g");
    re.lastIndex = start;
    for (let m = re.exec(xml); m && m.index < end; m = re.exec(xml)) {
      if (m[1] !== undefined) {
        const r = ATTR_R.exec(m[2])?.[1];
        rowNumber = r === undefined ? rowNumber + 1 : parseInt(r, 10);
        colNumber = 0;
        continue;
      }
      const attrs = m[3];
      const ref = ATTR_R.exec(attrs)?.[1];
      if (ref !== undefined) {
        const col = columnOfRef(ref);
        if (col > 0) {
          colNumber = col;
          rowNumber = rowOfRef(ref);
        } else {
          const address = parseAddress(ref);
          if (address) {
            rowNumber = address.row;
            colNumber = address.col;
          }
        }
      } else {
        colNumber++;
      }
      let value = cellValue(attrs, m[4], ctx);
      if (hyperlinked.size > 0 && value !== null && ref !== undefined && hyperlinked.has(ref)) {
        value = textOfHyperlinked(value);
      }
      if (value === null) continue;
      let row = rowsOf.get(rowNumber);
      if (!row) rowsOf.set(rowNumber, (row = []));
      row[colNumber] = value;
    }
  }
  applyMerges(xml.slice(end < 0 ? 0 : end), rowsOf);
  return denseSheet(name, rowsOf);
}

/** exceljs reads a hyperlinked cell as `{ text, hyperlink }`; rawCellOf keeps the text as a string. */
function textOfHyperlinked(value: RawCell): RawCell {
  if (value === null || typeof value === "string") return value;
  if (typeof value === "object" && !(value instanceof Date)) return "";
  return String(value);
}

function applyMerges(xml: string, rowsOf: Map<number, RawCell[]>): void {
  const merges = /<(?:[\w.-]+:)?mergeCells\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?mergeCells>/.exec(xml);
  if (!merges) return;
  for (const m of merges[1].matchAll(/<(?:[\w.-]+:)?mergeCell\s([^>]*?)\/?>/g)) {
    const range = parseRange(attributes(m[1]).get("ref") ?? "");
    if (!range) continue;
    const master = rowsOf.get(range.start.row)?.[range.start.col];
    for (let r = range.start.row; r <= range.end.row; r++) {
      let row = rowsOf.get(r);
      for (let c = range.start.col; c <= range.end.col; c++) {
        if (master === undefined || master === null) {
          if (row) delete row[c];
          continue;
        }
        if (!row) rowsOf.set(r, (row = []));
        row[c] = master;
      }
    }
  }
}

/** Rows of the used range from its top-left used cell, ragged rows' holes as blanks (as rawSheetOf). */
function denseSheet(name: string, rowsOf: Map<number, RawCell[]>): RawSheet {
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  for (const [r, row] of rowsOf) {
    let any = false;
    for (const c in row) {
      any = true;
      const col = Number(c);
      if (col < left) left = col;
      break; // indexes come in ascending order: the first is the leftmost
    }
    if (!any) continue;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
  }
  if (top === Infinity) return { name, rows: [] };
  const rows: RawCell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const source = rowsOf.get(r);
    const row: RawCell[] = [];
    if (source) {
      let last = -1;
      for (const c in source) last = Number(c);
      for (let c = left; c <= last; c++) row.push(source[c] === undefined ? null : source[c]);
    }
    rows.push(row);
  }
  return { name, rows, origin: { row: top, col: left } };
}

/** Cell addresses that carry an external hyperlink (exceljs reads only those as hyperlinks). */
function hyperlinkedCells(xml: string, pkg: XlsxPackage, part: string): Set<string> {
  const cells = new Set<string>();
  const section = /<(?:[\w.-]+:)?hyperlinks\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?hyperlinks>/.exec(xml);
  if (!section) return cells;
  const rels = new Set(pkg.relsOf(part).map((r) => r.id));
  for (const m of section[1].matchAll(/<(?:[\w.-]+:)?hyperlink\s([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    const id = [...a].find(([key]) => /^[\w.-]+:id$/.test(key))?.[1];
    const ref = a.get("ref");
    if (id !== undefined && rels.has(id) && ref) cells.add(ref);
  }
  return cells;
}

/** Tables of a worksheet, from its table parts (name and ref of each, as exceljs reads them). */
function tablesOfPart(pkg: XlsxPackage, part: string): RawTable[] {
  const tables: RawTable[] = [];
  for (const rel of pkg.relsOf(part)) {
    if (rel.type !== REL.table || rel.external) continue;
    const xml = pkg.zip.readText(resolveTarget(part, rel.target));
    const root = xml && /<(?:[\w.-]+:)?table\s([^>]*?)\/?>/.exec(xml);
    if (!root) continue;
    const a = attributes(root[1]);
    const ref = a.get("ref");
    if (typeof ref === "string" && ref.includes(":")) tables.push({ name: a.get("name") ?? "", ref });
  }
  return tables;
}

/** Defined names as exceljs's model has them: one entry per range. */
export function definedNamesOf(workbookXml: string): RawDefinedName[] {
  const parsed: { name: string; ranges: string[] }[] = [];
  const re = /<(?:[\w.-]+:)?definedName\s([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>)/g;
  for (const m of workbookXml.matchAll(re)) {
    const xform = new DefinedNameXform();
    xform.parseOpen({ name: "definedName", attributes: Object.fromEntries(attributes(m[1])) });
    if (m[2]) xform.parseText(unescapeXml(m[2]));
    xform.parseClose("definedName");
    const { name } = xform.model;
    if (name === "_xlnm.Print_Area" || name === "_xlnm.Print_Titles") continue;
    parsed.push(xform.model);
  }
  const names = new DefinedNames();
  names.model = parsed;
  return names.model.flatMap(({ name, ranges }) => ranges.map((ref) => ({ name, ref })));
}

/** Reads every worksheet of a package, in tab order, and its defined names. */
export function rawWorkbookOfPackage(pkg: XlsxPackage): RawWorkbook {
  const stylesPart = pkg.workbookTarget(REL.styles);
  const stringsPart = pkg.workbookTarget(REL.sharedStrings);
  const pr = /<(?:[\w.-]+:)?workbookPr\s([^>]*?)\/?>/.exec(pkg.workbookXml);
  const date1904 = pr ? /^(1|true)$/.test(attributes(pr[1]).get("date1904") ?? "") : false;
  const ctx: SheetContext = {
    sharedStrings: sharedStringsOf(stringsPart ? pkg.zip.readText(stringsPart) : undefined),
    dateStyles: dateStylesOf(stylesPart ? pkg.zip.readText(stylesPart) : undefined),
    date1904,
  };
  const sheets: RawSheet[] = [];
  for (const sheet of pkg.sheets) {
    if (!sheet.worksheet || sheet.part === undefined) continue;
    const xml = pkg.zip.readText(sheet.part);
    if (xml === undefined) continue;
    const tail = xml.slice(Math.max(0, sheetDataEnd(xml)));
    const raw = scanSheet(sheet.name, xml, ctx, hyperlinkedCells(tail, pkg, sheet.part));
    sheets.push({ ...raw, tables: tablesOfPart(pkg, sheet.part) });
  }
  return { sheets, definedNames: definedNamesOf(pkg.workbookXml) };
}

/**
 * Reads the bytes of an .xlsx into a RawWorkbook (and the package, for the writer).
 *
 * @example const { raw } = readXlsxFast(readFileSync("cycle.xlsx")); raw.sheets.map((s) => s.name)
 */
export function readXlsxFast(bytes: Uint8Array, name = "(file)"): { pkg: XlsxPackage; raw: RawWorkbook } {
  let pkg: XlsxPackage;
  try {
    pkg = new XlsxPackage(new ZipReader(bytes));
  } catch (e) {
    throw new WorkbookFileError("unreadable", name, (e as Error).message);
  }
  return { pkg, raw: rawWorkbookOfPackage(pkg) };
}
