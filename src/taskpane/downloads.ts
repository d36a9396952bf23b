/**
 * Files the pane hands to the user: the template, the review workbook, and the personal
 * review files (one per employee, SPEC §8) zipped together. Built in the browser with the
 * file host; nothing is offered until the whole file is built.
 */
import JSZip from "jszip";
import { personalPlans } from "../workbook/export";
import { readUserEdits } from "../workbook/pipeline";
import { sampleData } from "../workbook/sample";
import type { Lang } from "../workbook/schema";
import { templatePlan } from "../workbook/template";
import type { WorkbookPlan } from "../workbook/plan";
import type { Analysis } from "./cycle-view";
import { planToXlsx } from "./file-host";
import { XLSX_MIME, type Download, type Job } from "./host";

/** The input template's plan and file name, empty or with the sample department. */
export function templateFile(lang: Lang, withSample: boolean): { plan: WorkbookPlan; fileName: string } {
  const plan = templatePlan(lang, withSample ? sampleData(lang) : undefined);
  const fileName =
    lang === "zh-CN"
      ? withSample
        ? "绩效考核示例.xlsx"
        : "绩效考核模板.xlsx"
      : withSample
        ? "perfsheet-sample.xlsx"
        : "perfsheet-template.xlsx";
  return { plan, fileName };
}

/**
 * An employee id as a file name: letters (any script), digits, `_`, `.` and `-` kept.
 *
 * @example personalFileName("E/001") // "E_001.xlsx"
 */
export function personalFileName(employeeId: string): string {
  return employeeId.replace(/[^\p{L}\p{N}_.-]/gu, "_") + ".xlsx";
}

/** One person's review file (that person's data only). */
export async function personalFile(analysis: Analysis, employeeId: string): Promise<Download | undefined> {
  if (!analysis.run) return undefined;
  const found = personalPlans(analysis.run, readUserEdits(analysis.raw)).find((p) => p.employeeId === employeeId);
  if (!found) return undefined;
  return { fileName: personalFileName(employeeId), bytes: await planToXlsx(found.plan) };
}

/** Every employee's review file in one zip, cancellable between files. */
export async function personalFilesZip(analysis: Analysis, job: Job, zipName: string): Promise<Download & { count: number }> {
  const run = analysis.run;
  if (!run) throw new Error("the workbook has errors");
  const plans = personalPlans(run, readUserEdits(analysis.raw));
  const zip = new JSZip();
  for (const [i, { employeeId, plan }] of plans.entries()) {
    job.step("zip", i, plans.length);
    zip.file(personalFileName(employeeId), await planToXlsx(plan));
  }
  job.step("save", plans.length, plans.length);
  const bytes = await zip.generateAsync({ type: "uint8array" });
  job.step("done", plans.length, plans.length);
  return { fileName: zipName, bytes, count: plans.length };
}

/** Starts the browser's download of a file (an object URL clicked through a hidden link). */
export function offerDownload(file: Download): void {
  const type = file.fileName.endsWith(".zip") ? "application/zip" : XLSX_MIME;
  const url = URL.createObjectURL(new Blob([file.bytes], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
