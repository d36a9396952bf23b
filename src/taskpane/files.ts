/**
 * Files the pane hands to the user, the part that needs no workbook library: the template's
 * plan and name, personal file names, and starting a browser download.
 */
import { sampleData } from "../workbook/sample";
import type { Lang } from "../workbook/schema";
import { templatePlan } from "../workbook/template";
import type { WorkbookPlan } from "../workbook/plan";
import { XLSX_MIME, type Download } from "./host";

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
