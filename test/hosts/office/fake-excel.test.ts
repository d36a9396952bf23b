/** The fake behaves like Excel in what the Office host relies on. */
import { describe, expect, it } from "vitest";
import { FakeExcel, REQUEST_LIMIT_BYTES, snapshotSheet } from "../../support/fake-excel";

const setUp = () => {
  const fake = new FakeExcel();
  // Driven through the real Office.js types, as the host code drives it.
  const workbook = fake.context.workbook as unknown as Excel.Workbook;
  return { fake, workbook, sync: () => fake.context.sync() };
};

describe("FakeExcel", () => {
  it("applies queued operations at sync, not before", async () => {
    const { fake, workbook, sync } = setUp();
    workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["x", 2]];
    expect(fake.cell("Sheet1", "A1")).toBeUndefined();
    await sync();
    expect(fake.cell("Sheet1", "A1")?.value).toBe("x");
    expect(fake.syncs).toBe(1);
  });

  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read,
     office-addins/call-sync-after-load -- the mistakes these rules catch are what this test makes on purpose */
  it("throws PropertyNotLoaded for a property read before load and sync", async () => {
    const { workbook, sync } = setUp();
    const sheet = workbook.worksheets.getItem("Sheet1");
    expect(() => sheet.name).toThrow(/PropertyNotLoaded/);
    sheet.load("name");
    expect(() => sheet.name).toThrow(/PropertyNotLoaded/);
    await sync();
    expect(sheet.name).toBe("Sheet1");
    const sheets = workbook.worksheets;
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
  });
  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read,
     office-addins/call-sync-after-load */

  it("reads text input as Excel does: formulas, numbers, dates, booleans; an apostrophe keeps text", async () => {
    const { fake, workbook, sync } = setUp();
    const inputs = ["=1+2", "'=1+2", "001", "-5", "-abc", "@x", "2024-01-01", "TRUE", "85%", "'001", "Ann"];
    workbook.worksheets.getItem("Sheet1").getRange("A1:K1").formulas = [inputs];
    await sync();
    const cells = snapshotSheet(fake, "Sheet1").map(({ value, formula, numberFormat }) => ({
      value,
      formula,
      numberFormat,
    }));
    expect(cells).toEqual([
      { value: null, formula: "=1+2", numberFormat: "General" },
      { value: "=1+2", formula: null, numberFormat: "General" },
      { value: 1, formula: null, numberFormat: "General" },
      { value: -5, formula: null, numberFormat: "General" },
      { value: null, formula: "=-abc", numberFormat: "General" },
      { value: null, formula: "=@x", numberFormat: "General" },
      // Excel's serial of 2024-01-01 is 45292, and typing a date gives the cell a date format.
      { value: 45292, formula: null, numberFormat: "yyyy-mm-dd" },
      { value: true, formula: null, numberFormat: "General" },
      { value: 0.85, formula: null, numberFormat: "0%" },
      { value: "001", formula: null, numberFormat: "General" },
      { value: "Ann", formula: null, numberFormat: "General" },
    ]);
  });

  it("rejects a 2-D write whose shape does not match the range, stopping the request there", async () => {
    const { fake, workbook, sync } = setUp();
    const sheet = workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1").values = [[1]];
    sheet.getRange("A2:B2").values = [[1]];
    sheet.getRange("A3").values = [[3]];
    await expect(sync()).rejects.toThrow(/InvalidArgument/);
    expect(fake.cell("Sheet1", "A1")?.value).toBe(1);
    expect(fake.cell("Sheet1", "A3")).toBeUndefined();
  });

  it("records each request's JSON size and refuses one over 5 MB", async () => {
    const { fake, workbook, sync } = setUp();
    const text = "x".repeat(1000);
    const rows = Array.from({ length: 5_100 }, () => [text]);
    workbook.worksheets.getItem("Sheet1").getRange("A1:A5100").values = rows;
    await expect(sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    // 5,100 strings of 1,002 JSON bytes (with quotes) are over 5,000,000 bytes.
    expect(fake.requests[0].bytes).toBeGreaterThan(REQUEST_LIMIT_BYTES);
    expect(fake.cell("Sheet1", "A1")).toBeUndefined();
  });

  it("refuses writes to a protected sheet except values into unlocked cells", async () => {
    const { fake, workbook, sync } = setUp();
    const sheet = workbook.worksheets.getItem("Sheet1");
    sheet.getRange("B1").format.protection.locked = false;
    sheet.protection.protect();
    await sync();
    sheet.getRange("B1").values = [["ok"]];
    await sync();
    expect(fake.cell("Sheet1", "B1")?.value).toBe("ok");
    sheet.getRange("A1").values = [["no"]];
    await expect(sync()).rejects.toThrow(/AccessDenied/);
  });

  it("keeps table and defined names unique and valid, case-insensitively", async () => {
    const { workbook, sync } = setUp();
    const sheet = workbook.worksheets.getItem("Sheet1");
    workbook.names.add("Scores", sheet.getRange("A1"));
    sheet.tables.add(sheet.getRange("A1:B3"), true).name = "SCORES";
    await expect(sync()).rejects.toThrow(/ItemAlreadyExists/);
    sheet.tables.add(sheet.getRange("D1:E3"), true).name = "T1";
    await expect(sync()).rejects.toThrow(/not a valid name/);
  });

  it("fails with ApiNotFound for notes below ExcelApi 1.18", async () => {
    const fake = new FakeExcel({ apiVersion: "1.12" });
    const sheet = (fake.context.workbook as unknown as Excel.Workbook).worksheets.getItem("Sheet1");
    sheet.notes.add(sheet.getRange("A1"), "hi");
    await expect(fake.context.sync()).rejects.toThrow(/ApiNotFound/);
    sheet.comments.add(sheet.getRange("A1"), "hi");
    await fake.context.sync();
    expect(fake.annotations.map((a) => a.kind)).toEqual(["comment"]);
  });

  it("copies values with copyFrom (ExcelApi 1.9): results not formulas, blanks too, formats stay", async () => {
    const { fake, workbook, sync } = setUp();
    fake.formulaResult = (formula) => (formula === "=1+2" ? 3 : null);
    workbook.worksheets.add("Other");
    const source = workbook.worksheets.getItem("Sheet1").getRange("A1:A4");
    source.formulas = [["'001"], ["=1+2"], [""], [7]];
    const target = workbook.worksheets.getItem("Other");
    target.getRange("C3:C6").formulas = [["old"], ["old"], ["old"], ["old"]];
    target.getRange("C3:C6").numberFormat = [["0.0"], ["0.0"], ["0.0"], ["0.0"]];
    target.getRange("C3:C6").copyFrom(source, "Values");
    await sync();
    const cells = ["C3", "C4", "C5", "C6"].map((a) => fake.cell("Other", a));
    expect(cells.map((c) => [c?.value, c?.formula, c?.numberFormat])).toEqual([
      ["001", undefined, "0.0"],
      [3, undefined, "0.0"],
      [null, undefined, "0.0"],
      [7, undefined, "0.0"],
    ]);

    const old = new FakeExcel({ apiVersion: "1.8" });
    const sheet = (old.context.workbook as unknown as Excel.Workbook).worksheets.getItem("Sheet1");
    sheet.getRange("B1").copyFrom(sheet.getRange("A1"), "Values");
    await expect(old.context.sync()).rejects.toThrow(/ApiNotFound/);
  });

  it("throws on members it does not model", () => {
    const { workbook } = setUp();
    const range = workbook.worksheets.getItem("Sheet1").getRange("A1") as unknown as Record<string, unknown>;
    expect(() => (range.hyperlink = { address: "x" })).toThrow(TypeError);
  });

  it("keeps a defined name on its sheet through a rename and shows #REF! once the sheet is gone", async () => {
    const { fake, workbook, sync } = setUp();
    fake.seedSheet("Data", [[1]]);
    fake.seedName("PerfSheet.data", "Data");
    workbook.worksheets.getItem("Data").name = "My data";
    await sync();
    expect(fake.nameFormula(fake.names[0])).toBe("='My data'!$A$1");
    workbook.worksheets.getItem("My data").delete();
    await sync();
    expect(fake.nameFormula(fake.names[0])).toBe("=#REF!");
  });
});
