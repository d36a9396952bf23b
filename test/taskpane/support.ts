/** Sample workbooks for the pane's tests, read as any host would read them. */
import { rawWorkbookOf } from "../../src/hosts/file/read-xlsx";
import { loadWorkbook } from "../../src/hosts/file/run";
import { planToXlsx } from "../../src/taskpane/file-host";
import type { RawWorkbook } from "../../src/workbook/raw";
import { sampleData, type SampleData } from "../../src/workbook/sample";
import type { Lang } from "../../src/workbook/schema";
import { templatePlan } from "../../src/workbook/template";

/** A fixed date for blank `as_of`, so results do not depend on the day the tests run. */
export const TODAY = "2026-11-23";

/** The sample department's input workbook as .xlsx bytes (edited first if asked). */
export async function sampleXlsx(lang: Lang, edit?: (d: SampleData) => void): Promise<Uint8Array> {
  const data = sampleData(lang);
  edit?.(data);
  return planToXlsx(templatePlan(lang, data));
}

/** The sample workbook as a RawWorkbook. */
export async function sampleRaw(lang: Lang, edit?: (d: SampleData) => void): Promise<RawWorkbook> {
  return rawWorkbookOf(await loadWorkbook(await sampleXlsx(lang, edit)));
}
