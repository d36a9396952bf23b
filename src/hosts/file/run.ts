/**
 * The one-click run on an .xlsx file: read it, run the cycle, render the plan into the same
 * workbook (input sheets kept as they are, marked sheets replaced, users' edits carried
 * over) and add the charts. No file system here, so the task pane can run it in a browser.
 */
import ExcelJS from "exceljs";
import { runCycle, type CycleRun } from "../../workbook/pipeline";
import type { Problem } from "../../workbook/problems";
import type { Lang } from "../../workbook/schema";
import type { LoadOptions } from "../../workbook/load";
import { rawWorkbookOf, WorkbookFileError } from "./read-xlsx";
import { renderPlanToWorkbook, saveRenderedWorkbook } from "./render-xlsx";
import { isReportMarker, sheetOfMarkerRef } from "../../workbook/markers";
import type { WorkbookPlan } from "../../workbook/plan";

export type FileRunOutcome =
  { ok: true; xlsx: Uint8Array; run: CycleRun } | { ok: false; lang: Lang; problems: Problem[] };

export type Progress = (step: string, done: number, total: number) => void;

export async function loadWorkbook(
  bytes: Uint8Array | ArrayBuffer,
  name = "(file)",
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs takes an ArrayBuffer or a Node Buffer; a Uint8Array view is given as its exact bytes.
    const data =
      bytes instanceof ArrayBuffer
        ? bytes
        : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await workbook.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    throw new WorkbookFileError("unreadable", name, (e as Error).message);
  }
  giveTablesAStyle(workbook);
  return workbook;
}

/**
 * A table without `<tableStyleInfo>` (LibreOffice and some other programs write none) loads
 * with no style, and exceljs then fails when it saves the workbook. Such a table gets the
 * plain look it had: no style name, no stripes.
 */
function giveTablesAStyle(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    // getTables() gives Table objects; the type definitions say otherwise.
    for (const table of ws.getTables() as unknown as { table?: ExcelJS.TableProperties }[]) {
      if (table.table && !table.table.style) table.table.style = { showRowStripes: false };
    }
  }
}

/**
 * Deletes the sheets an earlier run generated that this plan no longer has (a review form of
 * someone who left), with their markers. Unmarked sheets, and make-portable's helper sheet
 * (users' formulas refer to it), are never touched.
 */
export function removeStaleGeneratedSheets(workbook: ExcelJS.Workbook, plan: WorkbookPlan): void {
  const planned = new Set(plan.sheets.map((s) => s.name));
  for (const defined of workbook.definedNames.model as { name: string; ranges: string[] }[]) {
    if (!isReportMarker(defined.name)) continue;
    for (const ref of defined.ranges) {
      const sheet = sheetOfMarkerRef(ref);
      if (sheet === undefined || planned.has(sheet)) continue;
      const ws = workbook.getWorksheet(sheet);
      if (ws) workbook.removeWorksheet(ws.id);
      workbook.definedNames.remove(ref, defined.name);
    }
  }
}

/**
 * Runs the cycle on the bytes of an .xlsx and returns the review workbook's bytes. With any
 * validation error nothing is rendered and the problems come back instead.
 */
export async function runWorkbookFile(
  bytes: Uint8Array | ArrayBuffer,
  opts: LoadOptions & { onProgress?: Progress } = {},
): Promise<FileRunOutcome> {
  const progress = opts.onProgress ?? (() => undefined);
  progress("read", 0, 4);
  const workbook = await loadWorkbook(bytes);
  progress("compute", 1, 4);
  const outcome = runCycle(rawWorkbookOf(workbook), opts);
  if (!outcome.ok) return outcome;
  progress("render", 2, 4);
  const { plan } = outcome.run;
  removeStaleGeneratedSheets(workbook, plan);
  renderPlanToWorkbook(plan, workbook);
  progress("charts", 3, 4);
  const xlsx = await saveRenderedWorkbook(workbook, plan);
  progress("done", 4, 4);
  return { ok: true, xlsx, run: outcome.run };
}
