/**
 * The personal review files (one per employee, SPEC §8), built in the browser with the file
 * host; the zip is offered only once every file is in it. Loaded on demand: it brings exceljs.
 */
import JSZip from "jszip";
import { personalPlans } from "../workbook/export";
import { readUserEdits } from "../workbook/pipeline";
import type { Analysis } from "./cycle-view";
import { planToXlsx } from "./file-host";
import { personalFileName } from "./files";
import type { Download, Job } from "./host";

/** One person's review file (that person's data only). */
export async function personalFile(analysis: Analysis, employeeId: string): Promise<Download | undefined> {
  if (!analysis.run) return undefined;
  const found = personalPlans(analysis.run, readUserEdits(analysis.raw)).find(
    (p) => p.employeeId === employeeId,
  );
  if (!found) return undefined;
  return { fileName: personalFileName(employeeId), bytes: await planToXlsx(found.plan) };
}

/** Every employee's review file in one zip, cancellable between files. */
export async function personalFilesZip(
  analysis: Analysis,
  job: Job,
  zipName: string,
): Promise<Download & { count: number }> {
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
