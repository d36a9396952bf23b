/**
 * The pane outside Office: the workbook is an .xlsx file the user chose, handled by the file
 * host in the browser. A run streams the review workbook (hosts/file/stream, as the CLI) and
 * offers it for download. Settings edited in the pane are set in the chosen file's Settings
 * sheet, in its own XML, so the next run and the download carry them; make-portable goes
 * through exceljs.
 */
import type ExcelJS from "exceljs";
import { valueError } from "../core/errors";
import { WorkbookFileError } from "../hosts/file/read-xlsx";
import { renderPlanToWorkbook, saveRenderedWorkbook } from "../hosts/file/render-xlsx";
import { makePortableXlsx } from "../hosts/file/portable";
import { loadWorkbook } from "../hosts/file/run";
import { patchCells } from "../hosts/file/stream/patch-cells";
import { readXlsxFast } from "../hosts/file/stream/read-fast";
import { runWorkbookFileStreamed } from "../hosts/file/stream/run-stream";
import type { WorkbookPlan } from "../workbook/plan";
import { runCycle } from "../workbook/pipeline";
import type { RawWorkbook } from "../workbook/raw";
import { INPUT_SHEETS, sheetName, type Lang } from "../workbook/schema";
import type { GenerateOutcome, Job, PaneHost, PortableOutcome, ProgressStep, Written } from "./host";
import { settingCellEdits } from "./settings-edits";

export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

export interface FileHost extends PaneHost {
  mode: "file";
  /** The file the pane works on from now on. */
  useFile(file: ChosenFile): void;
  /** The file as it stands (with any settings applied), or null. */
  file(): ChosenFile | null;
}

/** The review workbook's file name: `cycle.xlsx` → `cycle-review.xlsx`. */
export function reviewFileName(input: string): string {
  const base = input.replace(/\.xlsx$/i, "") || "perfsheet";
  return `${base}-review.xlsx`;
}

/** The portable copy's file name: `cycle.xlsx` → `cycle-portable.xlsx`. */
export function portableFileName(input: string): string {
  const base = input.replace(/\.xlsx$/i, "") || "perfsheet";
  return `${base}-portable.xlsx`;
}

/** The bytes of a workbook rendered from a plan, charts included. */
export async function planToXlsx(plan: WorkbookPlan, wb?: ExcelJS.Workbook): Promise<Uint8Array> {
  return saveRenderedWorkbook(renderPlanToWorkbook(plan, wb), plan);
}

const RUN_STEPS: Record<string, ProgressStep> = {
  read: "read",
  compute: "compute",
  render: "render",
  charts: "charts",
  done: "done",
};

export function createFileHost(initial: ChosenFile | null = null): FileHost {
  let chosen = initial;

  const current = (): ChosenFile => {
    if (!chosen) throw new Error("no workbook chosen");
    return chosen;
  };
  /** Runs work on a file, turning an unreadable file into the user's message. */
  const readable = async <T>(file: ChosenFile, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof WorkbookFileError) throw valueError("file_unreadable", e.message, { file: file.name });
      throw e;
    }
  };
  const load = (file: ChosenFile): Promise<ExcelJS.Workbook> =>
    readable(file, () => loadWorkbook(file.bytes, file.name));
  const readRaw = async (job: Job): Promise<RawWorkbook> => {
    job.step("read", 0, 2);
    const file = current();
    const raw = await readable(file, async () => readXlsxFast(file.bytes, file.name).raw);
    job.step("check", 1, 2);
    return raw;
  };

  return {
    mode: "file",
    workbookName: () => chosen?.name ?? null,
    useFile(file) {
      chosen = file;
    },
    file: () => chosen,
    read: readRaw,

    async generate(lang: Lang, job: Job): Promise<GenerateOutcome> {
      const file = current();
      // The streaming writer, as in the CLI: the chosen file's parts are copied as they are, so
      // the user's sheets keep their charts and pictures in the download.
      const outcome = await readable(file, () =>
        runWorkbookFileStreamed(file.bytes, {
          onProgress: (step, done, total) => job.step(RUN_STEPS[step] ?? "compute", done, total),
        }),
      );
      if (!outcome.ok) {
        // The run speaks the workbook's language; say the problems in the pane's.
        if (outcome.lang === lang) return { ok: false, problems: outcome.problems };
        const again = runCycle(await readRaw(job), { lang });
        return { ok: false, problems: again.ok ? again.run.problems : again.problems };
      }
      job.step("done", 1, 1);
      const { run } = outcome;
      const sheets = run.deferredPlan.sheets.map((s) => s.name);
      return {
        ok: true,
        employees: run.result.employees.length,
        sheets: sheets.length,
        written: {
          sheets,
          download: { fileName: reviewFileName(file.name), bytes: outcome.xlsx },
        },
      };
    },

    async createTemplate(plan: WorkbookPlan, job: Job, fileName: string): Promise<Written> {
      job.step("render", 0, 2);
      const bytes = await planToXlsx(plan);
      job.step("done", 2, 2);
      return { sheets: plan.sheets.map((s) => s.name), download: { fileName, bytes } };
    },

    async makePortable(job: Job): Promise<PortableOutcome> {
      const file = current();
      job.step("read", 0, 2);
      const report = await readable(file, () => makePortableXlsx(file.bytes));
      job.step("done", 2, 2);
      return {
        written: {
          sheets: [],
          download: { fileName: portableFileName(file.name), bytes: new Uint8Array(report.xlsx) },
        },
        rewritten: report.rewritten,
        skipped: report.skipped.length,
      };
    },

    async writeSettings(values: Record<string, string>, job: Job): Promise<void> {
      const file = current();
      job.step("read", 0, 3);
      const edits = settingCellEdits(await readRaw(job), values);
      if (!edits) {
        const settings = INPUT_SHEETS.find((d) => d.key === "settings")!;
        throw valueError("sheet_missing", "no Settings sheet", { sheet: sheetName(settings, "en-US") });
      }
      job.step("write", 1, 3);
      // The cells are set in the file's own XML, every other part kept as it is; a sheet this
      // cannot edit with certainty (a formula in a value cell) goes through exceljs instead,
      // which re-saves the whole workbook.
      let bytes = patchCells(file.bytes, edits);
      if (!bytes) {
        const wb = await load(file);
        for (const e of edits) {
          const ws = wb.getWorksheet(e.sheet);
          if (ws) ws.getCell(e.row, e.col).value = e.value;
        }
        job.step("save", 2, 3);
        bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      }
      // Only a complete save replaces the chosen file.
      job.step("done", 3, 3);
      chosen = { name: file.name, bytes };
    },
  };
}
