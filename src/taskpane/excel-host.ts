/**
 * The pane inside Excel: the workbook is the one open in Excel, read and written with
 * Office.js through hosts/office. Every write is preceded by a full read and validation, and
 * the render itself is never interrupted once begun, so a failure or a Cancel leaves
 * nothing half-written.
 */
import { valueError } from "../core/errors";
import { cellInput, type FormulaMode } from "../hosts/office/cells";
import { makePortableInExcel } from "../hosts/office/portable";
import { readWorkbookFromExcel } from "../hosts/office/read";
import { renderPlanInExcel } from "../hosts/office/render";
import type { WorkbookPlan } from "../workbook/plan";
import { runCycle } from "../workbook/pipeline";
import { parseAddress } from "../workbook/a1";
import type { RawWorkbook } from "../workbook/raw";
import { INPUT_SHEETS, sheetName, type Lang } from "../workbook/schema";
import {
  checkpoint,
  type GenerateOutcome,
  type Job,
  type PaneHost,
  type PortableOutcome,
  type Written,
} from "./host";
import { settingCellEdits, type CellEdit } from "./settings-edits";

/** PERF.* formulas when Excel runs the add-in's custom functions, classic formulas otherwise. */
function formulaMode(): FormulaMode {
  return Office.context.requirements.isSetSupported("CustomFunctionsRuntime", "1.1") ? "perf" : "native";
}

/**
 * Appended settings rows (keys the sheet did not list) as rows of the table right above
 * them, when there is one, so the table — which is what the reader reads — takes them in.
 */
function tableRowsFor(raw: RawWorkbook, edits: readonly CellEdit[]) {
  const appended = edits.filter((e) => e.appended);
  if (appended.length === 0) return undefined;
  const sheet = raw.sheets.find((s) => s.name === appended[0].sheet);
  const firstRow = Math.min(...appended.map((e) => e.row));
  for (const table of sheet?.tables ?? []) {
    const [a, b = a] = table.ref.split(":");
    const top = parseAddress(a);
    const bottom = parseAddress(b);
    if (!top || !bottom || bottom.row !== firstRow - 1) continue;
    const rows = [...new Set(appended.map((e) => e.row))].sort((x, y) => x - y);
    const values = rows.map((row) => {
      const cells: (string | number | boolean)[] = Array.from({ length: bottom.col - top.col + 1 }, () => "");
      for (const e of appended.filter((x) => x.row === row))
        cells[e.col - top.col] = cellInput(e.value, "native");
      return cells;
    });
    return { table: table.name, values };
  }
  return undefined;
}

export function createExcelHost(formulas: () => FormulaMode = formulaMode): PaneHost {
  const render = (plan: WorkbookPlan, job: Job): Promise<Written> => {
    // Last chance to cancel: once the render starts it runs to the end.
    checkpoint(job.signal);
    job.step("write", 0, 1);
    return Excel.run(async (context) => {
      await renderPlanInExcel(context, plan, {
        formulas: formulas(),
        onProgress: (done, total) => job.progress("write", done, total),
      });
      return { sheets: plan.sheets.map((s) => s.name) };
    });
  };
  const read = async (job: Job): Promise<RawWorkbook> => {
    job.step("read", 0, 2);
    const raw = await Excel.run(readWorkbookFromExcel);
    job.step("check", 1, 2);
    return raw;
  };

  return {
    mode: "excel",
    workbookName: () => null,
    read,

    async generate(lang: Lang, job: Job): Promise<GenerateOutcome> {
      const raw = await read(job);
      job.step("compute", 1, 3);
      const outcome = runCycle(raw);
      if (!outcome.ok) {
        const shown = outcome.lang === lang ? outcome : runCycle(raw, { lang });
        return { ok: false, problems: shown.ok ? shown.run.problems : shown.problems };
      }
      const written = await render(outcome.run.plan, job);
      job.progress("done", 1, 1);
      return {
        ok: true,
        written,
        employees: outcome.run.result.employees.length,
        sheets: outcome.run.plan.sheets.length,
      };
    },

    writeSheets: render,
    createTemplate: (plan, job) => render(plan, job),

    async makePortable(job: Job): Promise<PortableOutcome> {
      job.step("write", 0, 1);
      // One Excel.run: read every sheet's formulas, then write the native ones; not interrupted.
      const report = await Excel.run(makePortableInExcel);
      job.progress("done", 1, 1);
      return { written: { sheets: [] }, rewritten: report.rewritten, skipped: report.skipped.length };
    },

    async writeSettings(values: Record<string, string>, job: Job): Promise<void> {
      job.step("read", 0, 2);
      await Excel.run(async (context) => {
        const raw = await readWorkbookFromExcel(context);
        const edits = settingCellEdits(raw, values);
        if (!edits) {
          const settings = INPUT_SHEETS.find((d) => d.key === "settings")!;
          throw valueError("sheet_missing", "no Settings sheet", { sheet: sheetName(settings, "en-US") });
        }
        job.step("write", 1, 2);
        const intoTable = tableRowsFor(raw, edits);
        for (const e of edits) {
          if (intoTable && e.appended) continue;
          const sheet = context.workbook.worksheets.getItem(e.sheet);
          sheet.getCell(e.row - 1, e.col - 1).values = [[cellInput(e.value, "native")]];
        }
        if (intoTable) context.workbook.tables.getItem(intoTable.table).rows.add(undefined, intoTable.values);
        await context.sync();
      });
      job.progress("done", 2, 2);
    },

    async selectCell(sheet: string, cell: string): Promise<void> {
      await Excel.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      });
    },
  };
}
