/**
 * Working-day arithmetic on ISO dates (`YYYY-MM-DD`). Working days are Monday to
 * Friday; there is no holiday calendar and no time zone: a date is a calendar day,
 * handled as a whole number of days since 1970-01-01 (UTC), so the result never
 * depends on where the code runs.
 */
import { valueError } from "./errors";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of an ISO date; throws a `bad_date` error for anything else,
 * including impossible days such as `2025-02-30`.
 *
 * @example dayNumber("1970-01-02") // 1
 */
export function dayNumber(date: string): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const day = parseDayNumber(date);
  if (dayNumbers.size >= DATES_KEPT) dayNumbers.clear();
  dayNumbers.set(date, day);
  return day;
}

/**
 * Dates already converted, both ways: a plan converts the same few hundred dates for every
 * task. Bounded, since dates are user input.
 */
const dayNumbers = new Map<string, number>();
const isoDates = new Map<number, string>();
const DATES_KEPT = 4096;

function parseDayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    // Date.UTC rolls 02-30 over to 03-02; a round trip that changes the day means the date does not exist.
    if (back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day) {
      return Math.round(ms / MS_PER_DAY);
    }
  }
  throw valueError("bad_date", `"${date}" is not a date in the form YYYY-MM-DD`, { value: date });
}

/** The ISO date of a day number; inverse of `dayNumber`. */
export function isoDate(day: number): string {
  let date = isoDates.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoDates.size >= DATES_KEPT) isoDates.clear();
    isoDates.set(day, date);
  }
  return date;
}

/** True for a well-formed, existing ISO date. */
export function isIsoDate(text: string): boolean {
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function isWorkingDayNumber(day: number): boolean {
  return weekdayIndex(day) < 5;
}

/** @example isWorkingDay("2025-03-08") // false: a Saturday */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(dayNumber(date));
}

/**
 * The date itself when it is a working day, else the following Monday.
 *
 * @example workingDayOnOrAfter("2025-03-08") // "2025-03-10"
 */
export function workingDayOnOrAfter(date: string): string {
  const day = dayNumber(date);
  const weekday = weekdayIndex(day);
  return weekday < 5 ? date : isoDate(day + (7 - weekday));
}

/** The next calendar day. @example nextDay("2025-02-28") // "2025-03-01" */
export function nextDay(date: string): string {
  return isoDate(dayNumber(date) + 1);
}

/** Working days from Monday 1969-12-29 up to and including `day` (negative before it): a running total. */
function workingDaysThrough(day: number): number {
  // Count from an anchor Monday so that whole weeks contribute 5 and the partial week at most 5.
  const sinceMonday = day + 3; // 1969-12-29 (day -3) was a Monday
  const weeks = Math.floor(sinceMonday / 7);
  const rest = sinceMonday - weeks * 7; // 0 = Monday
  return weeks * 5 + Math.min(rest + 1, 5);
}

/**
 * Working days from `start` to `end`, both included; 0 when `end` is before `start`.
 * Same as Excel's NETWORKDAYS for start ≤ end.
 *
 * @example countWorkingDays("2025-03-03", "2025-03-09") // 5 (Mon to Sun)
 */
export function countWorkingDays(start: string, end: string): number {
  const first = dayNumber(start);
  const last = dayNumber(end);
  if (last < first) return 0;
  return workingDaysThrough(last) - workingDaysThrough(first - 1);
}

/**
 * The date `n` working days after `date` (before it for negative `n`), like Excel's
 * WORKDAY without holidays: the start date itself is not counted, and `n = 0` returns
 * `date` unchanged even on a weekend.
 *
 * @example addWorkingDays("2025-03-07", 1) // "2025-03-10": Friday + 1 is Monday
 * @example addWorkingDays("2025-03-08", 1) // "2025-03-10": Saturday + 1 is Monday
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n)) {
    throw valueError("bad_working_days", `${n} is not a whole number of working days`, { value: n });
  }
  let day = dayNumber(date);
  if (n === 0) return date;
  const step = n > 0 ? 1 : -1;
  // From a weekend, counting forward behaves as from the Friday before, backward as from the Monday after;
  // from a working day, every 5 working days are exactly one calendar week.
  while (!isWorkingDayNumber(day)) day -= step;
  let remaining = Math.abs(n);
  day += step * 7 * Math.floor(remaining / 5);
  remaining %= 5;
  while (remaining > 0) {
    day += step;
    if (isWorkingDayNumber(day)) remaining -= 1;
  }
  return isoDate(day);
}
