/**
 * Reads the workbook open in Excel into the host-neutral RawWorkbook (workbook/raw.ts) in
 * two syncs, however many sheets and rows there are: the first lists sheets and tables,
 * the second loads every sheet's used range and every table's address in one batch. The
 * workbook's defined names come with the first (they carry the generated sheets' markers).
 */
import type { RawCell, RawSheet, RawWorkbook } from "../../workbook/raw";
import { splitSheetRef } from "./refs";

/** One cell from `values` and `valueTypes`: errors become RawError, blanks null; date serials stay numbers. */
export function rawCell(value: unknown, type: string): RawCell {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    case "Boolean":
      return typeof value === "boolean" ? value : String(value).toUpperCase() === "TRUE";
    default:
      // Text, and rich values (linked data types) as the text they show.
      return value === "" || value === null || value === undefined
        ? null
        : typeof value === "string"
          ? value
          : String(value);
  }
}

export async function readWorkbookFromExcel(context: Excel.RequestContext): Promise<RawWorkbook> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name,items/worksheet/name");
  const names = context.workbook.names.load("items/name,items/formula");
  await context.sync();

  const used = worksheets.items.map((sheet) =>
    sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,values,valueTypes"),
  );
  const tableRanges = tables.items.map((table) => table.getRange().load("address"));
  await context.sync();

  return {
    definedNames: names.items.map((n) => ({ name: n.name, ref: String(n.formula).replace(/^=/, "") })),
    sheets: worksheets.items.map((sheet, i): RawSheet => {
      const range = used[i];
      const sheetTables = tables.items
        .map((table, t) => ({ table, t }))
        .filter(({ table }) => table.worksheet.name === sheet.name)
        .map(({ table, t }) => ({ name: table.name, ref: splitSheetRef(tableRanges[t].address).address }));
      const base: RawSheet = {
        name: sheet.name,
        rows: [],
        ...(sheetTables.length > 0 ? { tables: sheetTables } : {}),
      };
      if (range.isNullObject) return base;
      return {
        ...base,
        rows: range.values.map((row, r) => row.map((value, c) => rawCell(value, range.valueTypes[r][c]))),
        origin: { row: range.rowIndex + 1, col: range.columnIndex + 1 },
      };
    }),
  };
}
