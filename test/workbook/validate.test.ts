import { describe, expect, it } from "vitest";
import { cascadeGoals } from "../../src/core/cascade";
import { loadModel } from "../../src/workbook/load";
import { locateIssues, validateWorkbook } from "../../src/workbook/validate";
import { baseFixture, cellOf, rawFixture, settingCell } from "./fixtures";

const TODAY = "2025-07-01";
const load = (fx = baseFixture(), lang: "en-US" | "zh-CN" = "en-US", layout = {}) =>
  loadModel(rawFixture(fx, lang, layout), { today: TODAY });
const located = (problems: { sheet: string; cell: string; code: string }[]) =>
  problems.map((p) => `${p.sheet}!${p.cell} ${p.code}`);

describe("the model read from the base workbook", () => {
  const { model, problems, lang } = load();

  it("has no problem and speaks English", () => {
    expect(problems).toEqual([]);
    expect(lang).toBe("en-US");
  });

  it("types Settings: percents as fractions, dates as ISO, tables parsed, defaults filled", () => {
    const s = model!.settings;
    expect(s.kpiWeight).toBe(0.7); // typed 0.7 in a 0% cell
    expect(s.feedbackWeight).toBe(0.3); // typed "30%"
    expect(s.buffer).toBe(0.15); // typed 15: percent points
    expect([s.periodStart, s.periodEnd, s.asOf]).toEqual(["2025-01-01", "2025-06-30", "2025-06-30"]);
    expect(s.grades.map((g) => g.grade)).toEqual(["S", "A", "B", "C", "D"]);
    expect(s.quotas.B).toBeCloseTo(0.4, 12);
    expect(s.groupWeights.manager).toBeCloseTo(0.4, 12);
    expect(s.bonusPool).toBe(10000);
    // Not in the sheet: SPEC §2 defaults.
    expect([s.minRaters, s.forcedMin, s.dailyHours, s.importantMin, s.gradeMode]).toEqual([
      3,
      5,
      8,
      4,
      "threshold",
    ]);
  });

  it("types rows: money text, fte default, skills, percents, dates and source rows", () => {
    const [ann, bob, cat] = model!.employees;
    expect(bob.bonusBase).toBe(2000); // "¥2,000"
    expect([ann.fte, bob.fte, cat.fte]).toEqual([1, 0.25, 1]); // Cat's fte blank = 1
    expect(bob.skills).toEqual({ sales: 4, crm: 3 }); // a skill without level is level 3
    expect(cat.source).toEqual({ sheet: "Employees", row: 4 });
    expect(model!.decomposition.map((d) => d.weight)).toEqual([0.7, 0.3, 0.5, 0.5]); // 0.7, "30%", 50, 0.5
    expect(model!.tasks[0]).toMatchObject({ due: "2025-03-31", earliestStart: "2025-03-01", progress: 0.5 });
    expect(model!.actuals.map((a) => a.actual)).toEqual([850, 0.92, 210, 0.88, 0.9, 18]);
  });

  it("cascades to the targets worked out by hand in the fixture", () => {
    const rows = cascadeGoals(model!).rows.map((r) => [r.employeeId, r.kpiId, r.target, r.weight]);
    expect(rows).toEqual([
      ["E1", "K1", 800, 0.7],
      ["E2", "K1", 200, 0.7],
      ["E1", "K2", 0.9, 0.3],
      ["E2", "K2", 0.9, 0.3],
      ["E3", "K2", 0.9, 0.5],
      ["E3", "K3", 20, 0.5],
    ]);
  });
});

describe("validation", () => {
  it("reads a Chinese workbook to the same model, in Chinese", () => {
    const en = load();
    const zh = load(baseFixture(), "zh-CN");
    expect(zh.lang).toBe("zh-CN");
    expect(zh.problems).toEqual([]);
    const strip = (m: typeof en.model) => JSON.stringify(m, (k, v) => (k === "source" ? undefined : v));
    expect(strip(zh.model)).toBe(strip(en.model));
  });

  it("reads the same with title rows above every header", () => {
    const plain = load();
    const titled = load(baseFixture(), "en-US", { titleRows: 2 });
    expect(titled.problems).toEqual([]);
    expect(titled.model!.kpis.map((k) => k.target)).toEqual(plain.model!.kpis.map((k) => k.target));
    expect(titled.model!.kpis[0].source.row).toBe(4);
  });

  it("reports every problem, not only the first", () => {
    const fx = baseFixture();
    fx.sheets.kpis![0].target = "abc";
    fx.sheets.tasks![1].urgency = 9;
    fx.sheets.feedback![0].score = 0;
    const { model, problems } = load(fx);
    expect(model).toBeUndefined();
    expect(located(problems)).toEqual([
      `KPIs!${cellOf("kpis", "target", 0)} cell_not_number`,
      `Tasks!${cellOf("tasks", "urgency", 1)} value_out_of_range`,
      `Feedback!${cellOf("feedback", "score", 0)} rating_out_of_range`,
    ]);
  });

  it("lets a language be forced for messages", () => {
    const fx = baseFixture();
    fx.sheets.kpis![0].target = "abc";
    const { problems, lang } = loadModel(rawFixture(fx, "en-US"), { lang: "zh-CN", today: TODAY });
    expect(lang).toBe("zh-CN");
    expect(problems[0].message).toBe("“目标值”必须是数字，而不是“abc”。");
  });

  it("says which KPI is how much assigned", () => {
    const fx = baseFixture();
    fx.sheets.decomposition![0].share = 0.8;
    const { problems } = load(fx);
    expect(problems.map((p) => p.message)).toEqual(["KPI K1 is 80% assigned: its shares must total 100%."]);
  });

  it("does not ask for actuals under missing_actual=zero or exclude", () => {
    for (const policy of ["zero", "exclude", "不计入"]) {
      const fx = baseFixture();
      fx.sheets.actuals!.splice(0, 2);
      fx.settings.find(([k]) => k === "missing_actual")![1] = policy;
      const { model, problems } = load(fx);
      expect(problems).toEqual([]);
      expect(model!.actuals).toHaveLength(4);
    }
  });

  it("reports one missing actual per employee × KPI, naming both", () => {
    const fx = baseFixture();
    fx.sheets.actuals = [];
    const { problems } = load(fx);
    // Six goal rows, no actual: six problems at the first free row (A2, right under the header).
    expect(problems.map((p) => [p.cell, p.code])).toEqual(Array(6).fill(["A2", "actual_missing"]));
    expect(problems[0].message).toBe("The actual of Ann (E1) for KPI Revenue (K1) is missing.");
  });

  it("accepts customer raters from outside the company but not unknown colleagues", () => {
    const fx = baseFixture();
    fx.sheets.feedback!.push({ ratee_id: "E2", rater_id: "ACME-7", relationship: "客户", score: 5 });
    expect(load(fx).problems).toEqual([]);
    fx.sheets.feedback!.push({ ratee_id: "E2", rater_id: "ACME-7", relationship: "peer", score: 5 });
    expect(located(load(fx).problems)).toEqual([`Feedback!${cellOf("feedback", "rater_id", 5)} id_unknown`]);
  });

  it("infers a blank aggregation: sum with shares, average without", () => {
    const fx = baseFixture();
    for (const kpi of fx.sheets.kpis!) kpi.aggregation = null;
    const { model, problems } = load(fx);
    expect(problems).toEqual([]);
    expect(model!.kpis.map((k) => k.aggregation)).toEqual(["sum", "average", "sum"]);
  });

  it("accepts yes/no actuals of a binary KPI as TRUE/FALSE", () => {
    const fx = baseFixture();
    fx.sheets.kpis![1] = {
      ...fx.sheets.kpis![1],
      direction: "是否",
      threshold: null,
      stretch: null,
      target: 1,
    };
    fx.sheets.actuals![1].actual = true;
    fx.sheets.actuals![3].actual = false;
    const { model, problems } = load(fx);
    expect(problems).toEqual([]);
    expect(model!.actuals.filter((a) => a.kpiId === "K2").map((a) => a.actual)).toEqual([1, 0, 0.9]);
  });

  it("gives warnings without blocking the model", () => {
    const fx = baseFixture();
    fx.settings.push(["colour", "blue"]);
    fx.sheets.kpis![2].goal_id = null;
    const { model, problems } = load(fx);
    expect(model).toBeDefined();
    expect(problems.map((p) => [p.code, p.severity])).toEqual([
      ["setting_unknown", "warning"],
      ["kpi_goal_blank", "warning"],
    ]);
  });

  it("reads Settings keys by their Chinese labels and values by their Chinese words", () => {
    const fx = baseFixture();
    fx.settings = fx.settings.filter(([k]) => k !== "grade_mode");
    fx.settings.push(["强制分布范围", "全体"], ["评级方式", "强制分布"]);
    const { model, problems } = load(fx);
    expect(problems).toEqual([]);
    expect([model!.settings.forcedGroup, model!.settings.gradeMode]).toEqual(["all", "forced"]);
  });

  it("reports a setting given twice at the second key", () => {
    const fx = baseFixture();
    fx.settings.push(["rounding", 5]);
    expect(located(load(fx).problems)).toEqual([
      `Settings!${cellOf("settings", "key", fx.settings.length - 1)} setting_duplicate`,
    ]);
  });

  it("checks quotas against grades only as a warning outside forced mode", () => {
    const fx = baseFixture();
    fx.settings.find(([k]) => k === "quotas")![1] = "S:10,A:90";
    const threshold = load(fx).problems;
    expect(threshold.map((p) => [p.cell, p.code, p.severity])).toEqual([
      [settingCell(fx, "quotas"), "setting_grades_mismatch", "warning"],
    ]);
    fx.settings.find(([k]) => k === "grade_mode")![1] = "forced";
    expect(load(fx).problems.map((p) => p.severity)).toEqual(["error"]);
  });

  it("flags quotas that do not total 100 %", () => {
    const fx = baseFixture();
    fx.settings.find(([k]) => k === "quotas")![1] = "S:10,A:20,B:40,C:20,D:5";
    fx.settings.find(([k]) => k === "grade_mode")![1] = "forced";
    const { problems } = load(fx);
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ["setting_quotas_total", "The quotas total 95%, not 100%."],
    ]);
  });

  it("survives an empty workbook and sheets without any header", () => {
    const empty = validateWorkbook({ sheets: [] }, { lang: "en-US", today: TODAY });
    expect(empty.problems.map((p) => p.code)).toEqual(Array(7).fill("sheet_missing"));
    const headless = loadModel({ sheets: [{ name: "KPIs", rows: [[1, 2, 3]] }] }, { today: TODAY });
    expect(headless.problems.filter((p) => p.sheet === "KPIs").map((p) => [p.cell, p.code])).toEqual([
      ["A1", "column_missing"],
      ["A1", "column_missing"],
      ["A1", "column_missing"],
    ]);
  });

  it("uses today for a blank as_of", () => {
    const fx = baseFixture();
    fx.settings = fx.settings.filter(([k]) => k !== "as_of");
    expect(load(fx).model!.settings.asOf).toBe(TODAY);
  });
});

describe("locateIssues", () => {
  it("turns core issues into located problems in the workbook's language", () => {
    const raw = rawFixture(baseFixture(), "zh-CN");
    const problems = locateIssues(
      raw,
      [
        {
          code: "kpi_goal_blank",
          params: { kpi: "K3" },
          severity: "warning",
          at: { sheet: "部门KPI", row: 4 },
          column: "goal_id",
        },
        { code: "setting_quotas_total", params: { percent: 95 }, severity: "error" },
      ],
      "zh-CN",
    );
    expect(problems).toEqual([
      {
        sheet: "部门KPI",
        cell: cellOf("kpis", "goal_id", 2),
        code: "kpi_goal_blank",
        message: "指标 K3 未关联战略目标。",
        severity: "warning",
      },
      {
        sheet: "设置",
        cell: "A1",
        code: "setting_quotas_total",
        message: "强制分布比例之和为 95%，而不是 100%。",
        severity: "error",
      },
    ]);
  });
});
