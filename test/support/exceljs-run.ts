/**
 * The one-click run through exceljs's workbook model: read the file, run the cycle, render the
 * plan into the same workbook (input sheets kept, marked sheets replaced, stale ones removed)
 * and add the charts. The product streams instead (hosts/file/stream); this second renderer
 * of the same plan is the tests' independent reference for it, cell for cell.
 */
import type ExcelJS from "exceljs";
import { loadWorkbook, type Progress } from "../../src/hosts/file/run";
import { rawWorkbookOf } from "../../src/hosts/file/read-xlsx";
import { renderPlanToWorkbook, saveRenderedWorkbook } from "../../src/hosts/file/render-xlsx";
import { isReportMarker, sheetOfMarkerRef } from "../../src/workbook/markers";
import type { WorkbookPlan } from "../../src/workbook/plan";
import type { LoadOptions } from "../../src/workbook/load";
import { runCycle, type CycleRun } from "../../src/workbook/pipeline";
import type { Problem } from "../../src/workbook/problems";
import type { Lang } from "../../src/workbook/schema";

export type FileRunOutcome =
  { ok: true; xlsx: Uint8Array; run: CycleRun } | { ok: false; lang: Lang; problems: Problem[] };

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
