import { describe, it, expect } from "vitest";
import { templatePlan, displayWidth, readmeSheetName } from "../../src/workbook/template";
import { sampleData, type SampleData, type SampleRow } from "../../src/workbook/sample";
import { INPUT_SHEETS, SETTINGS, type Lang } from "../../src/workbook/schema";
import { isStyled, type CellPlan, type DataValidationPlan, type SheetPlan } from "../../src/workbook/plan";
import { writePlanToXlsx } from "../../src/hosts/file/render-xlsx";
import { readXlsx } from "../../src/hosts/file/read-xlsx";
import { loadModel } from "../../src/workbook/load";
import { evaluateCycle } from "../../src/core/cycle";

const valueOf = (cell: CellPlan) => (isStyled(cell) ? cell.value : cell);

function sheet(plan: { sheets: SheetPlan[] }, name: string): SheetPlan {
  const found = plan.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function validationAt(s: SheetPlan, column: string): DataValidationPlan | undefined {
  return s.dataValidations?.find((v) => v.ref.startsWith(`${column}2:`) || v.ref === `${column}2`);
}

describe("templatePlan", () => {
  it("puts the README first, then every input sheet, none of them generated", () => {
    for (const lang of ["en-US", "zh-CN"] as Lang[]) {
      const plan = templatePlan(lang);
      const names = INPUT_SHEETS.map((s) => (lang === "zh-CN" ? s.zh : s.en));
      expect(plan.sheets.map((s) => s.name)).toEqual([readmeSheetName(lang), ...names]);
      expect(plan.sheets.every((s) => !s.generated)).toBe(true);
      expect(plan.lang).toBe(lang);
    }
  });

  it("writes each input sheet as a table with headers in the workbook's language", () => {
    const plan = templatePlan("zh-CN");
    const kpis = sheet(plan, "部门KPI");
    const header = kpis.blocks[0].rows[0].map(valueOf);
    expect(header).toEqual([
      "指标编号",
      "指标名称",
      "战略目标编号",
      "单位",
      "方向",
      "汇总方式",
      "基线值",
      "门槛值",
      "目标值",
      "挑战值",
      "数据来源",
    ]);
    // 11 columns, header plus one blank row to type into: A1:K2.
    expect(kpis.tables).toEqual([expect.objectContaining({ ref: "A1:K2" })]);
    expect(kpis.freeze).toEqual({ rows: 1, cols: 0 });
    const en = sheet(templatePlan("en-US"), "KPIs");
    expect(en.blocks[0].rows[0].map(valueOf)[8]).toBe("target");
  });

  it("explains every header in a note and marks required columns", () => {
    const employees = sheet(templatePlan("en-US"), "Employees");
    const notes = employees.notes ?? [];
    expect(notes.map((n) => n.cell)).toEqual(["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1"]);
    // employee_id (A), name (B) and position_id (C) are required; manager_id (D) is not.
    expect(notes[0].text).toMatch(/^Required\./);
    expect(notes[2].text).toMatch(/^Required\./);
    expect(notes[3].text).toMatch(/^Optional\./);
    expect(notes[7].text).toContain("level"); // skills
    const zh = sheet(templatePlan("zh-CN"), "员工");
    expect(zh.notes![0].text).toMatch(/^必填。/);
    // Required headers look different from optional ones.
    const styles = employees.blocks[0].rows[0].map((c) => (isStyled(c) ? c.style : undefined));
    expect(styles.slice(0, 4)).toEqual(["header", "header", "header", "headerOptional"]);
  });

  it("offers lists in the workbook's words and 1–5 checks", () => {
    const zh = templatePlan("zh-CN");
    const kpis = sheet(zh, "部门KPI");
    expect(validationAt(kpis, "E")).toMatchObject({ type: "list", values: ["正向", "反向", "是否"] });
    expect(validationAt(kpis, "F")).toMatchObject({ type: "list", values: ["求和", "平均"] });
    expect(validationAt(kpis, "K")).toMatchObject({ type: "list", values: ["业务", "财务", "客户"] });
    const feedback = sheet(zh, "360反馈");
    expect(validationAt(feedback, "C")).toMatchObject({ values: ["本人", "上级", "同事", "下级", "客户"] });
    expect(validationAt(feedback, "D")).toMatchObject({ type: "whole", min: 1, max: 5 });
    expect(validationAt(sheet(zh, "满意度调查"), "C")).toMatchObject({ values: ["激励前", "激励后"] });
    expect(validationAt(sheet(zh, "满意度调查"), "B")).toMatchObject({ type: "whole", min: 1, max: 5 });
    const tasks = sheet(templatePlan("en-US"), "Tasks");
    expect(validationAt(tasks, "C")).toMatchObject({ values: ["strategy", "kpi", "adhoc", "cross-dept"] });
    for (const col of ["E", "F", "I"])
      expect(validationAt(tasks, col)).toMatchObject({ type: "whole", min: 1, max: 5 });
    expect(validationAt(tasks, "K")).toMatchObject({ type: "date" });
  });

  it("lets feedback scores go up to the sample's rating_scale", () => {
    const data: SampleData = { settings: { rating_scale: 7 }, rows: {} };
    const feedback = sheet(templatePlan("en-US", data), "Feedback");
    expect(validationAt(feedback, "D")).toMatchObject({ type: "whole", min: 1, max: 7 });
  });

  it("lists every setting with its default and help; zh-CN uses the Chinese labels", () => {
    for (const lang of ["en-US", "zh-CN"] as Lang[]) {
      const settings = templatePlan(lang).sheets[1];
      const rows = settings.blocks[0].rows.slice(1);
      expect(rows.map((r) => valueOf(r[0]))).toEqual(SETTINGS.map((s) => (lang === "zh-CN" ? s.zh : s.key)));
      const byKey = new Map(SETTINGS.map((s, i) => [s.key, rows[i]]));
      expect(valueOf(byKey.get("kpi_weight")![1])).toBe(0.7); // "70%"
      expect(valueOf(byKey.get("threshold_score")![1])).toBe(60);
      expect(valueOf(byKey.get("grades")![1])).toBe("S:90,A:80,B:70,C:60,D:0");
      expect(valueOf(byKey.get("cycle")![1])).toBeNull();
      expect(String(valueOf(byKey.get("buffer")![2]))).toContain("15%");
      // The value cells are input cells.
      expect(rows.every((r) => isStyled(r[1]) && r[1].input === true)).toBe(true);
    }
    const zh = templatePlan("zh-CN").sheets[1];
    const gradeModeRow = SETTINGS.findIndex((s) => s.key === "grade_mode") + 2;
    expect(valueOf(zh.blocks[0].rows[gradeModeRow - 1][1])).toBe("分数线");
    expect(zh.dataValidations).toContainEqual({
      ref: `B${gradeModeRow}`,
      type: "list",
      values: ["分数线", "强制分布"],
    });
  });

  it("writes a README that walks through the six stages in the chosen language", () => {
    const text = (lang: Lang) =>
      templatePlan(lang)
        .sheets[0].blocks.flatMap((b) => b.rows.flat().map(valueOf))
        .filter((v): v is string => typeof v === "string")
        .join("\n");
    const en = text("en-US");
    for (const stage of ["1 Goals", "2 Tasks", "3 Data", "4 Evaluate", "5 Incentives", "6 Review"])
      expect(en).toContain(stage);
    expect(en).toContain("Scorecard");
    const zh = text("zh-CN");
    expect(zh).toContain("目标分解表");
    expect(zh).toContain("考核汇总");
    expect(zh).toContain("KPI权重"); // the Settings key column takes Chinese labels
  });

  it("measures CJK text as double width", () => {
    expect(displayWidth("target")).toBe(6);
    expect(displayWidth("目标值")).toBe(6);
    expect(displayWidth("KPI权重")).toBe(7);
  });

  it("fills the tables with sample data, enumerations in the workbook's words", () => {
    const zh = templatePlan("zh-CN", sampleData("zh-CN"));
    const kpis = sheet(zh, "部门KPI");
    const rows = kpis.blocks[0].rows.slice(1);
    expect(kpis.tables![0].ref).toBe(`A1:K${rows.length + 1}`);
    const directions = new Set(rows.map((r) => valueOf(r[4])));
    expect(directions).toEqual(new Set(["正向", "反向", "是否"]));
    const settings = zh.sheets[1].blocks[0].rows;
    expect(settings.some((r) => valueOf(r[1]) === "2026年下半年")).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

const rowsOf = (data: SampleData, key: keyof SampleData["rows"]): SampleRow[] => data.rows[key] ?? [];
const num = (v: unknown): number => v as number;

describe("sampleData", () => {
  const en = sampleData("en-US");
  const zh = sampleData("zh-CN");

  it("is deterministic", () => {
    expect(sampleData("zh-CN")).toEqual(zh);
  });

  it("has the same department in both languages: ids and numbers agree, texts differ", () => {
    const ids = (d: SampleData) =>
      rowsOf(d, "employees").map((e) => [e.employee_id, e.position_id, e.fte, e.bonus_base]);
    expect(ids(zh)).toEqual(ids(en));
    expect(rowsOf(zh, "actuals").map((a) => a.actual)).toEqual(rowsOf(en, "actuals").map((a) => a.actual));
    expect(rowsOf(zh, "employees").every((e) => /^[\u4e00-\u9fff]{2,3}$/.test(String(e.name)))).toBe(true);
    expect(rowsOf(en, "employees").every((e) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(String(e.name)))).toBe(true);
  });

  it("has at least 30 people in at least 3 teams, with managers", () => {
    const employees = rowsOf(zh, "employees");
    const positions = rowsOf(zh, "positions");
    expect(employees.length).toBeGreaterThanOrEqual(30);
    const departments = new Set(positions.map((p) => p.department));
    expect(departments.size).toBeGreaterThanOrEqual(3);
    for (const d of ["用户运营", "内容运营", "活动运营", "数据运营"]) expect(departments.has(d)).toBe(true);
    const ids = new Set(employees.map((e) => e.employee_id));
    expect(ids.size).toBe(employees.length);
    for (const e of employees) if (e.manager_id !== null) expect(ids.has(e.manager_id)).toBe(true);
    expect(employees.filter((e) => e.manager_id === null)).toHaveLength(1);
    expect(employees.filter((e) => e.fte === 0.5).length).toBeGreaterThanOrEqual(2);
    // Every position is staffed.
    for (const p of positions) expect(employees.some((e) => e.position_id === p.position_id)).toBe(true);
  });

  it("has KPIs of every kind, with thresholds and stretches on the right sides", () => {
    const kpis = rowsOf(en, "kpis");
    expect(rowsOf(en, "strategy").length).toBeGreaterThanOrEqual(3);
    expect(kpis.length).toBeGreaterThanOrEqual(8);
    expect(kpis.some((k) => k.direction === "lower")).toBe(true);
    expect(kpis.some((k) => k.direction === "binary")).toBe(true);
    expect(kpis.some((k) => k.aggregation === "average")).toBe(true);
    expect(kpis.some((k) => k.aggregation === "sum")).toBe(true);
    const goals = new Set(rowsOf(en, "strategy").map((g) => g.goal_id));
    for (const k of kpis) {
      expect(goals.has(k.goal_id)).toBe(true);
      const [h, t, s] = [k.threshold, num(k.target), k.stretch];
      if (k.direction === "higher") expect(num(h) < t && t < num(s)).toBe(true);
      if (k.direction === "lower") expect(num(s) < t && t < num(h)).toBe(true);
    }
  });

  it("splits sum KPIs by shares totalling 100% and gives each position weights totalling 100%", () => {
    const kpis = rowsOf(en, "kpis");
    const decomposition = rowsOf(en, "decomposition");
    for (const k of kpis.filter((x) => x.aggregation === "sum")) {
      const shares = decomposition.filter((d) => d.kpi_id === k.kpi_id).map((d) => num(d.share));
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    for (const p of rowsOf(en, "positions")) {
      const weights = decomposition.filter((d) => d.position_id === p.position_id).map((d) => num(d.weight));
      expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
  });

  it("has an actual for every employee and KPI of their position", () => {
    const decomposition = rowsOf(en, "decomposition");
    const actuals = new Set(rowsOf(en, "actuals").map((a) => `${a.employee_id}/${a.kpi_id}`));
    let expected = 0;
    for (const e of rowsOf(en, "employees")) {
      for (const d of decomposition.filter((x) => x.position_id === e.position_id)) {
        expected++;
        expect(actuals.has(`${e.employee_id}/${d.kpi_id}`)).toBe(true);
      }
    }
    expect(actuals.size).toBe(expected);
  });

  it("has at least 40 tasks of mixed sources, due within the period", () => {
    const tasks = rowsOf(en, "tasks");
    expect(tasks.length).toBeGreaterThanOrEqual(40);
    expect(new Set(tasks.map((t) => t.source))).toEqual(new Set(["strategy", "kpi", "adhoc", "cross-dept"]));
    expect(tasks.filter((t) => t.assignee !== null).length).toBeGreaterThanOrEqual(3);
    expect(new Set(tasks.map((t) => t.project).filter(Boolean)).size).toBeGreaterThanOrEqual(2);
    for (const t of tasks) {
      const due = (t.due as { date: string } | null)?.date;
      if (due) expect(due >= "2026-07-01" && due <= "2026-12-31").toBe(true);
    }
  });

  it("has 360° feedback from every side, and survey and efficiency data", () => {
    const feedback = rowsOf(en, "feedback");
    const employees = rowsOf(en, "employees");
    for (const e of employees) {
      const mine = feedback.filter((f) => f.ratee_id === e.employee_id);
      expect(mine.filter((f) => f.relationship === "self")).toHaveLength(1);
      if (e.manager_id !== null) {
        expect(mine.filter((f) => f.relationship === "manager")).toEqual([
          expect.objectContaining({ rater_id: e.manager_id }),
        ]);
        expect(mine.filter((f) => f.relationship === "peer").length).toBeGreaterThanOrEqual(3);
      }
      const reports = employees.filter((x) => x.manager_id === e.employee_id).length;
      expect(mine.filter((f) => f.relationship === "subordinate")).toHaveLength(reports);
    }
    expect(feedback.filter((f) => f.relationship === "customer").length).toBeGreaterThan(10);
    const survey = rowsOf(en, "survey");
    const questions = new Set(survey.map((s) => s.question));
    expect(questions.size).toBeGreaterThanOrEqual(3);
    for (const q of questions) {
      for (const period of ["before", "after"]) {
        expect(survey.filter((s) => s.question === q && s.period === period).length).toBeGreaterThanOrEqual(
          5,
        );
      }
    }
    expect(rowsOf(en, "efficiency").map((x) => x.employee_id)).toEqual(employees.map((e) => e.employee_id));
  });

  it("sets the cycle: 2026 H2 from July to December with a bonus pool", () => {
    expect(zh.settings).toMatchObject({
      cycle: "2026年下半年",
      period_start: { date: "2026-07-01" },
      period_end: { date: "2026-12-31" },
    });
    expect(en.settings.cycle).toBe("2026 H2");
    expect(num(en.settings.bonus_pool)).toBeGreaterThan(0);
  });

  describe.each(["en-US", "zh-CN"] as Lang[])("rendered in %s", (lang) => {
    it("loads with no error and gives a spread of results", async () => {
      const xlsx = await writePlanToXlsx(templatePlan(lang, sampleData(lang)));
      const { model, problems } = loadModel(await readXlsx(xlsx), { today: "2027-01-12" });
      expect(problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(model!.employees).toHaveLength(33);
      const result = evaluateCycle(model!);
      const scores = result.kpis.map((k) => k.score);
      // Some people miss a threshold (score 0), some pass the stretch (score at the 120 cap).
      expect(scores).toContain(0);
      expect(scores).toContain(120);
      expect(new Set(result.employees.map((e) => e.grade))).toEqual(new Set(["S", "A", "B", "C", "D"]));
    });
  });

  it("loads as an empty template with no error", async () => {
    const xlsx = await writePlanToXlsx(templatePlan("zh-CN"));
    const { problems } = loadModel(await readXlsx(xlsx), { today: "2027-01-12" });
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});
