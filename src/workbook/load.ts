/**
 * From a raw workbook to a checked model: reads the input sheets, validates them and builds
 * the domain model. The language of messages is the workbook's (Chinese sheet names →
 * zh-CN) unless the caller chooses one.
 */
import type { Model } from "../core/model";
import type { Problem } from "./problems";
import type { RawWorkbook } from "./raw";
import { readWorkbook } from "./reader";
import type { Lang } from "./schema";
import { validateWorkbook } from "./validate";

export interface LoadOptions {
  lang?: Lang;
  /** ISO date for a blank `as_of`; default: today on this machine's calendar. */
  today?: string;
}

export interface LoadResult {
  /** Present when no problem is an error (warnings do not block). */
  model?: Model;
  problems: Problem[];
  lang: Lang;
}

/** Today's date on the local calendar, ISO. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The language a workbook speaks: zh-CN when its input sheets are named in Chinese. */
export function detectLang(raw: RawWorkbook): Lang {
  return readWorkbook(raw, { rows: false }).lang;
}

/**
 * Reads and validates a workbook.
 *
 * @example const { model, problems } = loadModel(await readXlsx("cycle.xlsx"));
 */
export function loadModel(raw: RawWorkbook, opts: LoadOptions = {}): LoadResult {
  const lang = opts.lang ?? detectLang(raw);
  const { model, problems } = validateWorkbook(raw, { lang, today: opts.today ?? localToday() });
  return { model, problems, lang };
}
