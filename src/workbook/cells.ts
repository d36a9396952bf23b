/**
 * Reading one cell the way HR types it (SPEC §2): `85%`, `0.85`, `1,234.5`, full-width
 * `１２３`, `¥1,200`, `$5`, date serials and ISO text dates. A cell that cannot mean what
 * its column needs gives a problem code with params (never text), which validation locates.
 */
import { toFraction } from "../core/percent";
import { matchWord } from "../core/vocabulary";
import { normalizeId } from "../core/tasks/ids";
import type { MessageParams } from "../core/errors";
import { isRawError, RawCell } from "./raw";

/** A parsed cell: `value` undefined means the cell is blank. */
export type Parsed<T> =
  { ok: true; value: T | undefined } | { ok: false; code: string; params: MessageParams };

const blank = <T>(): Parsed<T> => ({ ok: true, value: undefined });
const good = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(code: string, params: MessageParams): Parsed<T> => ({ ok: false, code, params });

/** How a cell shows in a message: `#DIV/0!`, `abc`, `2024-03-01`. */
export function displayCell(cell: RawCell): string {
  if (cell === null) return "";
  if (isRawError(cell)) return cell.error;
  if (cell instanceof Date) return dateToIso(cell);
  return String(cell);
}

/** Blank = null, or text that is only white space. */
export function isBlankCell(cell: RawCell | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === "");
}

function excelError<T>(cell: RawCell): Parsed<T> | undefined {
  return isRawError(cell) ? bad("cell_excel_error", { value: cell.error }) : undefined;
}

/** Symbols and words a money amount may carry around its digits. */
const CURRENCY = /^(?:[¥$€£]|cny|rmb|usd|eur|元|人民币)+|(?:[¥$€£]|cny|rmb|usd|eur|元|人民币)+$/gi;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * A number typed as text, or undefined. NFKC folds full-width digits, `，`, `．`, `％` and
 * `￥`; thousands separators must group by three (so `1,2` stays an error rather than
 * silently meaning 12 or 1.2); `(1,200)` is the accountant's −1200; a trailing `%` divides
 * by 100, as Excel does when one types `85%`.
 *
 * @example textToNumber("¥1,234.5") // 1234.5
 * @example textToNumber("８５％") // 0.85
 */
export function textToNumber(text: string): { value: number; percent: boolean } | undefined {
  let s = text.normalize("NFKC").trim();
  let sign = 1;
  const accounting = /^\((.*)\)$/.exec(s);
  if (accounting) {
    s = accounting[1].trim();
    sign = -1;
  }
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  // A sign may stand before the currency symbol: `-¥1,200`.
  let leading = "";
  if (/^[+-]/.test(s)) {
    leading = s[0];
    s = s.slice(1);
  }
  s = leading + s.replace(CURRENCY, "").trim();
  if (GROUPED_NUMBER.test(s)) s = s.replace(/,/g, "");
  if (!PLAIN_NUMBER.test(s)) return undefined;
  const value = sign * Number(s);
  if (!Number.isFinite(value)) return undefined;
  return { value: percent ? value / 100 : value, percent };
}

/**
 * Any number. Booleans are refused except with `booleans` (a yes/no actual of a binary KPI:
 * TRUE = 1, FALSE = 0); a date in a number column is refused, it is almost always a value
 * Excel turned into a date by accident.
 */
export function parseNumber(cell: RawCell, opts: { booleans?: boolean } = {}): Parsed<number> {
  if (isBlankCell(cell)) return blank();
  const error = excelError<number>(cell);
  if (error) return error;
  if (typeof cell === "number") {
    return Number.isFinite(cell) ? good(cell) : bad("cell_not_number", { value: String(cell) });
  }
  if (typeof cell === "boolean" && opts.booleans) return good(cell ? 1 : 0);
  if (typeof cell === "string") {
    const read = textToNumber(cell);
    if (read) return good(read.value);
  }
  return bad("cell_not_number", { value: displayCell(cell) });
}

/**
 * A percent as a fraction: `0.4`, `40%` and `40` all give 0.4 (a bare number above 1 is
 * percent points, core/percent.ts); `150%` typed with its sign stays 1.5.
 */
export function parsePercent(cell: RawCell): Parsed<number> {
  if (isBlankCell(cell)) return blank();
  const error = excelError<number>(cell);
  if (error) return error;
  if (typeof cell === "number" && Number.isFinite(cell)) return good(toFraction(cell));
  if (typeof cell === "string") {
    const read = textToNumber(cell);
    if (read) return good(read.percent ? read.value : toFraction(read.value));
  }
  return bad("cell_not_percent", { value: displayCell(cell) });
}

/** A whole number (`3`, `３`, `3.0`). */
export function parseInteger(cell: RawCell): Parsed<number> {
  const read = parseNumber(cell);
  if (!read.ok || read.value === undefined) return read;
  const rounded = Math.round(read.value);
  if (Math.abs(read.value - rounded) > 1e-9) return bad("cell_not_integer", { value: displayCell(cell) });
  return good(rounded);
}

const DAY_MS = 86_400_000;
/** Excel's day 0 as the 1900 date system counts after its fictitious 1900-02-29 (serial 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** 9999-12-31, the last date Excel shows. */
const MAX_SERIAL = 2_958_465;

/** The calendar date of a Date as hosts give it (midnight UTC), ignoring any time of day. */
export function dateToIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Excel's serial number (1900 date system) of an ISO date; the inverse of serialToIso. Serials
 * from 61 (1900-03-01) on count days from 1899-12-30.
 *
 * @example isoToSerial("2024-01-01") // 45292
 */
export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: "${iso}"`);
  const serial = Math.round(
    (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EXCEL_EPOCH_MS) / DAY_MS,
  );
  // Excel counts the fictitious 1900-02-29 (serial 60): earlier dates are one less.
  return serial < 61 ? serial - 1 : serial;
}

/**
 * ISO date of an Excel date serial (1900 system); a time of day is dropped.
 *
 * @example serialToIso(45292) // "2024-01-01"
 */
export function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL + 1) return undefined;
  const day = Math.floor(serial);
  // Serials below 61 count from 1899-12-31 (Excel believes 1900 was a leap year).
  const ms = day < 61 ? Date.UTC(1899, 11, 31) + day * DAY_MS : EXCEL_EPOCH_MS + day * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/** `2024-03-01`, `2024/3/1`, `2024.3.1`, `2024年3月1日`: year, month, day. */
const TEXT_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/;

/** ISO text of a real calendar date, or undefined for `2024-02-30`. */
function isoOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/** A date as ISO `YYYY-MM-DD`: a Date, a date serial, or date text. */
export function parseDate(cell: RawCell): Parsed<string> {
  if (isBlankCell(cell)) return blank();
  const error = excelError<string>(cell);
  if (error) return error;
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? bad("cell_not_date", { value: "" }) : good(dateToIso(cell));
  }
  if (typeof cell === "number") {
    const iso = serialToIso(cell);
    return iso ? good(iso) : bad("cell_not_date", { value: String(cell) });
  }
  if (typeof cell === "string") {
    const text = cell.normalize("NFKC").trim();
    const parts = TEXT_DATE.exec(text);
    if (parts) {
      const iso = isoOf(Number(parts[1]), Number(parts[2]), Number(parts[3]));
      if (iso) return good(iso);
    } else if (/^\d+(\.\d+)?$/.test(text)) {
      const iso = serialToIso(Number(text));
      if (iso) return good(iso);
    }
  }
  return bad("cell_not_date", { value: displayCell(cell) });
}

/**
 * An identifier: trimmed text, full-width folded (`Ｅ００１` is `E001`); a number is read
 * as its text (`1001`).
 */
export function parseId(cell: RawCell): Parsed<string> {
  if (isBlankCell(cell)) return blank();
  const error = excelError<string>(cell);
  if (error) return error;
  if (typeof cell === "number") return good(String(cell));
  if (typeof cell === "string") return good(normalizeId(cell));
  return bad("cell_not_id", { value: displayCell(cell) });
}

/** Free text, trimmed; numbers and dates read as they show. */
export function parseText(cell: RawCell): Parsed<string> {
  if (isBlankCell(cell)) return blank();
  const error = excelError<string>(cell);
  if (error) return error;
  if (typeof cell === "boolean") return good(cell ? "TRUE" : "FALSE");
  return good(displayCell(cell).trim());
}

/** One of `values`, typed in English or Chinese (core/vocabulary.ts). */
export function parseEnum<T extends string>(cell: RawCell, values: readonly T[]): Parsed<T> {
  const text = parseText(cell);
  if (!text.ok) return text;
  if (text.value === undefined) return blank();
  const value = matchWord(text.value, values);
  return value !== undefined
    ? good(value)
    : bad("cell_unknown_value", { value: text.value, allowed: values.join(", ") });
}
