/**
 * What the pane asks of the workbook it works on. Two implementations: Excel's open workbook
 * (excel-host.ts, Office.js) and a chosen .xlsx file in a plain browser (file-host.ts,
 * exceljs). Components receive one through props or context and never call Office or
 * exceljs themselves, so they are tested with a fake.
 */
import { isPerfError } from "../core/errors";
import { formatMessage, MESSAGES } from "../core/messages";
import type { WorkbookPlan } from "../workbook/plan";
import type { Problem } from "../workbook/problems";
import type { RawWorkbook } from "../workbook/raw";
import type { Lang } from "../workbook/schema";

/** The named steps a long job reports (strings.ts has a `progress_<step>` label for each). */
export type ProgressStep =
  "read" | "check" | "compute" | "render" | "charts" | "write" | "save" | "zip" | "done";

/** A long piece of work: where it stands, and whether the user cancelled it. */
export interface Job {
  signal: AbortSignal;
  /** Reports the current step; throws `JobCancelled` when the user has cancelled. */
  step(step: ProgressStep, done: number, total: number): void;
  /** Reports progress only: for work that must not stop half-way (a write already begun). */
  progress(step: ProgressStep, done: number, total: number): void;
}

/** Thrown between steps once the user cancelled: nothing after that point is written. */
export class JobCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "JobCancelled";
  }
}

/** Throws `JobCancelled` when the job was cancelled. */
export function checkpoint(signal: AbortSignal): void {
  if (signal.aborted) throw new JobCancelled();
}

/** Lets the browser paint the progress and handle a Cancel click before more synchronous work. */
export function breathe(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) =>
    setTimeout(() => (signal.aborted ? reject(new JobCancelled()) : resolve()), 0),
  );
}

/** A file the pane offers for download. */
export interface Download {
  fileName: string;
  bytes: Uint8Array;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What a write did: the sheets written (Excel) and/or a file to download (file mode). */
export interface Written {
  sheets: string[];
  download?: Download;
}

/** What "make portable" did: cells rewritten to classic formulas, cells left alone, the result. */
export interface PortableOutcome {
  written: Written;
  rewritten: number;
  skipped: number;
}

/** A whole-cycle run: written, or refused with the problems that stopped it. */
export type GenerateOutcome =
  { ok: true; written: Written; employees: number; sheets: number } | { ok: false; problems: Problem[] };

export interface PaneHost {
  mode: "excel" | "file";
  /** Name of the workbook worked on, for messages; null in file mode before one is chosen. */
  workbookName(): string | null;
  /** Reads the input workbook (in file mode, the chosen file with settings applied). */
  read(job: Job): Promise<RawWorkbook>;
  /**
   * The whole cycle: read, validate, and only when nothing is in error, every generated sheet.
   * Problems come back in `lang`.
   */
  generate(lang: Lang, job: Job): Promise<GenerateOutcome>;
  /** Writes these sheets of a plan into the open workbook (Excel only). */
  writeSheets?(plan: WorkbookPlan, job: Job): Promise<Written>;
  /** The input template: written into the open workbook (Excel) or offered as a file. */
  createTemplate(plan: WorkbookPlan, job: Job, fileName: string): Promise<Written>;
  /** Writes settings (key → value as a user would type it) to the Settings sheet. */
  writeSettings(values: Record<string, string>, job: Job): Promise<void>;
  /** Selects a cell in Excel (absent in file mode: the pane shows the location instead). */
  selectCell?(sheet: string, cell: string): Promise<void>;
  /**
   * Makes the workbook portable: PERF formulas become classic ones (in Excel, in place; in
   * file mode, a copy of the chosen file offered for download).
   */
  makePortable(job: Job): Promise<PortableOutcome>;
}

/**
 * A thrown error as a problem to show, when it is one the user can act on (the engine's
 * PerfError, e.g. `sheet_is_user_data` from a render); otherwise undefined.
 */
export function problemOfError(e: unknown, lang: Lang): Problem | undefined {
  if (!isPerfError(e)) return undefined;
  const message = MESSAGES[e.code] ? formatMessage(e.code, e.params, lang) : e.message;
  const sheet = typeof e.params.sheet === "string" ? e.params.sheet : "";
  return { sheet, cell: "A1", code: e.code, message, severity: "error" };
}
