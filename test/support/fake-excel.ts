/**
 * An in-memory stand-in for the part of the Excel JavaScript API that the Office host uses
 * (src/hosts/office). It behaves like Excel where the host depends on it:
 *
 * - Calls only queue operations; they take effect, in order, at `context.sync()`. An
 *   operation that fails stops the request there (earlier ones stay applied) and rejects
 *   the sync, as Excel does.
 * - Reading a property that was not loaded and synced throws `PropertyNotLoaded`.
 * - Text written to `values`/`formulas` is read the way Excel reads typed input: `=…`, `+…`,
 *   `-…` and `@…` become formulas, `'…` is text without the apostrophe, numbers, booleans,
 *   ISO dates and error literals become those values. `null` in a 2-D array leaves its cell
 *   as it is; one value instead of an array goes into every cell of the range; an R1C1
 *   formula (`formulasR1C1`) is entered as the A1 formula it is in each cell.
 *   `copyFrom(range, "Values")` puts the source's values (formula results) in and keeps formats.
 * - Each request (the operations between two syncs) is serialised to JSON; its byte size is
 *   recorded and a request over 5 MB is refused, like Excel on the web.
 * - Writing into a protected sheet fails; names of tables and defined names are unique,
 *   case-insensitively; APIs newer than `apiVersion` fail with `ApiNotFound`.
 *
 * Unknown members throw (objects are sealed), so a host call the fake does not model shows
 * up as a test failure rather than passing silently. The fake never calculates: a formula
 * cell's value comes from `formulaResult` (blank by default).
 */
import { cellAddress, columnLetters, parseAddress } from "../../src/workbook/a1";

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "FakeExcelError";
  }
}

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;
/** Excel's limit on one request's payload (Excel on the web): 5 MB. */
export const REQUEST_LIMIT_BYTES = 5_000_000;

// ---------------------------------------------------------------------------------------
// Addresses

/** A rectangle of cells, 1-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

/** `A1`, `A1:C3`, `$A$1`, whole columns `B:D`, whole rows `1:3`. */
export function parseRect(address: string): Rect {
  const text = address.replace(/\$/g, "").trim().toUpperCase();
  const [from, to = from] = text.split(":");
  let rect: Rect;
  if (/^[A-Z]{1,3}$/.test(from) && /^[A-Z]{1,3}$/.test(to)) {
    rect = { top: 1, bottom: MAX_ROW, left: columnNumber(from), right: columnNumber(to) };
  } else if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    rect = { top: Number(from), bottom: Number(to), left: 1, right: MAX_COL };
  } else {
    const a = parseAddress(from);
    const b = parseAddress(to);
    if (!a || !b) throw new FakeExcelError("InvalidArgument", `bad range address "${address}"`);
    rect = { top: a.row, left: a.col, bottom: b.row, right: b.col };
  }
  const norm = {
    top: Math.min(rect.top, rect.bottom),
    bottom: Math.max(rect.top, rect.bottom),
    left: Math.min(rect.left, rect.right),
    right: Math.max(rect.left, rect.right),
  };
  if (norm.top < 1 || norm.left < 1 || norm.bottom > MAX_ROW || norm.right > MAX_COL) {
    throw new FakeExcelError("InvalidArgument", `range out of the sheet "${address}"`);
  }
  return norm;
}

/** A1 text of a rectangle the way Excel gives it (`B2`, `B2:D9`, `A:C`, `1:3`). */
export function rectAddress(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (rect.left === 1 && rect.right === MAX_COL) return `${d}${rect.top}:${d}${rect.bottom}`;
  if (rect.top === 1 && rect.bottom === MAX_ROW) {
    return `${d}${columnLetters(rect.left)}:${d}${columnLetters(rect.right)}`;
  }
  const a = `${d}${columnLetters(rect.left)}${d}${rect.top}`;
  const b = `${d}${columnLetters(rect.right)}${d}${rect.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/** A sheet name as Excel writes it in a reference: quoted unless it is a plain word. */
export function quoteSheet(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `'My Sheet'!$A$1:$B$2` -> sheet and address; no sheet part gives sheet undefined. */
export function splitRef(ref: string): { sheet?: string; address: string } {
  const text = ref.trim().replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { address: text };
  const sheet = text.slice(0, bang);
  const unquoted = /^'(.*)'$/.exec(sheet);
  return { sheet: unquoted ? unquoted[1].replace(/''/g, "'") : sheet, address: text.slice(bang + 1) };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.top && row <= outer.bottom && col >= outer.left && col <= outer.right;
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

function compareVersions(a: string, b: string): number {
  const [a1, a2 = 0] = a.split(".").map(Number);
  const [b1, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

// ---------------------------------------------------------------------------------------
// Workbook state

export type CellValue = string | number | boolean | null;

export interface FakeCellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  /** Border style by edge (`EdgeTop`, `InsideHorizontal`, …) as set on the cell's range. */
  borders: Record<string, string>;
}

export interface FakeCell {
  /** A constant's value; for a formula, see `formula`. */
  value: CellValue;
  formula?: string;
  /** An error constant such as `#N/A`. */
  error?: string;
  /** The text was entered with a leading apostrophe. */
  quotePrefix?: boolean;
  numberFormat: string;
  format: FakeCellFormat;
  locked: boolean;
}

export interface FakeConditionalFormat {
  id: number;
  address: string;
  type: string;
  /** Every property set on it, by path: `cellValue.rule`, `custom.format.fill.color`, … */
  settings: Record<string, unknown>;
}

export interface FakeDataValidation {
  address: string;
  rule?: unknown;
  prompt?: unknown;
}

export interface FakeChartSeries {
  name?: string;
  values?: string;
  categories?: string;
  color?: string;
}

export interface FakeChart {
  id: number;
  name: string;
  type: string;
  source: string;
  seriesBy?: string;
  series: FakeChartSeries[];
  /** Title, axis titles, legend…: every property set on it, by path. */
  settings: Record<string, unknown>;
  position?: { start: string; end?: string };
}

export interface FakeSheet {
  id: number;
  name: string;
  visibility: string;
  tabColor: string;
  cells: Map<number, FakeCell>;
  columns: Map<number, { width?: number; hidden?: boolean }>;
  rows: Map<number, { height?: number; hidden?: boolean }>;
  freeze: { rows: number; cols: number };
  merges: Rect[];
  conditionalFormats: FakeConditionalFormat[];
  dataValidations: FakeDataValidation[];
  charts: FakeChart[];
  protection: { protected: boolean; options?: unknown };
  /** Page layout properties set (`orientation`, `zoom`, `printArea`, `printTitleRows`). */
  pageLayout: Record<string, unknown>;
}

export interface FakeTable {
  id: number;
  name: string;
  sheetId: number;
  rect: Rect;
  style?: string;
  showBandedRows?: boolean;
}

export interface FakeName {
  name: string;
  sheetId: number;
  rect: Rect;
}

export interface FakeAnnotation {
  kind: "comment" | "note";
  id: number;
  sheetId: number;
  row: number;
  col: number;
  text: string;
}

/** One queued operation: what it is (for the request size) and what it does at sync. */
interface Operation {
  path: string;
  op: string;
  args: unknown[];
  apply: () => void;
}

const cellKey = (row: number, col: number): number => (row - 1) * MAX_COL + (col - 1);
const keyRow = (key: number): number => Math.floor(key / MAX_COL) + 1;
const keyCol = (key: number): number => (key % MAX_COL) + 1;

function newCell(): FakeCell {
  return { value: null, numberFormat: "General", format: { borders: {} }, locked: true };
}

const ERROR_LITERALS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
];
const DAY_MS = 86_400_000;

/**
 * An R1C1 formula as the A1 formula it is in cell (`row`, `col`): `RC[-2]` in L6 is `J6`,
 * `R2C7` is `$G$2`. Text in quotes is kept as it is.
 */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  if (!formula.startsWith("=")) return formula;
  const letters = (n: number): string => {
    let s = "";
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  const axis = (spec: string | undefined, from: number): [string, number] => {
    if (spec === undefined || spec === "") return ["", from];
    if (spec.startsWith("[")) return ["", from + Number(spec.slice(1, -1))];
    return ["$", Number(spec)];
  };
  return formula.replace(
    /("(?:[^"]|"")*"|'(?:[^']|'')*')|(?<![A-Za-z0-9_.$])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_.(])/g,
    (whole, quoted: string | undefined, r: string | undefined, c: string | undefined) => {
      if (quoted !== undefined) return whole;
      const [rowMark, atRow] = axis(r, row);
      const [colMark, atCol] = axis(c, col);
      if (atRow < 1 || atCol < 1) throw new FakeExcelError("InvalidArgument", `${whole} leaves the sheet`);
      return `${colMark}${letters(atCol)}${rowMark}${atRow}`;
    },
  );
}

/**
 * Enters one input into a cell as Excel reads typed input (a value of `values`/`formulas`).
 * `null` leaves the cell as it is; `""` empties it.
 */
function enterInput(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return;
  cell.formula = undefined;
  cell.error = undefined;
  cell.quotePrefix = undefined;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") throw new FakeExcelError("InvalidArgument", `cannot enter ${typeof input}`);
  const text = input;
  if (text === "") {
    cell.value = null;
    return;
  }
  if (text.startsWith("'")) {
    cell.value = text.slice(1);
    cell.quotePrefix = true;
    return;
  }
  const number = /^\s*([+-]?)(\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)(e[+-]?\d+)?\s*(%?)\s*$/i.exec(text);
  if (number) {
    const value = Number(number[1] + number[2].replace(/,/g, "") + (number[3] ?? ""));
    cell.value = number[4] ? value / 100 : value;
    if (number[4] && cell.numberFormat === "General") cell.numberFormat = "0%";
    return;
  }
  if (/^[=+\-@]/.test(text)) {
    cell.value = null;
    cell.formula = text.startsWith("=") ? text : `=${text}`;
    return;
  }
  if (/^(true|false)$/i.test(text)) {
    cell.value = text.toUpperCase() === "TRUE";
    return;
  }
  const error = ERROR_LITERALS.find((e) => e === text.toUpperCase());
  if (error) {
    cell.value = null;
    cell.error = error;
    return;
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) {
    const ms = Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
    cell.value = Math.round((ms - Date.UTC(1899, 11, 30)) / DAY_MS);
    if (cell.numberFormat === "General") cell.numberFormat = "yyyy-mm-dd";
    return;
  }
  cell.value = text;
}

function hasContent(cell: FakeCell): boolean {
  return cell.value !== null || cell.formula !== undefined || cell.error !== undefined;
}

// ---------------------------------------------------------------------------------------
// The fake host

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set supported; default "1.18" (notes available). */
  apiVersion?: string;
  /** Sheets the workbook starts with; default one empty "Sheet1". */
  sheets?: string[];
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names: FakeName[] = [];
  readonly annotations: FakeAnnotation[] = [];
  apiVersion: string;
  /** The value a formula cell shows when read; the fake does not calculate. */
  formulaResult: (formula: string, sheet: string, address: string) => CellValue = () => null;
  /** Byte size and operation count of every request sent with sync(). */
  readonly requests: { bytes: number; operations: number }[] = [];
  /** How many operations of each kind (`set formulas`, `copyFrom`, …) all requests carried. */
  readonly operationCounts = new Map<string, number>();
  readonly context: FakeRequestContext;
  private pending: Operation[] = [];
  private nextId = 1;

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.18";
    for (const name of options.sheets ?? ["Sheet1"]) this.addSheet(name);
    this.context = seal(new FakeRequestContext(this));
  }

  get syncs(): number {
    return this.requests.length;
  }

  get largestRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.bytes));
  }

  // --- direct access for tests (no API, no sync) ---

  sheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`no sheet "${name}"`);
    return sheet;
  }

  hasSheet(name: string): boolean {
    return this.findSheet(name) !== undefined;
  }

  /** The cell at an A1 address, or undefined when it was never written. */
  cell(sheetName: string, address: string): FakeCell | undefined {
    const at = parseAddress(address);
    if (!at) throw new Error(`bad address ${address}`);
    return this.sheet(sheetName).cells.get(cellKey(at.row, at.col));
  }

  /** Fills a sheet with constants as if typed (test set-up), creating it when absent. */
  seedSheet(name: string, rows: CellValue[][], at = "A1"): FakeSheet {
    const sheet = this.findSheet(name) ?? this.addSheet(name);
    const origin = parseRect(at);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = this.cellAt(sheet, origin.top + r, origin.left + c, true);
        enterInput(cell, typeof value === "string" && value !== "" ? `'${value}` : (value ?? ""));
        if (typeof value === "string") cell.quotePrefix = undefined;
      }),
    );
    return sheet;
  }

  /** Adds a defined name referring to a range (test set-up), e.g. a generated-sheet marker. */
  seedName(name: string, sheetName: string, address = "A1"): void {
    this.addName(name, this.sheet(sheetName), parseRect(address));
  }

  /** The formula Excel shows for a defined name: `=Scorecard!$A$1`, `=#REF!` once its sheet is gone. */
  nameFormula(item: FakeName): string {
    const sheet = this.sheets.find((s) => s.id === item.sheetId);
    return sheet ? `=${quoteSheet(sheet.name)}!${rectAddress(item.rect, true)}` : "=#REF!";
  }

  // --- requests ---

  enqueue(op: Operation): void {
    this.pending.push(op);
  }

  async sync(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    const bytes = new TextEncoder().encode(
      JSON.stringify(
        ops.map(({ path, op, args }) => ({ path, op, args })),
        (_key, value: unknown) => (value instanceof FakeObject ? { ref: value.path } : value),
      ),
    ).length;
    this.requests.push({ bytes, operations: ops.length });
    for (const { op } of ops) this.operationCounts.set(op, (this.operationCounts.get(op) ?? 0) + 1);
    if (bytes > REQUEST_LIMIT_BYTES) {
      throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `request of ${bytes} bytes`);
    }
    for (const op of ops) op.apply();
  }

  requireApi(version: string, what: string): void {
    if (compareVersions(this.apiVersion, version) < 0) {
      throw new FakeExcelError(
        "ApiNotFound",
        `${what} needs ExcelApi ${version} (host has ${this.apiVersion})`,
      );
    }
  }

  // --- state operations, run when a request is applied ---

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  sheetById(id: number): FakeSheet {
    const sheet = this.sheets.find((s) => s.id === id);
    if (!sheet) throw new FakeExcelError("ItemNotFound", "the sheet was deleted");
    return sheet;
  }

  addSheet(name?: string): FakeSheet {
    let sheetName = name;
    for (let n = this.sheets.length + 1; sheetName === undefined; n++) {
      if (!this.findSheet(`Sheet${n}`)) sheetName = `Sheet${n}`;
    }
    if (this.findSheet(sheetName)) throw new FakeExcelError("ItemAlreadyExists", `sheet "${sheetName}"`);
    checkSheetName(sheetName);
    const sheet: FakeSheet = {
      id: this.nextId++,
      name: sheetName,
      visibility: "Visible",
      tabColor: "",
      cells: new Map(),
      columns: new Map(),
      rows: new Map(),
      freeze: { rows: 0, cols: 0 },
      merges: [],
      conditionalFormats: [],
      dataValidations: [],
      charts: [],
      protection: { protected: false },
      pageLayout: {},
    };
    this.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    if (sameName(sheet.name, name)) {
      sheet.name = name;
      return;
    }
    if (this.findSheet(name)) throw new FakeExcelError("ItemAlreadyExists", `sheet "${name}"`);
    checkSheetName(name);
    sheet.name = name;
  }

  deleteSheet(sheet: FakeSheet): void {
    if (this.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0) {
      throw new FakeExcelError("InvalidOperation", "a workbook must keep one visible sheet");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    removeWhere(this.tables, (t) => t.sheetId === sheet.id);
    removeWhere(this.annotations, (a) => a.sheetId === sheet.id);
  }

  cellAt(sheet: FakeSheet, row: number, col: number, create: true): FakeCell;
  cellAt(sheet: FakeSheet, row: number, col: number, create: false): FakeCell | undefined;
  cellAt(sheet: FakeSheet, row: number, col: number, create: boolean): FakeCell | undefined {
    const key = cellKey(row, col);
    let cell = sheet.cells.get(key);
    if (!cell && create) {
      cell = newCell();
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  /** Calls `fn` on every cell of the rectangle, creating them (refused for huge rectangles). */
  eachCell(sheet: FakeSheet, rect: Rect, fn: (cell: FakeCell, row: number, col: number) => void): void {
    const area = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    if (area > 2_000_000) throw new Error(`the fake does not format ${area} cells at once`);
    for (let row = rect.top; row <= rect.bottom; row++) {
      for (let col = rect.left; col <= rect.right; col++) fn(this.cellAt(sheet, row, col, true), row, col);
    }
  }

  /** Existing cells of a rectangle (any size). */
  existingCells(sheet: FakeSheet, rect: Rect): [number, FakeCell][] {
    return [...sheet.cells].filter(([key]) => contains(rect, keyRow(key), keyCol(key)));
  }

  /** Refuses a change to a protected sheet (input cells may still take values). */
  checkWritable(sheet: FakeSheet, rect: Rect, valuesOnly = false): void {
    if (!sheet.protection.protected) return;
    if (valuesOnly) {
      let allUnlocked = true;
      this.eachCell(sheet, rect, (cell) => (allUnlocked &&= !cell.locked));
      if (allUnlocked) return;
    }
    throw new FakeExcelError("AccessDenied", `sheet "${sheet.name}" is protected`);
  }

  formulaValue(sheet: FakeSheet, row: number, col: number, cell: FakeCell): CellValue {
    return cell.formula ? this.formulaResult(cell.formula, sheet.name, cellAddress(row, col)) : cell.value;
  }

  checkObjectName(name: string, except?: object): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new FakeExcelError("InvalidArgument", `"${name}" is not a valid name`);
    }
    const taken =
      this.tables.some((t) => t !== except && sameName(t.name, name)) ||
      this.names.some((n) => n !== except && sameName(n.name, name));
    if (taken) throw new FakeExcelError("ItemAlreadyExists", `the name "${name}" is taken`);
  }

  addName(name: string, sheet: FakeSheet, rect: Rect): FakeName {
    this.checkObjectName(name);
    const item = { name, sheetId: sheet.id, rect };
    this.names.push(item);
    return item;
  }

  newId(): number {
    return this.nextId++;
  }
}

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
    throw new FakeExcelError("InvalidArgument", `"${name}" is not a valid sheet name`);
  }
}

function removeWhere<T>(list: T[], test: (item: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) list.splice(i, 1);
}

/** Proxies are sealed so that setting a member the fake does not model throws. */
function seal<T extends object>(object: T): T {
  return Object.seal(object);
}

/**
 * Makes `Office.context.requirements.isSetSupported` answer for the fake's API version, as
 * the real host does; returns a function that removes it again.
 */
export function installOfficeRequirements(fake: FakeExcel): () => void {
  const scope = globalThis as { Office?: unknown };
  const previous = scope.Office;
  scope.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version = "1.1") =>
          name === "ExcelApi" && compareVersions(fake.apiVersion, version) >= 0,
      },
    },
  };
  return () => {
    scope.Office = previous;
  };
}

// ---------------------------------------------------------------------------------------
// Proxy objects

type Readers = Record<string, () => unknown>;

/**
 * A proxy: it stands for an object of the workbook found when its request runs (Excel's
 * object path), then stays bound to that object.
 */
abstract class FakeObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private bound = false;
  private boundTarget: T | undefined = undefined;

  constructor(
    protected readonly fake: FakeExcel,
    readonly path: string,
    private readonly resolver: () => T,
  ) {}

  get context(): FakeRequestContext {
    return this.fake.context;
  }

  protected target(): T {
    if (!this.bound) {
      this.boundTarget = this.resolver();
      this.bound = true;
    }
    return this.boundTarget as T;
  }

  protected queue(op: string, args: unknown[], apply: () => void): void {
    this.fake.enqueue({ path: this.path, op, args, apply });
  }

  protected loadedValue<V>(prop: string): V {
    if (!this.loaded.has(prop)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `${this.path}.${prop} is not available: call load("${prop}") and context.sync() first`,
      );
    }
    return this.loaded.get(prop) as V;
  }

  /** Scalar properties that load() can read, by name. */
  protected readers(): Readers {
    return {};
  }

  /** A navigation property (`format`, `worksheet`, …) that a load path may go through. */
  protected navigate(name: string): FakeObject<unknown> | undefined {
    void name;
    return undefined;
  }

  load(propertyNames?: string | string[]): this {
    const list = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? "").split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    this.queue("load", [list], () => this.snapshot(list));
    return this;
  }

  /** Copies the listed properties from the workbook into the proxy (while a request runs). */
  snapshot(list: string[]): void {
    const readers = this.readers();
    for (const path of list) {
      const [head, ...rest] = path.split("/");
      if (rest.length > 0) {
        const child = this.navigate(head);
        if (!child) throw new FakeExcelError("InvalidArgument", `${this.path} has no navigation "${head}"`);
        child.snapshot([rest.join("/")]);
        continue;
      }
      const read = readers[head];
      if (!read) throw new FakeExcelError("InvalidArgument", `${this.path} has no property "${head}"`);
      this.loaded.set(head, read());
    }
  }
}

/** A collection proxy: `load("items/name")` fills `items` with proxies of the current members. */
abstract class FakeCollection<T, P extends FakeObject<T>> extends FakeObject<T[]> {
  protected abstract itemProxy(item: T, index: number): P;

  get items(): P[] {
    return this.loadedValue<P[]>("items");
  }

  override snapshot(list: string[]): void {
    const items = this.target().map((item, i) => this.itemProxy(item, i));
    this.loaded.set("items", items);
    const props = list.filter((p) => p !== "items").map((p) => p.replace(/^items\//, ""));
    for (const item of items) item.snapshot(props);
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;

  constructor(private readonly fake: FakeExcel) {
    this.workbook = seal(new FakeWorkbook(fake));
  }

  sync(): Promise<void> {
    return this.fake.sync();
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly comments: FakeAnnotationCollection;
  readonly notes: FakeAnnotationCollection;

  constructor(fake: FakeExcel) {
    this.worksheets = seal(new FakeWorksheetCollection(fake, "workbook.worksheets", () => fake.sheets));
    this.names = seal(new FakeNamedItemCollection(fake, "workbook.names", () => fake.names));
    this.tables = seal(new FakeTableCollection(fake, "workbook.tables", () => fake.tables, undefined));
    this.comments = seal(new FakeAnnotationCollection(fake, "workbook.comments", "comment", undefined));
    this.notes = seal(new FakeAnnotationCollection(fake, "workbook.notes", "note", undefined));
  }
}

function worksheetProxy(fake: FakeExcel, path: string, resolve: () => FakeSheet): FakeWorksheet {
  return seal(new FakeWorksheet(fake, path, resolve));
}

class FakeWorksheetCollection extends FakeCollection<FakeSheet, FakeWorksheet> {
  protected itemProxy(sheet: FakeSheet): FakeWorksheet {
    return worksheetProxy(this.fake, `worksheets[${sheet.name}]`, () => this.fake.sheetById(sheet.id));
  }

  add(name?: string): FakeWorksheet {
    let added: FakeSheet | undefined;
    this.queue("add", [name], () => {
      added = this.fake.addSheet(name);
    });
    // The proxy stays bound to the new sheet (by id), as Excel tracks an object it created.
    return worksheetProxy(this.fake, `worksheets.add(${name ?? ""})`, () => {
      if (!added) throw new FakeExcelError("InvalidOperation", "the sheet is used before it is added");
      return this.fake.sheetById(added.id);
    });
  }

  getItem(name: string): FakeWorksheet {
    return worksheetProxy(this.fake, `worksheets.getItem(${name})`, () => {
      const sheet = this.fake.findSheet(name);
      if (!sheet) throw new FakeExcelError("ItemNotFound", `no sheet "${name}"`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const proxy = seal(
      new FakeWorksheet(this.fake, `worksheets.getItemOrNullObject(${name})`, () =>
        this.fake.findSheet(name)!,
      ),
    );
    proxy.checkNull();
    return proxy;
  }
}

export class FakeWorksheet extends FakeObject<FakeSheet> {
  private nullable = false;
  readonly protection = seal(
    new FakeWorksheetProtection(this.fake, `${this.path}.protection`, () => this.target()),
  );
  readonly freezePanes = seal(
    new FakeFreezePanes(this.fake, `${this.path}.freezePanes`, () => this.target()),
  );
  readonly pageLayout = seal(new FakePageLayout(this.fake, `${this.path}.pageLayout`, () => this.target()));
  readonly tables = seal(
    new FakeTableCollection(
      this.fake,
      `${this.path}.tables`,
      () => this.fake.tables.filter((t) => t.sheetId === this.target().id),
      () => this.target(),
    ),
  );
  readonly charts = seal(new FakeChartCollection(this.fake, `${this.path}.charts`, () => this.target()));
  readonly comments = seal(
    new FakeAnnotationCollection(this.fake, `${this.path}.comments`, "comment", () => this.target()),
  );
  readonly notes = seal(
    new FakeAnnotationCollection(this.fake, `${this.path}.notes`, "note", () => this.target()),
  );

  protected override readers(): Readers {
    return {
      name: () => this.target().name,
      visibility: () => this.target().visibility,
      tabColor: () => this.target().tabColor,
      position: () => this.fake.sheets.indexOf(this.target()),
      id: () => String(this.target().id),
    };
  }

  /** For getItemOrNullObject: `isNullObject` is known after the next sync. */
  checkNull(): void {
    this.nullable = true;
    this.queue("resolve", [], () => this.loaded.set("isNullObject", this.target() === undefined));
  }

  get isNullObject(): boolean {
    return this.nullable ? this.loadedValue<boolean>("isNullObject") : false;
  }

  override snapshot(list: string[]): void {
    if (this.nullable && this.target() === undefined) return;
    super.snapshot(list);
  }

  get name(): string {
    return this.loadedValue("name");
  }
  set name(value: string) {
    this.queue("set name", [value], () => this.fake.renameSheet(this.target(), value));
  }

  get visibility(): string {
    return this.loadedValue("visibility");
  }
  set visibility(value: string) {
    this.queue("set visibility", [value], () => {
      const sheet = this.target();
      if (value !== "Visible" && !this.fake.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw new FakeExcelError("InvalidOperation", "a workbook must keep one visible sheet");
      }
      sheet.visibility = value;
    });
  }

  get tabColor(): string {
    return this.loadedValue("tabColor");
  }
  set tabColor(value: string) {
    this.queue("set tabColor", [value], () => (this.target().tabColor = value));
  }

  get position(): number {
    return this.loadedValue("position");
  }

  delete(): void {
    this.queue("delete", [], () => this.fake.deleteSheet(this.target()));
  }

  getRange(address?: string): FakeRange {
    return rangeProxy(this.fake, `${this.path}.getRange(${address ?? ""})`, () => ({
      sheet: this.target(),
      rect: address === undefined ? { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL } : parseRect(address),
    }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const range = rangeProxy(this.fake, `${this.path}.getUsedRangeOrNullObject(${valuesOnly ?? ""})`, () => {
      this.fake.requireApi("1.4", "getUsedRangeOrNullObject");
      const sheet = this.target();
      let rect: Rect | undefined;
      for (const [key, cell] of sheet.cells) {
        if (valuesOnly && !hasContent(cell)) continue;
        const row = keyRow(key);
        const col = keyCol(key);
        rect = rect
          ? {
              top: Math.min(rect.top, row),
              bottom: Math.max(rect.bottom, row),
              left: Math.min(rect.left, col),
              right: Math.max(rect.right, col),
            }
          : { top: row, bottom: row, left: col, right: col };
      }
      return rect ? { sheet, rect } : undefined;
    });
    range.markNullable();
    return range;
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

function rangeProxy(fake: FakeExcel, path: string, resolve: () => RangeTarget | undefined): FakeRange {
  return seal(new FakeRange(fake, path, resolve as () => RangeTarget));
}

export class FakeRange extends FakeObject<RangeTarget> {
  private nullable = false;
  readonly format = seal(new FakeRangeFormat(this.fake, `${this.path}.format`, () => this.target()));
  readonly conditionalFormats = seal(
    new FakeConditionalFormatCollection(this.fake, `${this.path}.conditionalFormats`, () => this.target()),
  );
  readonly dataValidation = seal(
    new FakeDataValidationProxy(this.fake, `${this.path}.dataValidation`, () => this.target()),
  );

  markNullable(): void {
    this.nullable = true;
  }

  get isNullObject(): boolean {
    return this.nullable ? this.loadedValue<boolean>("isNullObject") : false;
  }

  /** The sheet-qualified address, as Excel gives `range.address`. */
  refText(): string {
    const { sheet, rect } = this.target();
    return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
  }

  override snapshot(list: string[]): void {
    if (this.nullable) {
      const isNull = this.target() === undefined;
      this.loaded.set("isNullObject", isNull);
      if (isNull) return;
    }
    super.snapshot(list);
  }

  protected override readers(): Readers {
    const grid =
      <V>(fn: (cell: FakeCell | undefined, row: number, col: number) => V): (() => V[][]) =>
      () => {
        const { sheet, rect } = this.target();
        if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 5_000_000) {
          throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", "range too large to read");
        }
        const rows: V[][] = [];
        for (let row = rect.top; row <= rect.bottom; row++) {
          const line: V[] = [];
          for (let col = rect.left; col <= rect.right; col++)
            line.push(fn(this.fake.cellAt(sheet, row, col, false), row, col));
          rows.push(line);
        }
        return rows;
      };
    const sheet = () => this.target().sheet;
    return {
      address: () => this.refText(),
      rowIndex: () => this.target().rect.top - 1,
      columnIndex: () => this.target().rect.left - 1,
      rowCount: () => this.target().rect.bottom - this.target().rect.top + 1,
      columnCount: () => this.target().rect.right - this.target().rect.left + 1,
      values: grid((cell, row, col) => {
        if (!cell) return "";
        if (cell.error) return cell.error;
        const value = this.fake.formulaValue(sheet(), row, col, cell);
        return value ?? "";
      }),
      valueTypes: grid((cell, row, col) => {
        if (!cell) return "Empty";
        if (cell.error) return "Error";
        const value = this.fake.formulaValue(sheet(), row, col, cell);
        if (typeof value === "string" && ERROR_LITERALS.includes(value) && cell.formula) return "Error";
        if (value === null) return "Empty";
        return typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String";
      }),
      formulas: grid((cell) => (!cell ? "" : (cell.formula ?? cell.error ?? cell.value ?? ""))),
      numberFormat: grid((cell) => cell?.numberFormat ?? "General"),
    };
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get valueTypes(): string[][] {
    return this.loadedValue("valueTypes");
  }

  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  set values(grid: unknown[][]) {
    this.writeGrid("values", grid, (cell, input) => enterInput(cell, input), true);
  }

  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.writeGrid("formulas", grid, (cell, input) => enterInput(cell, input), true);
  }

  /** R1C1 formulas: each is entered as the A1 formula it is in its own cell. */
  set formulasR1C1(grid: unknown[][]) {
    this.writeGrid(
      "formulasR1C1",
      grid,
      (cell, input, row, col) =>
        enterInput(cell, typeof input === "string" ? r1c1ToA1(input, row, col) : input),
      true,
    );
  }

  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.writeGrid(
      "numberFormat",
      grid,
      (cell, input) => {
        if (input === null || input === undefined) return;
        if (typeof input !== "string") throw new FakeExcelError("InvalidArgument", "a number format is text");
        cell.numberFormat = input;
      },
      false,
    );
  }

  /**
   * A 2-D write: the grid must have the range's exact shape, as Excel requires; or one value
   * (not an array), which Excel enters into every cell of the range.
   */
  private writeGrid(
    prop: string,
    grid: unknown[][],
    enter: (cell: FakeCell, input: unknown, row: number, col: number) => void,
    values: boolean,
  ): void {
    this.queue(`set ${prop}`, [grid], () => {
      const { sheet, rect } = this.target();
      const height = rect.bottom - rect.top + 1;
      const width = rect.right - rect.left + 1;
      if (!Array.isArray(grid)) {
        this.fake.checkWritable(sheet, rect, values);
        this.fake.eachCell(sheet, rect, (cell, row, col) => enter(cell, grid, row, col));
        return;
      }
      if (grid.length !== height || grid.some((row) => !Array.isArray(row) || row.length !== width)) {
        throw new FakeExcelError(
          "InvalidArgument",
          `the ${prop} array does not match the size of ${rectAddress(rect)} (${height}×${width})`,
        );
      }
      this.fake.checkWritable(sheet, rect, values);
      this.fake.eachCell(sheet, rect, (cell, row, col) =>
        enter(cell, grid[row - rect.top][col - rect.left], row, col),
      );
    });
  }

  set columnHidden(hidden: boolean) {
    this.queue("set columnHidden", [hidden], () => {
      const { sheet, rect } = this.target();
      if (rect.left === 1 && rect.right === MAX_COL) {
        for (const col of sheet.columns.values()) col.hidden = hidden || undefined;
        return;
      }
      for (let c = rect.left; c <= rect.right; c++) sheet.columns.set(c, { ...sheet.columns.get(c), hidden });
    });
  }
  get columnHidden(): boolean {
    return this.loadedValue("columnHidden");
  }

  set rowHidden(hidden: boolean) {
    this.queue("set rowHidden", [hidden], () => {
      const { sheet, rect } = this.target();
      if (rect.top === 1 && rect.bottom === MAX_ROW) {
        for (const row of sheet.rows.values()) row.hidden = hidden || undefined;
        return;
      }
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rows.set(r, { ...sheet.rows.get(r), hidden });
    });
  }
  get rowHidden(): boolean {
    return this.loadedValue("rowHidden");
  }

  merge(across = false): void {
    this.queue("merge", [across], () => {
      const { sheet, rect } = this.target();
      this.fake.checkWritable(sheet, rect);
      if (this.fake.tables.some((t) => t.sheetId === sheet.id && overlaps(t.rect, rect))) {
        throw new FakeExcelError("InvalidOperation", "cannot merge cells in a table");
      }
      if (across) {
        for (let r = rect.top; r <= rect.bottom; r++) sheet.merges.push({ ...rect, top: r, bottom: r });
      } else {
        sheet.merges.push(rect);
      }
    });
  }

  /**
   * `copyFrom(source, "Values")` (ExcelApi 1.9): the source's values (a formula's result, not
   * its text) go into the range from its top-left cell, over the source's shape; number formats
   * and other formats stay. The destination may be the source's size or one cell, as Excel
   * allows; other copy types, and destinations that Excel would tile, are not modelled.
   */
  copyFrom(source: FakeRange | string, copyType = "All", skipBlanks = false, transpose = false): void {
    this.queue("copyFrom", [source, copyType, skipBlanks, transpose], () => {
      this.fake.requireApi("1.9", "range.copyFrom");
      if (copyType !== "Values" || transpose || typeof source === "string") {
        throw new Error(`the fake models copyFrom(range, "Values") only`);
      }
      const from = source["target"]();
      const { sheet, rect } = this.target();
      const height = from.rect.bottom - from.rect.top + 1;
      const width = from.rect.right - from.rect.left + 1;
      const single = rect.top === rect.bottom && rect.left === rect.right;
      if (!single && (rect.bottom - rect.top + 1 !== height || rect.right - rect.left + 1 !== width)) {
        throw new Error(
          `the fake does not tile a copy of ${rectAddress(from.rect)} into ${rectAddress(rect)}`,
        );
      }
      const to = {
        top: rect.top,
        left: rect.left,
        bottom: rect.top + height - 1,
        right: rect.left + width - 1,
      };
      const values: { value: CellValue; error?: string }[][] = [];
      for (let r = 0; r < height; r++) {
        values.push([]);
        for (let c = 0; c < width; c++) {
          const row = from.rect.top + r;
          const col = from.rect.left + c;
          const cell = this.fake.cellAt(from.sheet, row, col, false);
          values[r].push(
            cell === undefined
              ? { value: null }
              : { value: this.fake.formulaValue(from.sheet, row, col, cell), error: cell.error },
          );
        }
      }
      this.fake.checkWritable(sheet, to, true);
      this.fake.eachCell(sheet, to, (cell, row, col) => {
        const { value, error } = values[row - to.top][col - to.left];
        if (skipBlanks && value === null && error === undefined) return;
        Object.assign(cell, { value, error, formula: undefined, quotePrefix: undefined });
      });
    });
  }

  unmerge(): void {
    this.queue("unmerge", [], () => {
      const { sheet, rect } = this.target();
      removeWhere(sheet.merges, (m) => overlaps(m, rect));
    });
  }

  clear(applyTo: string = "All"): void {
    this.queue("clear", [applyTo], () => {
      const { sheet, rect } = this.target();
      this.fake.checkWritable(sheet, rect);
      for (const [key, cell] of this.fake.existingCells(sheet, rect)) {
        if (applyTo === "All") sheet.cells.delete(key);
        else if (applyTo === "Contents") enterInput(cell, "");
        else if (applyTo === "Formats")
          Object.assign(cell, { numberFormat: "General", format: { borders: {} } });
      }
    });
  }
}

class FakeRangeFormat extends FakeObject<RangeTarget> {
  readonly font = seal(new FakeCellStyleProxy(this.fake, `${this.path}.font`, () => this.target(), FONT));
  readonly fill = seal(new FakeCellStyleProxy(this.fake, `${this.path}.fill`, () => this.target(), FILL));
  readonly protection = seal(
    new FakeCellStyleProxy(this.fake, `${this.path}.protection`, () => this.target(), LOCK),
  );
  readonly borders = seal(new FakeBorders(this.fake, `${this.path}.borders`, () => this.target()));

  private setCells(prop: string, value: unknown, fn: (cell: FakeCell) => void): void {
    this.queue(`set ${prop}`, [value], () => {
      const { sheet, rect } = this.target();
      this.fake.checkWritable(sheet, rect);
      this.fake.eachCell(sheet, rect, fn);
    });
  }

  set horizontalAlignment(value: string) {
    this.setCells("horizontalAlignment", value, (c) => (c.format.horizontalAlignment = value));
  }
  set verticalAlignment(value: string) {
    this.setCells("verticalAlignment", value, (c) => (c.format.verticalAlignment = value));
  }
  set wrapText(value: boolean) {
    this.setCells("wrapText", value, (c) => (c.format.wrapText = value));
  }
  get horizontalAlignment(): string {
    return this.loadedValue("horizontalAlignment");
  }
  get verticalAlignment(): string {
    return this.loadedValue("verticalAlignment");
  }
  get wrapText(): boolean {
    return this.loadedValue("wrapText");
  }

  /** Sets the width of every column of the range, in points. */
  set columnWidth(points: number) {
    this.queue("set columnWidth", [points], () => {
      const { sheet, rect } = this.target();
      for (let c = rect.left; c <= rect.right; c++)
        sheet.columns.set(c, { ...sheet.columns.get(c), width: points });
    });
  }
  get columnWidth(): number {
    return this.loadedValue("columnWidth");
  }

  set rowHeight(points: number) {
    this.queue("set rowHeight", [points], () => {
      const { sheet, rect } = this.target();
      for (let r = rect.top; r <= rect.bottom; r++)
        sheet.rows.set(r, { ...sheet.rows.get(r), height: points });
    });
  }
  get rowHeight(): number {
    return this.loadedValue("rowHeight");
  }

  set useStandardWidth(value: boolean) {
    this.queue("set useStandardWidth", [value], () => {
      const { sheet, rect } = this.target();
      if (!value) return;
      for (const [c, col] of sheet.columns) if (c >= rect.left && c <= rect.right) col.width = undefined;
    });
  }
  get useStandardWidth(): boolean {
    return this.loadedValue("useStandardWidth");
  }

  set useStandardHeight(value: boolean) {
    this.queue("set useStandardHeight", [value], () => {
      const { sheet, rect } = this.target();
      if (!value) return;
      for (const [r, row] of sheet.rows) if (r >= rect.top && r <= rect.bottom) row.height = undefined;
    });
  }
  get useStandardHeight(): boolean {
    return this.loadedValue("useStandardHeight");
  }
}

/** Which cell field a font/fill/protection property sets. */
type StyleFields = Record<string, (cell: FakeCell, value: unknown) => void>;

const FONT: StyleFields = {
  bold: (c, v) => (c.format.bold = v as boolean),
  italic: (c, v) => (c.format.italic = v as boolean),
  size: (c, v) => (c.format.size = v as number),
  color: (c, v) => (c.format.color = v as string),
};
const FILL: StyleFields = { color: (c, v) => (c.format.fill = v as string) };
const LOCK: StyleFields = { locked: (c, v) => (c.locked = v as boolean) };

/** `range.format.font`, `.fill`, `.protection`: each property sets a field of every cell. */
class FakeCellStyleProxy extends FakeObject<RangeTarget> {
  constructor(fake: FakeExcel, path: string, resolve: () => RangeTarget, fields: StyleFields) {
    super(fake, path, resolve);
    for (const [prop, set] of Object.entries(fields)) {
      Object.defineProperty(this, prop, {
        enumerable: true,
        get: () => this.loadedValue(prop),
        set: (value: unknown) => {
          this.queue(`set ${prop}`, [value], () => {
            const { sheet, rect } = this.target();
            this.fake.checkWritable(sheet, rect);
            this.fake.eachCell(sheet, rect, (cell) => set(cell, value));
          });
        },
      });
    }
  }
}

const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"];

class FakeBorders extends FakeObject<RangeTarget> {
  getItem(edge: string): FakeBorder {
    if (!BORDER_EDGES.includes(edge)) throw new FakeExcelError("InvalidArgument", `border "${edge}"`);
    return seal(new FakeBorder(this.fake, `${this.path}.getItem(${edge})`, () => this.target(), edge));
  }
}

class FakeBorder extends FakeObject<RangeTarget> {
  constructor(
    fake: FakeExcel,
    path: string,
    resolve: () => RangeTarget,
    private readonly edge: string,
  ) {
    super(fake, path, resolve);
  }

  set style(value: string) {
    this.queue("set style", [value], () => {
      const { sheet, rect } = this.target();
      this.fake.checkWritable(sheet, rect);
      // An edge border goes on the cells along that edge; an inside border on the cells that have a neighbour.
      this.fake.eachCell(sheet, rect, (cell, row, col) => {
        const on =
          (this.edge === "EdgeTop" && row === rect.top) ||
          (this.edge === "EdgeBottom" && row === rect.bottom) ||
          (this.edge === "EdgeLeft" && col === rect.left) ||
          (this.edge === "EdgeRight" && col === rect.right) ||
          (this.edge === "InsideVertical" && rect.left < rect.right) ||
          (this.edge === "InsideHorizontal" && rect.top < rect.bottom);
        if (on) cell.format.borders[this.edge] = value;
      });
    });
  }
  get style(): string {
    return this.loadedValue("style");
  }
}

// --- settings objects: conditional formats, charts, page layout, data validation ---

const LEAF = "leaf";
const METHOD = "method";
interface SettingsSpec {
  [key: string]: SettingsSpec | typeof LEAF | typeof METHOD;
}

/**
 * A nested settings object (`cf.cellValue.format.fill.color`, `chart.axes.valueAxis.title.text`)
 * whose allowed members are listed in `spec`: setting a leaf or calling a method records
 * `path → value` when the request runs; unknown members throw at once.
 */
function settingsProxy(
  fake: FakeExcel,
  path: string,
  spec: SettingsSpec,
  record: (key: string, value: unknown) => void,
  prefix = "",
): object {
  const children = new Map<string, object>();
  return new Proxy(
    {},
    {
      get(_target, key) {
        if (typeof key !== "string") return undefined;
        const member = spec[key];
        if (member === undefined) throw new TypeError(`${path}${prefix}.${key} is not modelled by the fake`);
        if (member === METHOD) {
          return (...args: unknown[]) =>
            fake.enqueue({ path, op: `${prefix}${key}`, args, apply: () => record(`${prefix}${key}`, args) });
        }
        if (member === LEAF) {
          throw new FakeExcelError("PropertyNotLoaded", `${path}${prefix}.${key} was not loaded`);
        }
        let child = children.get(key);
        if (!child) {
          child = settingsProxy(fake, path, member, record, `${prefix}${key}.`);
          children.set(key, child);
        }
        return child;
      },
      set(_target, key, value: unknown) {
        if (typeof key !== "string" || spec[key] !== LEAF) {
          throw new TypeError(`${path}${prefix}.${String(key)} cannot be set in the fake`);
        }
        fake.enqueue({
          path,
          op: `set ${prefix}${key}`,
          args: [value],
          apply: () => record(`${prefix}${key}`, value),
        });
        return true;
      },
    },
  );
}

const CF_FORMAT: SettingsSpec = { fill: { color: LEAF }, font: { color: LEAF, bold: LEAF } };
const CF_SPECS: Record<string, SettingsSpec> = {
  ColorScale: { colorScale: { criteria: LEAF } },
  DataBar: {
    dataBar: {
      positiveFormat: { fillColor: LEAF, gradientFill: LEAF },
      lowerBoundRule: LEAF,
      upperBoundRule: LEAF,
    },
  },
  CellValue: { cellValue: { rule: LEAF, format: CF_FORMAT } },
  Custom: { custom: { rule: { formula: LEAF }, format: CF_FORMAT } },
};

class FakeConditionalFormatCollection extends FakeObject<RangeTarget> {
  add(type: string): object {
    const spec = CF_SPECS[type];
    if (!spec) throw new TypeError(`conditional format type ${type} is not modelled by the fake`);
    let cf: FakeConditionalFormat | undefined;
    this.queue("add", [type], () => {
      const { sheet, rect } = this.target();
      this.fake.checkWritable(sheet, rect);
      cf = { id: this.fake.newId(), address: rectAddress(rect), type, settings: {} };
      sheet.conditionalFormats.push(cf);
    });
    return settingsProxy(this.fake, `${this.path}.add(${type})`, spec, (key, value) => {
      if (!cf) throw new FakeExcelError("InvalidOperation", "conditional format not added");
      cf.settings[key] = value;
    });
  }

  clearAll(): void {
    this.queue("clearAll", [], () => {
      const { sheet, rect } = this.target();
      removeWhere(sheet.conditionalFormats, (cf) => overlaps(parseRect(cf.address), rect));
    });
  }
}

class FakeDataValidationProxy extends FakeObject<RangeTarget> {
  private entry(): FakeDataValidation {
    const { sheet, rect } = this.target();
    const address = rectAddress(rect);
    let entry = sheet.dataValidations.find((d) => d.address === address);
    if (!entry) {
      entry = { address };
      sheet.dataValidations.push(entry);
    }
    return entry;
  }

  set rule(rule: unknown) {
    this.queue("set rule", [rule], () => {
      const { sheet, rect } = this.target();
      this.fake.checkWritable(sheet, rect);
      const clash = sheet.dataValidations.some(
        (d) => d.rule && d.address !== rectAddress(rect) && overlaps(parseRect(d.address), rect),
      );
      if (clash)
        throw new FakeExcelError("InvalidOperation", "the range already has another validation rule");
      this.entry().rule = rule;
    });
  }
  get rule(): unknown {
    return this.loadedValue("rule");
  }

  set prompt(prompt: unknown) {
    this.queue("set prompt", [prompt], () => (this.entry().prompt = prompt));
  }
  get prompt(): unknown {
    return this.loadedValue("prompt");
  }

  clear(): void {
    this.queue("clear", [], () => {
      const { sheet, rect } = this.target();
      removeWhere(sheet.dataValidations, (d) => overlaps(parseRect(d.address), rect));
    });
  }
}

class FakePageLayout extends FakeObject<FakeSheet> {
  private record(key: string, value: unknown): void {
    this.queue(`set ${key}`, [value], () => (this.target().pageLayout[key] = value));
  }
  set orientation(value: string) {
    this.record("orientation", value);
  }
  get orientation(): string {
    return this.loadedValue("orientation");
  }
  set zoom(value: unknown) {
    this.record("zoom", value);
  }
  get zoom(): unknown {
    return this.loadedValue("zoom");
  }
  setPrintArea(area: string | FakeRange): void {
    this.record("printArea", typeof area === "string" ? area : area.path);
  }
  setPrintTitleRows(rows: string | FakeRange): void {
    this.record("printTitleRows", typeof rows === "string" ? rows : rows.path);
  }
}

class FakeWorksheetProtection extends FakeObject<FakeSheet> {
  protected override readers(): Readers {
    return { protected: () => this.target().protection.protected };
  }
  get protected(): boolean {
    return this.loadedValue("protected");
  }
  protect(options?: unknown, password?: string): void {
    this.queue("protect", [options, password], () => {
      const sheet = this.target();
      if (sheet.protection.protected)
        throw new FakeExcelError("InvalidOperation", "the sheet is already protected");
      sheet.protection = { protected: true, options };
    });
  }
  unprotect(password?: string): void {
    this.queue("unprotect", [password], () => (this.target().protection = { protected: false }));
  }
}

class FakeFreezePanes extends FakeObject<FakeSheet> {
  private set(rows: number, cols: number, op: string, args: unknown[]): void {
    this.queue(op, args, () => (this.target().freeze = { rows, cols }));
  }
  freezeRows(count = 1): void {
    this.set(count, 0, "freezeRows", [count]);
  }
  freezeColumns(count = 1): void {
    this.set(0, count, "freezeColumns", [count]);
  }
  freezeAt(range: string | FakeRange): void {
    const address = typeof range === "string" ? range : undefined;
    this.queue("freezeAt", [range], () => {
      const rect = address !== undefined ? parseRect(address) : (range as FakeRange)["target"]().rect;
      if (rect.top !== 1 || rect.left !== 1)
        throw new FakeExcelError("InvalidArgument", "frozen range must start at A1");
      this.target().freeze = { rows: rect.bottom, cols: rect.right };
    });
  }
  unfreeze(): void {
    this.set(0, 0, "unfreeze", []);
  }
}

// --- tables ---

class FakeTableCollection extends FakeCollection<FakeTable, FakeTableProxy> {
  constructor(
    fake: FakeExcel,
    path: string,
    resolve: () => FakeTable[],
    private readonly sheetOf: (() => FakeSheet) | undefined,
  ) {
    super(fake, path, resolve);
  }

  protected itemProxy(table: FakeTable): FakeTableProxy {
    return seal(new FakeTableProxy(this.fake, `tables[${table.name}]`, () => this.live(table)));
  }

  private live(table: FakeTable): FakeTable {
    if (!this.fake.tables.includes(table))
      throw new FakeExcelError("ItemNotFound", `table ${table.name} was deleted`);
    return table;
  }

  add(address: string | FakeRange, hasHeaders: boolean): FakeTableProxy {
    let added: FakeTable | undefined;
    this.queue("add", [address, hasHeaders], () => {
      let sheet: FakeSheet;
      let rect: Rect;
      if (typeof address === "string") {
        const ref = splitRef(address);
        const named = ref.sheet !== undefined ? this.fake.findSheet(ref.sheet) : undefined;
        const scoped = this.sheetOf?.();
        if (!named && !scoped)
          throw new FakeExcelError("InvalidArgument", "a workbook-level table needs a sheet");
        sheet = (named ?? scoped)!;
        rect = parseRect(ref.address);
      } else {
        ({ sheet, rect } = address["target"]());
      }
      this.fake.checkWritable(sheet, rect);
      const clash = this.fake.tables.some((t) => t.sheetId === sheet.id && overlaps(t.rect, rect));
      if (clash || sheet.merges.some((m) => overlaps(m, rect))) {
        throw new FakeExcelError("InvalidOperation", "a table cannot overlap another table or merged cells");
      }
      // Excel gives every header cell a unique text; blank headers become Column1, Column2…
      if (hasHeaders) {
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = this.fake.cellAt(sheet, rect.top, c, true);
          if (!hasContent(cell)) cell.value = `Column${c - rect.left + 1}`;
        }
      }
      let n = this.fake.tables.length + 1;
      while (this.fake.tables.some((t) => sameName(t.name, `Table${n}`))) n++;
      added = { id: this.fake.newId(), name: `Table${n}`, sheetId: sheet.id, rect };
      this.fake.tables.push(added);
    });
    return seal(
      new FakeTableProxy(
        this.fake,
        `${this.path}.add(${typeof address === "string" ? address : address.path})`,
        () => {
          if (!added) throw new FakeExcelError("InvalidOperation", "table not added");
          return this.live(added);
        },
      ),
    );
  }

  getItem(name: string): FakeTableProxy {
    return seal(
      new FakeTableProxy(this.fake, `${this.path}.getItem(${name})`, () => {
        const table = this.target().find((t) => sameName(t.name, name));
        if (!table) throw new FakeExcelError("ItemNotFound", `no table "${name}"`);
        return table;
      }),
    );
  }
}

class FakeTableProxy extends FakeObject<FakeTable> {
  protected override readers(): Readers {
    return {
      name: () => this.target().name,
      style: () => this.target().style ?? "TableStyleMedium2",
      showBandedRows: () => this.target().showBandedRows ?? true,
    };
  }

  protected override navigate(name: string): FakeObject<unknown> | undefined {
    return name === "worksheet" ? this.worksheet : undefined;
  }

  readonly worksheet = worksheetProxy(this.fake, `${this.path}.worksheet`, () =>
    this.fake.sheetById(this.target().sheetId),
  );

  get name(): string {
    return this.loadedValue("name");
  }
  set name(value: string) {
    this.queue("set name", [value], () => {
      const table = this.target();
      this.fake.checkObjectName(value, table);
      table.name = value;
    });
  }

  get style(): string {
    return this.loadedValue("style");
  }
  set style(value: string) {
    this.queue("set style", [value], () => (this.target().style = value));
  }

  get showBandedRows(): boolean {
    return this.loadedValue("showBandedRows");
  }
  set showBandedRows(value: boolean) {
    this.queue("set showBandedRows", [value], () => (this.target().showBandedRows = value));
  }

  getRange(): FakeRange {
    return rangeProxy(this.fake, `${this.path}.getRange()`, () => {
      const table = this.target();
      return { sheet: this.fake.sheetById(table.sheetId), rect: table.rect };
    });
  }

  delete(): void {
    this.queue("delete", [], () => {
      const table = this.target();
      const sheet = this.fake.sheetById(table.sheetId);
      this.fake.checkWritable(sheet, table.rect);
      removeWhere(this.fake.tables, (t) => t === table);
    });
  }
}

// --- charts ---

const CHART_SPEC: SettingsSpec = {
  title: { text: LEAF, visible: LEAF },
  legend: { visible: LEAF, position: LEAF },
  axes: {
    categoryAxis: { title: { text: LEAF, visible: LEAF } },
    valueAxis: { title: { text: LEAF, visible: LEAF } },
  },
};

class FakeChartCollection extends FakeCollection<FakeChart, FakeChartProxy> {
  constructor(
    fake: FakeExcel,
    path: string,
    private readonly sheetOf: () => FakeSheet,
  ) {
    super(fake, path, () => sheetOf().charts);
  }

  protected itemProxy(chart: FakeChart): FakeChartProxy {
    return new FakeChartProxy(this.fake, `charts[${chart.name}]`, () => chart, this.sheetOf);
  }

  add(type: string, source: FakeRange, seriesBy?: string): FakeChartProxy {
    let added: FakeChart | undefined;
    this.queue("add", [type, source, seriesBy], () => {
      const sheet = this.sheetOf();
      this.fake.checkWritable(sheet, { top: 1, left: 1, bottom: 1, right: 1 });
      const { sheet: dataSheet, rect } = source["target"]();
      // One series per column of the source (per row with seriesBy "Rows").
      const byRows = seriesBy === "Rows";
      const count = byRows ? rect.bottom - rect.top + 1 : rect.right - rect.left + 1;
      const series: FakeChartSeries[] = [];
      for (let i = 0; i < count; i++) {
        const one = byRows
          ? { ...rect, top: rect.top + i, bottom: rect.top + i }
          : { ...rect, left: rect.left + i, right: rect.left + i };
        series.push({ values: `${quoteSheet(dataSheet.name)}!${rectAddress(one, true)}` });
      }
      const id = this.fake.newId();
      added = {
        id,
        name: `Chart ${id}`,
        type,
        source: `${quoteSheet(dataSheet.name)}!${rectAddress(rect, true)}`,
        seriesBy,
        series,
        settings: {},
      };
      sheet.charts.push(added);
    });
    return new FakeChartProxy(
      this.fake,
      `${this.path}.add(${type})`,
      () => {
        if (!added) throw new FakeExcelError("InvalidOperation", "chart not added");
        return added;
      },
      this.sheetOf,
    );
  }
}

class FakeChartProxy extends FakeObject<FakeChart> {
  readonly title: { text: string; visible: boolean };
  readonly legend: { visible: boolean; position: string };
  readonly axes: { categoryAxis: { title: { text: string } }; valueAxis: { title: { text: string } } };
  readonly series: FakeSeriesCollection;

  constructor(fake: FakeExcel, path: string, resolve: () => FakeChart, sheetOf: () => FakeSheet) {
    super(fake, path, resolve);
    const settings = settingsProxy(
      fake,
      path,
      CHART_SPEC,
      (key, value) => (this.target().settings[key] = value),
    ) as {
      title: FakeChartProxy["title"];
      legend: FakeChartProxy["legend"];
      axes: FakeChartProxy["axes"];
    };
    this.title = settings.title;
    this.legend = settings.legend;
    this.axes = settings.axes;
    this.series = seal(new FakeSeriesCollection(fake, `${path}.series`, () => this.target()));
    void sheetOf;
    seal(this);
  }

  protected override readers(): Readers {
    return { name: () => this.target().name };
  }

  get name(): string {
    return this.loadedValue("name");
  }

  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const text = (cell: string | FakeRange | undefined) => (typeof cell === "object" ? cell.path : cell);
    this.queue("setPosition", [startCell, endCell], () => {
      this.target().position = { start: text(startCell)!, end: text(endCell) };
    });
  }

  delete(): void {
    this.queue("delete", [], () => {
      const chart = this.target();
      for (const sheet of this.fake.sheets) removeWhere(sheet.charts, (c) => c === chart);
    });
  }
}

class FakeSeriesCollection extends FakeObject<FakeChart> {
  getItemAt(index: number): FakeSeries {
    return seal(
      new FakeSeries(this.fake, `${this.path}.getItemAt(${index})`, () => {
        const series = this.target().series[index];
        if (!series) throw new FakeExcelError("ItemNotFound", `no series ${index}`);
        return series;
      }),
    );
  }

  add(name?: string): FakeSeries {
    let added: FakeChartSeries | undefined;
    this.queue("add", [name], () => {
      this.fake.requireApi("1.7", "chart.series.add");
      added = { name };
      this.target().series.push(added);
    });
    return seal(
      new FakeSeries(this.fake, `${this.path}.add(${name ?? ""})`, () => {
        if (!added) throw new FakeExcelError("InvalidOperation", "series not added");
        return added;
      }),
    );
  }
}

class FakeSeries extends FakeObject<FakeChartSeries> {
  readonly format = {
    fill: seal({
      setSolidColor: (color: string) =>
        this.queue("format.fill.setSolidColor", [color], () => (this.target().color = color)),
    }),
    line: settingsProxy(this.fake, `${this.path}.format.line`, { color: LEAF }, (_key, value) => {
      this.target().color = value as string;
    }),
  };

  get name(): string {
    return this.loadedValue("name");
  }
  set name(value: string) {
    this.queue("set name", [value], () => (this.target().name = value));
  }

  setValues(source: FakeRange): void {
    this.queue("setValues", [source], () => {
      this.fake.requireApi("1.7", "series.setValues");
      this.target().values = absoluteRef(source);
    });
  }

  setXAxisValues(source: FakeRange): void {
    this.queue("setXAxisValues", [source], () => {
      this.fake.requireApi("1.7", "series.setXAxisValues");
      this.target().categories = absoluteRef(source);
    });
  }
}

function absoluteRef(range: FakeRange): string {
  const { sheet, rect } = range["target"]();
  return `${quoteSheet(sheet.name)}!${rectAddress(rect, true)}`;
}

// --- names ---

class FakeNamedItemCollection extends FakeCollection<FakeName, FakeNamedItem> {
  protected itemProxy(item: FakeName): FakeNamedItem {
    return seal(new FakeNamedItem(this.fake, `names[${item.name}]`, () => item));
  }

  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    let added: FakeName | undefined;
    this.queue("add", [name, reference, comment], () => {
      this.fake.requireApi("1.4", "names.add");
      let target: RangeTarget;
      if (typeof reference === "string") {
        const ref = splitRef(reference);
        const sheet = ref.sheet !== undefined ? this.fake.findSheet(ref.sheet) : undefined;
        if (!sheet) throw new FakeExcelError("InvalidArgument", `the fake only names ranges: "${reference}"`);
        target = { sheet, rect: parseRect(ref.address) };
      } else {
        target = reference["target"]();
      }
      added = this.fake.addName(name, target.sheet, target.rect);
    });
    return seal(
      new FakeNamedItem(this.fake, `names.add(${name})`, () => {
        if (!added) throw new FakeExcelError("InvalidOperation", "name not added");
        return added;
      }),
    );
  }

  getItem(name: string): FakeNamedItem {
    return seal(
      new FakeNamedItem(this.fake, `names.getItem(${name})`, () => {
        const item = this.fake.names.find((n) => sameName(n.name, name));
        if (!item) throw new FakeExcelError("ItemNotFound", `no name "${name}"`);
        return item;
      }),
    );
  }
}

class FakeNamedItem extends FakeObject<FakeName> {
  protected override readers(): Readers {
    return {
      name: () => this.target().name,
      formula: () => {
        this.fake.requireApi("1.7", "NamedItem.formula");
        return this.fake.nameFormula(this.target());
      },
      type: () => "Range",
      value: () => this.fake.nameFormula(this.target()).slice(1),
    };
  }
  get name(): string {
    return this.loadedValue("name");
  }
  get formula(): string {
    return this.loadedValue("formula");
  }
  get value(): string {
    return this.loadedValue("value");
  }
  delete(): void {
    this.queue("delete", [], () => removeWhere(this.fake.names, (n) => n === this.target()));
  }
}

// --- comments and notes ---

class FakeAnnotationCollection extends FakeCollection<FakeAnnotation, FakeAnnotationProxy> {
  constructor(
    fake: FakeExcel,
    path: string,
    private readonly kind: "comment" | "note",
    private readonly sheetOf: (() => FakeSheet) | undefined,
  ) {
    super(fake, path, () => {
      fake.requireApi(kind === "note" ? "1.18" : "1.10", `${kind}s`);
      const sheet = sheetOf?.();
      return fake.annotations.filter((a) => a.kind === kind && (!sheet || a.sheetId === sheet.id));
    });
  }

  protected itemProxy(item: FakeAnnotation): FakeAnnotationProxy {
    return seal(new FakeAnnotationProxy(this.fake, `${this.kind}s[${item.id}]`, () => item));
  }

  add(cellAddress: string | FakeRange, content: string): FakeAnnotationProxy {
    let added: FakeAnnotation | undefined;
    this.queue("add", [cellAddress, content], () => {
      this.fake.requireApi(this.kind === "note" ? "1.18" : "1.10", `${this.kind}s.add`);
      let sheet: FakeSheet;
      let rect: Rect;
      if (typeof cellAddress === "string") {
        const ref = splitRef(cellAddress);
        const named = ref.sheet !== undefined ? this.fake.findSheet(ref.sheet) : this.sheetOf?.();
        if (!named) throw new FakeExcelError("InvalidArgument", `"${cellAddress}" must name its sheet`);
        sheet = named;
        rect = parseRect(ref.address);
      } else {
        ({ sheet, rect } = cellAddress["target"]());
      }
      if (rect.top !== rect.bottom || rect.left !== rect.right) {
        throw new FakeExcelError("InvalidArgument", "a comment or note goes on one cell");
      }
      this.fake.checkWritable(sheet, rect);
      const taken = this.fake.annotations.some(
        (a) => a.sheetId === sheet.id && a.row === rect.top && a.col === rect.left,
      );
      if (taken) throw new FakeExcelError("InvalidOperation", "the cell already has a comment or note");
      added = {
        kind: this.kind,
        id: this.fake.newId(),
        sheetId: sheet.id,
        row: rect.top,
        col: rect.left,
        text: content,
      };
      this.fake.annotations.push(added);
    });
    return seal(
      new FakeAnnotationProxy(this.fake, `${this.path}.add()`, () => {
        if (!added) throw new FakeExcelError("InvalidOperation", "not added");
        return added;
      }),
    );
  }
}

class FakeAnnotationProxy extends FakeObject<FakeAnnotation> {
  protected override readers(): Readers {
    return { id: () => String(this.target().id), content: () => this.target().text };
  }
  get content(): string {
    return this.loadedValue("content");
  }
  delete(): void {
    this.queue("delete", [], () => removeWhere(this.fake.annotations, (a) => a === this.target()));
  }
}

// ---------------------------------------------------------------------------------------
// Snapshots for comparing hosts

export interface CellSnapshot {
  address: string;
  /** The value shown: a constant, an error text, or the formula's result (see formulaResult). */
  value: CellValue;
  /** `=…` for a formula cell, else null. */
  formula: string | null;
  numberFormat: string;
}

/**
 * Every cell of a sheet that holds something (a value, a formula or a non-General number
 * format), row by row, for comparing what two renderers wrote cell for cell.
 */
export function snapshotSheet(fake: FakeExcel, name: string): CellSnapshot[] {
  const sheet = fake.sheet(name);
  return [...sheet.cells]
    .filter(([, cell]) => hasContent(cell) || cell.numberFormat !== "General")
    .sort(([a], [b]) => a - b)
    .map(([key, cell]) => {
      const row = keyRow(key);
      const col = keyCol(key);
      return {
        address: cellAddress(row, col),
        value: cell.error ?? fake.formulaValue(sheet, row, col, cell),
        formula: cell.formula ?? null,
        numberFormat: cell.numberFormat,
      };
    });
}
