/**
 * A generated corpus: the small valid base workbook, written to .xlsx with exceljs in English
 * and Chinese, with one defect each. Every workbook must load without crashing and report
 * the defect's code at the exact cell where the defect was written.
 */
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/hosts/file/read-xlsx";
import { loadModel } from "../../src/workbook/load";
import type { InputSheetKey, Lang } from "../../src/workbook/schema";
import {
  baseFixture,
  cellOf,
  Fixture,
  Layout,
  Row,
  settingCell,
  sheetTitle,
  writeFixture,
  writtenColumns,
} from "./fixtures";
import { cellAddress } from "../../src/workbook/a1";

type DataSheet = Exclude<InputSheetKey, "settings">;

interface Defect {
  name: string;
  layout?: Layout;
  /** Changes the base fixture (in place). */
  change(fx: Fixture): void;
  /** Where the problem must be reported. */
  sheet: InputSheetKey;
  cell: (fx: Fixture, layout: Layout) => string;
  code: string;
  severity?: "error" | "warning";
}

const rows = (fx: Fixture, sheet: DataSheet): Row[] => fx.sheets[sheet]!;
const set = (sheet: DataSheet, index: number, column: string, value: Row[string]) => (fx: Fixture) => {
  rows(fx, sheet)[index][column] = value;
};
const setting = (key: string, value: Row[string]) => (fx: Fixture) => {
  const entry = fx.settings.find(([k]) => k === key);
  if (entry) entry[1] = value;
  else fx.settings.push([key, value]);
};
const at = (sheet: InputSheetKey, column: string, index: number) => (_fx: Fixture, layout: Layout) =>
  cellOf(sheet, column, index, layout);
const atSetting = (key: string) => (fx: Fixture, layout: Layout) => settingCell(fx, key, layout);

const DEFECTS: Defect[] = [
  // Structure
  {
    name: "Positions sheet missing",
    layout: { omitSheets: ["positions"] },
    change: () => {},
    sheet: "positions",
    cell: () => "A1",
    code: "sheet_missing",
  },
  {
    name: "Settings sheet missing",
    layout: { omitSheets: ["settings"] },
    change: () => {},
    sheet: "settings",
    cell: () => "A1",
    code: "sheet_missing",
  },
  {
    name: "KPIs without a target column",
    layout: { omitColumns: { kpis: ["target"] } },
    change: () => {},
    sheet: "kpis",
    // The header row ends with the 10 remaining columns (A..J): the target would go in K1.
    cell: (_fx, layout) => cellAddress(1, writtenColumns("kpis", layout).length + 1),
    code: "column_missing",
  },
  {
    name: "Employees without a name column, below a title row",
    layout: { omitColumns: { employees: ["name"] }, titleRows: 1 },
    change: () => {},
    sheet: "employees",
    cell: (_fx, layout) => cellAddress(2, writtenColumns("employees", layout).length + 1),
    code: "column_missing",
  },
  // Ids
  {
    name: "employee id used twice",
    change: (fx) => rows(fx, "employees").push({ employee_id: "E1", name: "Dan", position_id: "P2" }),
    sheet: "employees",
    cell: at("employees", "employee_id", 3),
    code: "id_duplicate",
  },
  {
    name: "KPI id used twice",
    change: (fx) => rows(fx, "kpis").push({ kpi_id: "K2", name: "Again", target: 5, aggregation: "average" }),
    sheet: "kpis",
    cell: at("kpis", "kpi_id", 3),
    code: "id_duplicate",
  },
  {
    name: "task id used twice",
    change: (fx) =>
      rows(fx, "tasks").push({ task_id: "T1", name: "Again", importance: 1, urgency: 1, effort_hours: 1 }),
    sheet: "tasks",
    cell: at("tasks", "task_id", 2),
    code: "id_duplicate",
  },
  {
    name: "unknown position of an employee",
    change: set("employees", 0, "position_id", "P9"),
    sheet: "employees",
    cell: at("employees", "position_id", 0),
    code: "id_unknown",
  },
  {
    name: "unknown manager",
    change: set("employees", 1, "manager_id", "E99"),
    sheet: "employees",
    cell: at("employees", "manager_id", 1),
    code: "id_unknown",
  },
  {
    name: "actual for an unknown KPI",
    change: set("actuals", 5, "kpi_id", "K9"),
    sheet: "actuals",
    cell: at("actuals", "kpi_id", 5),
    code: "id_unknown",
  },
  {
    name: "actual for an unknown employee",
    change: (fx) => rows(fx, "actuals").push({ employee_id: "E42", kpi_id: "K1", actual: 1 }),
    sheet: "actuals",
    cell: at("actuals", "employee_id", 6),
    code: "id_unknown",
  },
  {
    name: "unknown rater (a colleague, not a customer)",
    change: set("feedback", 1, "rater_id", "E77"),
    sheet: "feedback",
    cell: at("feedback", "rater_id", 1),
    code: "id_unknown",
  },
  {
    name: "unknown ratee",
    change: set("feedback", 2, "ratee_id", "X1"),
    sheet: "feedback",
    cell: at("feedback", "ratee_id", 2),
    code: "id_unknown",
  },
  {
    name: "task assigned to an unknown employee",
    change: set("tasks", 0, "assignee", "E55"),
    sheet: "tasks",
    cell: at("tasks", "assignee", 0),
    code: "id_unknown",
  },
  {
    name: "task linked to an unknown KPI",
    change: set("tasks", 0, "kpi_id", "K7"),
    sheet: "tasks",
    cell: at("tasks", "kpi_id", 0),
    code: "id_unknown",
  },
  {
    name: "decomposition to an unknown position",
    change: set("decomposition", 2, "position_id", "P9"),
    sheet: "decomposition",
    cell: at("decomposition", "position_id", 2),
    code: "id_unknown",
  },
  {
    name: "KPI under an unknown strategy goal",
    change: set("kpis", 1, "goal_id", "G9"),
    sheet: "kpis",
    cell: at("kpis", "goal_id", 1),
    code: "id_unknown",
  },
  {
    name: "efficiency row of an unknown employee",
    change: set("efficiency", 0, "employee_id", "E404"),
    sheet: "efficiency",
    cell: at("efficiency", "employee_id", 0),
    code: "id_unknown",
  },
  {
    name: "KPI without a strategy goal (warning)",
    change: set("kpis", 2, "goal_id", null),
    sheet: "kpis",
    cell: at("kpis", "goal_id", 2),
    code: "kpi_goal_blank",
    severity: "warning",
  },
  // Cells that are not what the column needs
  {
    name: "text target",
    change: set("kpis", 0, "target", "a thousand"),
    sheet: "kpis",
    cell: at("kpis", "target", 0),
    code: "cell_not_number",
  },
  {
    name: "#DIV/0! actual from a formula",
    change: set("actuals", 0, "actual", { formula: "1/0", result: { error: "#DIV/0!" } }),
    sheet: "actuals",
    cell: at("actuals", "actual", 0),
    code: "cell_excel_error",
  },
  {
    name: "#N/A bonus base",
    change: set("employees", 2, "bonus_base", { error: "#N/A" }),
    sheet: "employees",
    cell: at("employees", "bonus_base", 2),
    code: "cell_excel_error",
  },
  {
    name: "bonus base typed as words",
    change: set("employees", 0, "bonus_base", "lots"),
    sheet: "employees",
    cell: at("employees", "bonus_base", 0),
    code: "cell_not_number",
  },
  {
    name: "ambiguous thousands separator in an actual",
    change: set("actuals", 2, "actual", "2,10"),
    sheet: "actuals",
    cell: at("actuals", "actual", 2),
    code: "cell_not_number",
  },
  {
    name: "weight that is no percentage",
    change: set("decomposition", 0, "weight", "most"),
    sheet: "decomposition",
    cell: at("decomposition", "weight", 0),
    code: "cell_not_percent",
  },
  {
    name: "fractional urgency",
    change: set("tasks", 0, "urgency", 2.5),
    sheet: "tasks",
    cell: at("tasks", "urgency", 0),
    code: "cell_not_integer",
  },
  {
    name: "due date in words",
    change: set("tasks", 0, "due", "next week"),
    sheet: "tasks",
    cell: at("tasks", "due", 0),
    code: "cell_not_date",
  },
  {
    name: "impossible earliest start",
    change: set("tasks", 0, "earliest_start", "2025-02-30"),
    sheet: "tasks",
    cell: at("tasks", "earliest_start", 0),
    code: "cell_not_date",
  },
  {
    name: "unknown direction",
    change: set("kpis", 0, "direction", "sideways"),
    sheet: "kpis",
    cell: at("kpis", "direction", 0),
    code: "cell_unknown_value",
  },
  {
    name: "unknown relationship",
    change: set("feedback", 0, "relationship", "boss"),
    sheet: "feedback",
    cell: at("feedback", "relationship", 0),
    code: "cell_unknown_value",
  },
  {
    name: "unknown survey period",
    change: set("survey", 1, "period", "during"),
    sheet: "survey",
    cell: at("survey", "period", 1),
    code: "cell_unknown_value",
  },
  {
    name: "blank employee name",
    change: set("employees", 1, "name", null),
    sheet: "employees",
    cell: at("employees", "name", 1),
    code: "cell_required",
  },
  {
    name: "blank 360 score",
    change: set("feedback", 3, "score", null),
    sheet: "feedback",
    cell: at("feedback", "score", 3),
    code: "cell_required",
  },
  // Ranges
  {
    name: "360 score above the rating scale",
    change: set("feedback", 0, "score", 7),
    sheet: "feedback",
    cell: at("feedback", "score", 0),
    code: "rating_out_of_range",
  },
  {
    name: "importance 6",
    change: set("tasks", 1, "importance", 6),
    sheet: "tasks",
    cell: at("tasks", "importance", 1),
    code: "value_out_of_range",
  },
  {
    name: "skill level 0 on a task",
    change: set("tasks", 0, "skill_level", 0),
    sheet: "tasks",
    cell: at("tasks", "skill_level", 0),
    code: "value_out_of_range",
  },
  {
    name: "survey score 0",
    change: set("survey", 0, "score", 0),
    sheet: "survey",
    cell: at("survey", "score", 0),
    code: "value_out_of_range",
  },
  {
    name: "skill level 9 on an employee",
    change: set("employees", 1, "skills", "sales:9"),
    sheet: "employees",
    cell: at("employees", "skills", 1),
    code: "bad_skill_level",
  },
  {
    name: "fte 0",
    change: set("employees", 0, "fte", 0),
    sheet: "employees",
    cell: at("employees", "fte", 0),
    code: "value_not_positive",
  },
  {
    name: "negative capacity",
    change: set("employees", 2, "capacity_hours", -10),
    sheet: "employees",
    cell: at("employees", "capacity_hours", 2),
    code: "value_negative",
  },
  {
    name: "negative effort",
    change: set("tasks", 1, "effort_hours", -3),
    sheet: "tasks",
    cell: at("tasks", "effort_hours", 1),
    code: "value_negative",
  },
  {
    name: "negative bonus base",
    change: set("employees", 0, "bonus_base", -100),
    sheet: "employees",
    cell: at("employees", "bonus_base", 0),
    code: "negative_base",
  },
  // Curves (SPEC §4)
  {
    name: "threshold above the target of a higher KPI",
    change: set("kpis", 0, "threshold", 1100),
    sheet: "kpis",
    cell: at("kpis", "threshold", 0),
    code: "threshold_wrong_side",
  },
  {
    name: "stretch above the target of a lower KPI",
    change: set("kpis", 2, "stretch", 25),
    sheet: "kpis",
    cell: at("kpis", "stretch", 2),
    code: "stretch_wrong_side",
  },
  {
    name: "target 0 without a threshold",
    change: (fx) => Object.assign(rows(fx, "kpis")[0], { target: 0, threshold: null, stretch: null }),
    sheet: "kpis",
    cell: at("kpis", "target", 0),
    code: "target_zero_needs_threshold",
  },
  {
    name: "negative target",
    change: (fx) => Object.assign(rows(fx, "kpis")[2], { target: -5, threshold: null, stretch: null }),
    sheet: "kpis",
    cell: at("kpis", "target", 2),
    code: "negative_target",
  },
  // Decomposition totals (SPEC §3)
  {
    name: "revenue KPI only 80 % assigned",
    change: set("decomposition", 0, "share", "80%"),
    sheet: "decomposition",
    cell: at("decomposition", "share", 0),
    code: "kpi_share_total",
  },
  {
    name: "position weights total 90 %",
    change: set("decomposition", 0, "weight", 0.6),
    sheet: "decomposition",
    cell: at("decomposition", "weight", 0),
    code: "position_weight_total",
  },
  {
    name: "share to a position nobody holds",
    change: (fx) => {
      rows(fx, "positions").push({ position_id: "P3", title: "Vacant", department: "Service" });
      rows(fx, "decomposition")[3].share = 0.5;
      rows(fx, "decomposition").push({ kpi_id: "K3", position_id: "P3", share: 0.5, weight: 1 });
    },
    sheet: "decomposition",
    cell: at("decomposition", "position_id", 4),
    code: "share_no_employees",
  },
  {
    name: "KPI decomposed twice to one position",
    change: (fx) => rows(fx, "decomposition").push({ kpi_id: "K2", position_id: "P2", weight: 0 }),
    sheet: "decomposition",
    cell: at("decomposition", "position_id", 4),
    code: "decomposition_duplicate",
  },
  // Actuals
  {
    name: "actual row missing: reported at the first free row",
    change: (fx) => rows(fx, "actuals").splice(3, 1),
    sheet: "actuals",
    // Five data rows remain (rows 2..6): the first free row is 7.
    cell: at("actuals", "employee_id", 5),
    code: "actual_missing",
  },
  {
    name: "actual cell left blank: reported at the cell",
    change: set("actuals", 1, "actual", null),
    sheet: "actuals",
    cell: at("actuals", "actual", 1),
    code: "actual_missing",
  },
  {
    name: "actual typed twice",
    change: (fx) => rows(fx, "actuals").push({ employee_id: "E1", kpi_id: "K1", actual: 1 }),
    sheet: "actuals",
    cell: at("actuals", "kpi_id", 6),
    code: "actual_duplicate",
  },
  // Settings
  {
    name: "unknown settings key (warning)",
    change: setting("colour", "blue"),
    sheet: "settings",
    cell: (fx, layout) => cellOf("settings", "key", fx.settings.length - 1, layout),
    code: "setting_unknown",
    severity: "warning",
  },
  {
    name: "kpi_weight in words",
    change: setting("kpi_weight", "most"),
    sheet: "settings",
    cell: atSetting("kpi_weight"),
    code: "cell_not_percent",
  },
  {
    name: "grades without colons",
    change: setting("grades", "S90,A80"),
    sheet: "settings",
    cell: atSetting("grades"),
    code: "bad_table",
  },
  {
    name: "coefficients for fewer grades than grades",
    change: setting("coefficients", "S:1.5,A:1.2,B:1"),
    sheet: "settings",
    cell: atSetting("coefficients"),
    code: "setting_grades_mismatch",
  },
  {
    name: "unknown rater group in group_weights",
    change: setting("group_weights", "boss:50,peer:50"),
    sheet: "settings",
    cell: atSetting("group_weights"),
    code: "bad_relationship",
  },
  {
    name: "unknown grade mode",
    change: setting("grade_mode", "curve"),
    sheet: "settings",
    cell: atSetting("grade_mode"),
    code: "cell_unknown_value",
  },
  {
    name: "period ends before it starts",
    change: setting("period_end", "2024-12-31"),
    sheet: "settings",
    cell: atSetting("period_end"),
    code: "setting_period_reversed",
  },
  {
    name: "max score below 100",
    change: setting("max_score", 90),
    sheet: "settings",
    cell: atSetting("max_score"),
    code: "bad_cap",
  },
  {
    name: "negative bonus pool",
    change: setting("bonus_pool", -1),
    sheet: "settings",
    cell: atSetting("bonus_pool"),
    code: "negative_pool",
  },
  {
    name: "rounding 0",
    change: setting("rounding", 0),
    sheet: "settings",
    cell: atSetting("rounding"),
    code: "bad_rounding",
  },
  {
    name: "bad as_of date",
    change: setting("as_of", "end of June"),
    sheet: "settings",
    cell: atSetting("as_of"),
    code: "cell_not_date",
  },
];

const LANGS: Lang[] = ["en-US", "zh-CN"];
const HAS_CHINESE = /[\u4e00-\u9fff]/;

describe("generated corpus: one defect per workbook", () => {
  it("has at least 40 workbooks and distinct defects", () => {
    expect(DEFECTS.length * LANGS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(DEFECTS.map((d) => d.name)).size).toBe(DEFECTS.length);
  });

  it.each(LANGS)("the base workbook (%s) is valid, with no warning", async (lang) => {
    const { model, problems } = loadModel(await readXlsx(await writeFixture(baseFixture(), lang)));
    expect(problems).toEqual([]);
    expect(model?.employees.map((e) => e.id)).toEqual(["E1", "E2", "E3"]);
  });

  for (const defect of DEFECTS) {
    for (const lang of LANGS) {
      it(`${defect.name} (${lang})`, async () => {
        const fx = baseFixture();
        defect.change(fx);
        const layout = defect.layout ?? {};
        const raw = await readXlsx(await writeFixture(fx, lang, layout));
        const { model, problems, lang: detected } = loadModel(raw);
        expect(detected).toBe(lang);
        const expected = {
          sheet: sheetTitle(defect.sheet, lang),
          cell: defect.cell(fx, layout),
          code: defect.code,
          severity: defect.severity ?? "error",
        };
        expect(
          problems.map(({ sheet, cell, code, severity }) => ({ sheet, cell, code, severity })),
        ).toContainEqual(expected);
        const problem = problems.find((p) => p.code === defect.code && p.cell === expected.cell)!;
        // The catalogue words every code, in the workbook's language.
        expect(problem.message).not.toBe(defect.code);
        expect(problem.message).not.toMatch(/\{\w+\}/);
        if (lang === "zh-CN") expect(problem.message).toMatch(HAS_CHINESE);
        else expect(problem.message).toMatch(/^[^\u4e00-\u9fff]+[A-Za-z]/);
        // Errors block the model; warnings do not.
        expect(model === undefined).toBe(expected.severity === "error");
      });
    }
  }
});
