import { describe, expect, it } from "vitest";
import type { RawSheet } from "../../src/workbook/raw";
import { findSheet, readSheet, readWorkbook } from "../../src/workbook/reader";
import { INPUT_SHEETS } from "../../src/workbook/schema";

const def = (key: string) => INPUT_SHEETS.find((d) => d.key === key)!;

describe("finding sheets", () => {
  it("finds a sheet by its English or Chinese name, whatever the case, spaces or width", () => {
    const names = ["employees", " EMPLOYEES ", "Ｅｍｐｌｏｙｅｅｓ", "员工"];
    for (const name of names) {
      expect(
        findSheet(
          {
            sheets: [
              { name: "Other", rows: [] },
              { name, rows: [] },
            ],
          },
          def("employees"),
        )?.sheet.name,
      ).toBe(name);
    }
    expect(findSheet({ sheets: [{ name: "员工", rows: [] }] }, def("employees"))?.chinese).toBe(true);
    expect(findSheet({ sheets: [{ name: "Staff", rows: [] }] }, def("employees"))).toBeUndefined();
  });

  it("lists the required sheets that are missing and detects the language", () => {
    const zh = readWorkbook({
      sheets: [
        { name: "设置", rows: [] },
        { name: "员工", rows: [] },
      ],
    });
    expect(zh.lang).toBe("zh-CN");
    expect(zh.missingSheets.map((d) => d.key)).toEqual([
      "strategy",
      "kpis",
      "positions",
      "decomposition",
      "actuals",
    ]);
    const en = readWorkbook({
      sheets: [
        { name: "Settings", rows: [] },
        { name: "Employees", rows: [] },
      ],
    });
    expect(en.lang).toBe("en-US");
  });
});

describe("reading rows by header", () => {
  it("matches headers case-, space- and width-insensitively, in English or Chinese, in any order", () => {
    const sheet: RawSheet = {
      name: "Positions",
      rows: [
        ["  部门 ", "ＰＯＳＩＴＩＯＮ_ＩＤ", "Title", "Notes"],
        ["Sales", "P1", "Rep", "ignored column"],
      ],
    };
    const read = readSheet(sheet, def("positions"));
    expect(read.headerRow).toBe(1);
    expect(read.columns).toEqual({ department: 1, position_id: 2, title: 3 });
    expect(read.missingColumns).toEqual([]);
    expect(read.rows).toEqual([{ row: 2, cells: { department: "Sales", position_id: "P1", title: "Rep" } }]);
  });

  it("finds the header below title rows and skips blank rows", () => {
    const sheet: RawSheet = {
      name: "Strategy",
      rows: [
        ["Strategy goals FY2025"],
        [],
        ["goal_id", "goal"],
        ["G1", "Grow"],
        [null, "  "],
        ["G2", "Keep"],
      ],
    };
    const read = readSheet(sheet, def("strategy"));
    expect(read.headerRow).toBe(3);
    expect(read.rows.map((r) => [r.row, r.cells.goal_id])).toEqual([
      [4, "G1"],
      [6, "G2"],
    ]);
  });

  it("counts rows and columns from the used range's origin", () => {
    // The used range starts at C5: its header cells are C5 and D5.
    const sheet: RawSheet = {
      name: "Strategy",
      origin: { row: 5, col: 3 },
      rows: [
        ["目标编号", "目标"],
        ["G1", "增长"],
      ],
    };
    const read = readSheet(sheet, def("strategy"));
    expect(read.headerRow).toBe(5);
    expect(read.columns).toEqual({ goal_id: 3, goal: 4 });
    expect(read.rows[0].row).toBe(6);
  });

  it("reads an Excel table by its ref, ignoring cells outside it", () => {
    const sheet: RawSheet = {
      name: "Strategy",
      rows: [
        ["note: goal_id goal"],
        [null, "goal_id", "goal", null],
        [null, "G1", "Grow", "outside"],
        [null, "G2", "Keep", null],
        [],
        [null, "not in the table", "x"],
      ],
      tables: [{ name: "Goals", ref: "B2:C4" }],
    };
    const read = readSheet(sheet, def("strategy"));
    expect(read.headerRow).toBe(2);
    expect(read.rows.map((r) => r.cells.goal_id)).toEqual(["G1", "G2"]);
  });

  it("reports missing required columns against the row naming the most columns", () => {
    const sheet: RawSheet = {
      name: "KPIs",
      rows: [["KPI list"], ["kpi_id", "name", "unit"], ["K1", "Revenue", "CNY"]],
    };
    const read = readSheet(sheet, def("kpis"));
    expect(read.headerRow).toBe(2);
    expect(read.missingColumns.map((c) => c.key)).toEqual(["target"]);
    // The missing column would go right of the last header (C2), in D2.
    expect(read.nextFreeColumn).toBe(4);
  });

  it("has no header row when no cell names a column", () => {
    const read = readSheet(
      {
        name: "KPIs",
        rows: [
          ["a", "b"],
          [1, 2],
        ],
      },
      def("kpis"),
    );
    expect(read.headerRow).toBeUndefined();
    expect(read.rows).toEqual([]);
    expect(read.missingColumns.map((c) => c.key)).toEqual(["kpi_id", "name", "target"]);
  });

  it("accepts a required-marker star or a unit in brackets after a header", () => {
    const sheet: RawSheet = {
      name: "KPIs",
      rows: [
        ["kpi_id*", "name *", "目标值（万元）"],
        ["K1", "Revenue", 5],
      ],
    };
    expect(readSheet(sheet, def("kpis")).columns).toEqual({ kpi_id: 1, name: 2, target: 3 });
  });
});
