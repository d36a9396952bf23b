/**
 * An .xlsx file loaded into exceljs's workbook model, for what re-saves a whole workbook:
 * make-portable, and a pane settings edit of a cell that holds a formula. (The one-click run and
 * other settings edits keep the file's own parts: hosts/file/stream.)
 */
import ExcelJS from "exceljs";
import { WorkbookFileError } from "./read-xlsx";

/** A run's progress: the step's name and how far it is. */
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
