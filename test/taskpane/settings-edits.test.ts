import { describe, it, expect } from "vitest";
import {
  applyCellEdits,
  coefficientsText,
  grownTable,
  settingCellEdits,
  settingTexts,
  typedValue,
  unreadKeys,
} from "../../src/taskpane/settings-edits";
import type { RawWorkbook } from "../../src/workbook/raw";

/**
 * A Settings sheet as a table A1:B4: header, then cycle, 奖金池 (bonus_pool by its Chinese
 * label) and coefficients; the value column is B.
 */
const workbook = (): RawWorkbook => ({
  sheets: [
    {
      name: "Settings",
      rows: [
        ["key", "value"],
        ["cycle", "2026 H2"],
        ["奖金池", 50000],
        ["coefficients", "S:1.5,A:1.2"],
      ],
      tables: [{ name: "SettingsTable", ref: "A1:B4" }],
    },
  ],
});

describe("settings as cell edits", () => {
  it("overwrites a listed key's value cell, found by English key or Chinese label", () => {
    const edits = settingCellEdits(workbook(), { bonus_pool: "80000", coefficients: "S:2,A:1" });
    // 奖金池 is on row 3, coefficients on row 4; values in column B (2).
    expect(edits).toEqual([
      { sheet: "Settings", row: 3, col: 2, value: 80000 },
      { sheet: "Settings", row: 4, col: 2, value: "S:2,A:1" },
    ]);
  });

  it("appends an unlisted key below the last row, and the table grows over it", () => {
    const edits = settingCellEdits(workbook(), { rounding: "1" })!;
    expect(edits).toEqual([
      { sheet: "Settings", row: 5, col: 1, value: "rounding", appended: true },
      { sheet: "Settings", row: 5, col: 2, value: 1, appended: true },
    ]);
    const edited = applyCellEdits(workbook(), edits);
    expect(edited.sheets[0].rows[4]).toEqual(["rounding", 1]);
    expect(edited.sheets[0].tables).toEqual([{ name: "SettingsTable", ref: "A1:B5" }]);
    expect(settingTexts(edited, ["rounding", "cycle"])).toEqual({ rounding: "1", cycle: "2026 H2" });
  });

  it("gives nothing to write without a Settings sheet", () => {
    expect(
      settingCellEdits({ sheets: [{ name: "Other", rows: [["a"]] }] }, { bonus_pool: "1" }),
    ).toBeUndefined();
  });

  it("leaves the original workbook untouched", () => {
    const raw = workbook();
    applyCellEdits(raw, settingCellEdits(raw, { bonus_pool: "1" })!);
    expect(raw.sheets[0].rows[2]).toEqual(["奖金池", 50000]);
  });

  it("grows a table only over edits right below it and within its columns", () => {
    const table = { name: "T", ref: "A1:C30" };
    expect(grownTable(table, [{ sheet: "S", row: 31, col: 2, value: 1 }]).ref).toBe("A1:C31");
    expect(grownTable(table, [{ sheet: "S", row: 32, col: 2, value: 1 }]).ref).toBe("A1:C30");
    expect(grownTable(table, [{ sheet: "S", row: 31, col: 4, value: 1 }]).ref).toBe("A1:C30");
  });

  it("types values as a user would type them", () => {
    expect(typedValue(" 120000 ")).toBe(120000);
    expect(typedValue("0.5")).toBe(0.5);
    expect(typedValue("1,000")).toBe("1,000");
    expect(typedValue("")).toBe("");
    expect(
      coefficientsText([
        ["S", " 1.5"],
        ["A", "1.2"],
      ]),
    ).toBe("S:1.5,A:1.2");
  });

  it("finds the keys that did not read back as written", () => {
    expect(
      unreadKeys(
        { bonus_pool: "100000", coefficients: "S:1" },
        { bonus_pool: "100000", coefficients: "S:1" },
      ),
    ).toEqual([]);
    expect(unreadKeys({ bonus_pool: "100000" }, { bonus_pool: "90000" })).toEqual(["bonus_pool"]);
    expect(unreadKeys({ rounding: "1" }, {})).toEqual(["rounding"]);
  });
});
