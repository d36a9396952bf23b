import { describe, it, expect, beforeAll } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { baseFixture, rawFixture, type Fixture } from "../fixtures";
import { loadModel } from "../../../src/workbook/load";
import { evaluateCycle } from "../../../src/core/cycle";
import { expectedRaterGroups } from "../../../src/core/monitor";
import { departmentKpiRows } from "../../../src/core/analysis";
import {
  makeContext,
  NO_EDITS,
  type ReportContext,
  type UserEdits,
} from "../../../src/workbook/report/context";
import { monitorSheet, monitorProgress } from "../../../src/workbook/report/monitor";
import { analysisSheet, analysisFigures } from "../../../src/workbook/report/analysis";
import { isDate, isFormula, isStyled, type CellPlan, type SheetPlan } from "../../../src/workbook/plan";
import { parseCell, writePlanToXlsx } from "../../../src/hosts/file/render-xlsx";
import { readXlsx } from "../../../src/hosts/file/read-xlsx";
import { templatePlan } from "../../../src/workbook/template";
import { sampleData } from "../../../src/workbook/sample";
import type { Lang } from "../../../src/workbook/schema";
import { convertWithLibreOffice, libreOfficeOrSkip } from "../../support/libreoffice";

type Value = string | number | boolean | null;

/** The sheet's cells as a dense grid of plain values (dates as ISO text), row 1 first. */
function grid(sheet: SheetPlan): Value[][] {
  const cells: Value[][] = [];
  const plain = (c: CellPlan): Value => {
    const v = isStyled(c) ? c.value : c;
    if (isFormula(v)) return v.result;
    if (isDate(v)) return v.date;
    return v;
  };
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    block.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const line = (cells[at.row - 1 + r] ??= []);
        line[at.col - 1 + c] = plain(cell);
      }),
    );
  }
  return Array.from(cells, (line) => Array.from(line ?? [], (v) => v ?? null));
}

/** The row (values) whose first cell is `label`, after the row whose first cell is `after`. */
function rowAfter(rows: Value[][], after: string, label: string): Value[] {
  const start = rows.findIndex((r) => r[0] === after);
  expect(start, `no section "${after}"`).toBeGreaterThanOrEqual(0);
  const found = rows.slice(start + 1).find((r) => r[0] === label);
  expect(found, `no row "${label}" after "${after}"`).toBeDefined();
  return found!;
}

/** 1-based row number of the first row whose first cell is `label`. */
function rowNumber(rows: Value[][], label: string): number {
  return rows.findIndex((r) => r[0] === label) + 1;
}

/**
 * The base fixture (Sales: Ann E1, Bob E2 reporting to Cat E3 in Service) with:
 * - Bob's satisfaction (K2) actual missing (missing_actual = exclude): Bob has 1/2 actuals;
 * - Cat's complaints (K3) at 25 > target 20 (lower is better): not met;
 * - review_limit 2: Ann and Bob get a review form, Cat does not;
 * - stage deadlines around as_of 2025-06-30 (see the stage test);
 * - a survey with a suppressed group and an efficiency sheet for E1 and E2.
 */
function cycleFixture(): Fixture {
  const fx = baseFixture();
  const set = (key: string, value: string | number) => {
    fx.settings = fx.settings.filter(([k]) => k !== key);
    fx.settings.push([key, value]);
  };
  set("missing_actual", "exclude");
  set("review_limit", 2);
  set("stage_goals_due", "2025-01-31");
  set("stage_data_due", "2025-06-15");
  set("stage_review_due", "2025-06-30");
  fx.sheets.actuals = fx.sheets.actuals!.filter((a) => !(a.employee_id === "E2" && a.kpi_id === "K2"));
  fx.sheets.actuals = fx.sheets.actuals.map((a) =>
    a.employee_id === "E3" && a.kpi_id === "K3" ? { ...a, actual: 25 } : a,
  );
  const answers = (question: string, period: string, scores: number[]) =>
    scores.map((score) => ({ question, score, period, department: "Sales" }));
  fx.sheets.survey = [
    // Clear: before 3,3,4,2,5 → mean 3.4, favourable 2/5; after only 3 answers → suppressed.
    ...answers("Clear", "before", [3, 3, 4, 2, 5]),
    ...answers("Clear", "after", [4, 4, 5]),
    // Fair: before 2,3,3,3,4 → 3.0, 1/5 favourable; after 4,4,4,5,3 → 4.0, 4/5: +1.0, +60 points.
    ...answers("Fair", "before", [2, 3, 3, 3, 4]),
    ...answers("Fair", "after", [4, 4, 4, 5, 3]),
  ];
  // Two people only: the correlation has n = 2 < 3.
  fx.sheets.efficiency = [
    { employee_id: "E1", metric: "Deals per week", before: 4, after: 5 },
    { employee_id: "E2", metric: "Deals per week", before: 2, after: 2 },
  ];
  return fx;
}

function contextOf(fx: Fixture, lang: Lang, edits: UserEdits = NO_EDITS): ReportContext {
  const { model, problems } = loadModel(rawFixture(fx, lang), { today: "2025-06-30" });
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  return makeContext(model!, evaluateCycle(model!), null, lang, edits);
}

const COMMENTS: UserEdits = {
  improvements: new Map(),
  // Ann's form holds a comment; Bob's holds only spaces, which is no comment.
  reviewComments: new Map([
    ["E1", "Strong quarter"],
    ["E2", "   "],
  ]),
};

describe("expectedRaterGroups", () => {
  const weights = { manager: 0.4, peer: 0.3, subordinate: 0.15, customer: 0.15, self: 0 };
  const raters = { self: 1, manager: 1, peer: 2, subordinate: 0, customer: 0 };

  it("expects only the groups that weigh and apply to the person", () => {
    // self weighs 0; no reports → no subordinates; no customer rated → customers not expected.
    expect(
      expectedRaterGroups({ raters, groupWeights: weights, hasManager: true, hasReports: false }),
    ).toEqual({
      manager: 1,
      peer: 2,
    });
    // A head of department: no manager, has reports (0 rated yet), rated by one customer.
    expect(
      expectedRaterGroups({
        raters: { ...raters, manager: 0, customer: 1 },
        groupWeights: weights,
        hasManager: false,
        hasReports: true,
      }),
    ).toEqual({ peer: 2, subordinate: 0, customer: 1 });
  });
});

describe("departmentKpiRows", () => {
  it("sums the targets of a sum KPI and keeps the common target of an average KPI", () => {
    const rows = departmentKpiRows([
      { department: "Ops", kpiId: "K1", aggregation: "sum", direction: "higher", target: 60, actual: 70 },
      { department: "Ops", kpiId: "K1", aggregation: "sum", direction: "higher", target: 40, actual: null },
      {
        department: "Ops",
        kpiId: "K2",
        aggregation: "average",
        direction: "higher",
        target: 0.9,
        actual: 0.8,
      },
      { department: "Ops", kpiId: "K2", aggregation: "average", direction: "higher", target: 0.9, actual: 1 },
    ]);
    expect(rows).toEqual([
      { department: "Ops", kpiId: "K1", aggregation: "sum", direction: "higher", target: 100, actuals: [70] },
      {
        department: "Ops",
        kpiId: "K2",
        aggregation: "average",
        direction: "higher",
        target: 0.9,
        actuals: [0.8, 1],
      },
    ]);
  });
});

describe("monitorSheet", () => {
  it("gives each stage its status on as_of, with an overdue stage", () => {
    const sheet = monitorSheet(contextOf(cycleFixture(), "en-US", COMMENTS));
    const rows = grid(sheet);
    expect(sheet.name).toBe("Monitor");
    expect(sheet.generated).toBe(true);
    // as_of 2025-06-30. Goals: everyone has KPIs → Done. Data: Bob lacks an actual and the
    // deadline 06-15 has passed → Overdue by 15 days. Review: Cat has no form (limit 2), due
    // today → still Open. Feedback: no deadline, comments missing → Open.
    // Columns: stage, due, status, people done, days overdue.
    const stage = (label: string) => rowAfter(rows, "Stage", label);
    expect(stage("Goals set")).toEqual(["Goals set", "2025-01-31", "Done", "3/3", null]);
    expect(stage("Data collected")).toEqual(["Data collected", "2025-06-15", "Overdue", "2/3", 15]);
    expect(stage("Reviews written")).toEqual(["Reviews written", "2025-06-30", "Open", "2/3", null]);
    expect(stage("Feedback given")).toEqual(["Feedback given", null, "Open", "1/3", null]);
    // The status cells are coloured by word: Done green, Open grey, Overdue red.
    const fills = (sheet.conditionalFormats ?? []).filter((f) => f.type === "cellIs" && f.ref === "C6:C9");
    expect(fills.map((f) => (f.type === "cellIs" ? [f.formulas[0], f.fill] : []))).toEqual([
      ['"Done"', "C6EFCE"],
      ['"Open"', "E7E6E6"],
      ['"Overdue"', "FFC7CE"],
    ]);
  });

  it("lists per employee KPIs, actuals n/m, raters per group, form, comment and completeness", () => {
    const rows = grid(monitorSheet(contextOf(cycleFixture(), "en-US", COMMENTS)));
    const header = rowAfter(rows, "By employee", "Employee ID");
    expect(header).toEqual([
      "Employee ID",
      "Name",
      "Department",
      "Actuals (in/expected)",
      "KPIs set",
      "Self",
      "Manager",
      "Peers",
      "Subordinates",
      "Customers",
      "Review form",
      "Manager comment",
      "Complete",
      "Groups short of raters",
    ]);
    // min_raters 3; self weighs 0, so it is not expected (blank) although people rated themselves.
    // Ann: manager 1 ok, 1 peer < 3 → short; no reports, no customer ratings → not expected.
    // Columns: id, name, dept, actuals, KPIs, self, manager, peers, subordinates, customers, form,
    // comment, complete, short groups.
    const E1 = ["E1", "Ann", "Sales", "2/2", 2, null, 1, 1, null, null, "Yes", "Yes", "No", "Peers"];
    expect(rowAfter(rows, "By employee", "E1")).toEqual(E1);
    // Bob: one actual of two, no peers; his comment is blank.
    const E2 = ["E2", "Bob", "Sales", "1/2", 2, null, 1, 0, null, null, "Yes", "No", "No", "Peers"];
    expect(rowAfter(rows, "By employee", "E2")).toEqual(E2);
    // Cat: no manager; two reports but no ratings from them; one customer; third person → no form.
    const short = "Peers, Subordinates, Customers";
    const E3 = ["E3", "Cat", "Service", "2/2", 2, null, null, 0, 0, 1, "No", "No", "No", short];
    expect(rowAfter(rows, "By employee", "E3")).toEqual(E3);
  });

  it("rolls up shares per department and for the whole cycle, and charts actuals complete", () => {
    const sheet = monitorSheet(contextOf(cycleFixture(), "en-US", COMMENTS));
    const rows = grid(sheet);
    // Sales (Ann, Bob): goals 2/2, all actuals 1/2, actuals in 3/4, enough raters 0/2, forms 2/2,
    // comments 1/2, complete 0/2. Service (Cat): 1, 1, 2/2, 0, 0, 0, 0.
    expect(rowAfter(rows, "By department", "Sales")).toEqual(["Sales", 2, 1, 0.5, 0.75, 0, 1, 0.5, 0]);
    expect(rowAfter(rows, "By department", "Service")).toEqual(["Service", 1, 1, 1, 1, 0, 0, 0, 0]);
    // Whole cycle: all actuals 2/3, actuals in 5/6, forms 2/3, comments 1/3.
    expect(rowAfter(rows, "By department", "Whole cycle")).toEqual([
      "Whole cycle",
      3,
      1,
      2 / 3,
      5 / 6,
      0,
      2 / 3,
      1 / 3,
      0,
    ]);
    const dataBar = sheet.conditionalFormats?.find((f) => f.type === "dataBar");
    expect(dataBar).toMatchObject({ min: 0, max: 1 });

    const sales = rowNumber(rows, "Sales");
    expect(sheet.charts).toHaveLength(1);
    const [series] = sheet.charts![0].series;
    expect(sheet.charts![0].type).toBe("column");
    expect(series.categories).toEqual({
      ref: `'Monitor'!$A$${sales}:$A$${sales + 1}`,
      cache: ["Sales", "Service"],
    });
    expect(series.values).toEqual({ ref: `'Monitor'!$D$${sales}:$D$${sales + 1}`, cache: [0.5, 1] });
  });

  it("speaks Chinese in a Chinese workbook", () => {
    const sheet = monitorSheet(contextOf(cycleFixture(), "zh-CN", COMMENTS));
    const rows = grid(sheet);
    expect(sheet.name).toBe("考核进度");
    expect(rowAfter(rows, "阶段", "数据收集")).toEqual(["数据收集", "2025-06-15", "已逾期", "2/3", 15]);
    expect(rowAfter(rows, "阶段", "目标设定")[2]).toBe("已完成");
    expect(rowAfter(rows, "阶段", "结果反馈")[2]).toBe("进行中");
    expect(rowAfter(rows, "按员工", "E3").slice(10)).toEqual(["否", "否", "否", "同事、下级、客户"]);
    expect(rowAfter(rows, "按部门", "全部")[0]).toBe("全部");
    expect(sheet.charts![0].series[0].values.ref.startsWith("'考核进度'!")).toBe(true);
  });

  it("marks nothing done for an empty cycle", () => {
    const fx = cycleFixture();
    for (const key of ["employees", "decomposition", "tasks", "actuals"] as const) fx.sheets[key] = [];
    // Nobody to share a pool among (the engine refuses to split a pool over no one).
    fx.settings = fx.settings.filter(([k]) => k !== "bonus_pool");
    fx.sheets.feedback = [];
    fx.sheets.efficiency = [];
    const ctx = contextOf(fx, "en-US");
    expect(monitorProgress(ctx)).toEqual([]);
    const rows = grid(monitorSheet(ctx));
    // Goals are due 01-31, long past: an empty workbook is overdue, not done.
    expect(rowAfter(rows, "Stage", "Goals set")[2]).toBe("Overdue");
  });
});

describe("analysisSheet", () => {
  it("shows the survey per question with small groups suppressed and explained", () => {
    const sheet = analysisSheet(contextOf(cycleFixture(), "en-US"));
    const rows = grid(sheet);
    expect(sheet.name).toBe("Analysis");
    // Columns: question | before mean, fav, n | after mean, fav, n | change mean, fav | all mean, fav, n.
    // Clear: after has 3 answers → "—" with n; overall 8 answers 3,3,4,2,5,4,4,5 → 30/8 = 3.75, 5/8.
    expect(rowAfter(rows, "Satisfaction survey", "Clear")).toEqual([
      "Clear",
      3.4,
      0.4,
      5,
      "—",
      "—",
      3,
      null,
      null,
      3.75,
      5 / 8,
      8,
    ]);
    const fair = rowAfter(rows, "Satisfaction survey", "Fair");
    expect(fair.slice(0, 7)).toEqual(["Fair", 3, 0.2, 5, 4, 0.8, 5]);
    expect(fair[7]).toBeCloseTo(1, 10);
    expect(fair[8]).toBeCloseTo(0.6, 10);
    // The suppressed cell carries a note saying why; a legend line says it once for all.
    const clearRow = rowNumber(rows, "Clear");
    expect(sheet.notes).toEqual([
      { cell: `E${clearRow}`, text: expect.stringContaining("n = 3: fewer than 5 answers") },
    ]);
    expect(rows.flat()).toContainEqual(expect.stringMatching(/^— = fewer than 5 answers/));
  });

  it("puts the findings near the top as plain sentences", () => {
    const rows = grid(analysisSheet(contextOf(cycleFixture(), "en-US")));
    const at = rowNumber(rows, "Findings");
    expect(at).toBeLessThanOrEqual(4);
    const sentences = rows.slice(at).map((r) => r[0]);
    expect(sentences).toContain("• Satisfaction (Fair) rose from 3.0 to 4.0 (n=10)");
    expect(sentences).toContain(
      "• Satisfaction (Clear): too few answers before or after to compare (before n=5, after n=3)",
    );
    // Deals per week: E1 4 → 5, E2 2 → 2: means 3 → 3.5, +16.7 %, 1 of 2 improved.
    expect(sentences).toContain(
      "• Efficiency (Deals per week): mean 3 → 3.5 (+16.7%), 1 of 2 people improved",
    );
    expect(sentences).toContain("• Overall KPI completion: 75% (3 of 4 KPIs met)");
  });

  it("reports efficiency per metric", () => {
    const rows = grid(analysisSheet(contextOf(cycleFixture(), "en-US")));
    const deals = rowAfter(rows, "Efficiency", "Deals per week");
    expect(deals.slice(0, 4)).toEqual(["Deals per week", 2, 3, 3.5]);
    expect(deals[4]).toBeCloseTo(0.5 / 3, 10);
    expect(deals.slice(5, 7)).toEqual([1, 0.5]);
  });

  it("says why the correlation is not available: too few people", () => {
    const rows = grid(analysisSheet(contextOf(cycleFixture(), "en-US")));
    // Two people with efficiency data; Cat has none and is left out.
    expect(rowAfter(rows, "Incentive and efficiency", "Correlation r")[1]).toBe("not available");
    expect(rowAfter(rows, "Incentive and efficiency", "People (n)")[1]).toBe(2);
    expect(rowAfter(rows, "Incentive and efficiency", "Left out")[1]).toBe(1);
    expect(rowAfter(rows, "Incentive and efficiency", "Reading")[1]).toBe(
      "fewer than 3 people with both figures",
    );
  });

  it("says why the correlation is not available: no variation", () => {
    const fx = cycleFixture();
    // Everyone improves by exactly 10 %: the efficiency change has no variance.
    fx.sheets.efficiency = ["E1", "E2", "E3"].map((id) => ({
      employee_id: id,
      metric: "Deals",
      before: 10,
      after: 11,
    }));
    const rows = grid(analysisSheet(contextOf(fx, "en-US")));
    expect(rowAfter(rows, "Incentive and efficiency", "People (n)")[1]).toBe(3);
    expect(rowAfter(rows, "Incentive and efficiency", "Reading")[1]).toBe(
      "bonus relative to base or efficiency change is the same for everyone",
    );
  });

  it("shows r with n when three people have both figures", () => {
    const fx = cycleFixture();
    fx.sheets.efficiency = [
      { employee_id: "E1", metric: "Deals", before: 10, after: 12 },
      { employee_id: "E2", metric: "Deals", before: 10, after: 10 },
      { employee_id: "E3", metric: "Deals", before: 10, after: 15 },
    ];
    const ctx = contextOf(fx, "en-US");
    const rows = grid(analysisSheet(ctx));
    const r = rowAfter(rows, "Incentive and efficiency", "Correlation r")[1];
    expect(typeof r).toBe("number");
    expect(Math.abs(r as number)).toBeLessThanOrEqual(1);
    expect(rowAfter(rows, "Incentive and efficiency", "People (n)")[1]).toBe(3);
    expect(rowAfter(rows, "Incentive and efficiency", "Reading")[1]).toMatch(
      /^(no clear relation|(weak|moderate|strong) (positive|negative))$/,
    );
  });

  it("gives completion per department as the cycle computes it, and for the whole cycle", () => {
    const ctx = contextOf(cycleFixture(), "en-US");
    const sheet = analysisSheet(ctx);
    const rows = grid(sheet);
    // Sales: K1 sum 850 + 210 ≥ 800 + 200 met; K2 average, Ann's 0.92 alone ≥ 0.9 met → 2/2.
    // Service: K2 0.9 ≥ 0.9 met; K3 25 > 20 (lower) not met → 1/2. Whole cycle 3/4.
    expect(rowAfter(rows, "KPI completion by department", "Sales")).toEqual(["Sales", 2, 2, 2, 1]);
    expect(rowAfter(rows, "KPI completion by department", "Service")).toEqual(["Service", 1, 2, 1, 0.5]);
    expect(rowAfter(rows, "KPI completion by department", "Whole cycle")).toEqual([
      "Whole cycle",
      3,
      4,
      3,
      0.75,
    ]);
    // The department rates are the cycle's own (SPEC §9), in its order.
    const figures = analysisFigures(ctx);
    for (const d of ctx.result.departments) {
      expect(figures.completion.departments.find((c) => c.department === d.department)?.completionRate).toBe(
        d.completionRate,
      );
    }
    const chart = sheet.charts!.find((c) => c.title === "KPI completion by department")!;
    expect(chart.series[0].values.cache).toEqual(ctx.result.departments.map((d) => d.completionRate));
  });

  it("charts the survey's before and after means as two series", () => {
    const sheet = analysisSheet(contextOf(cycleFixture(), "en-US"));
    const rows = grid(sheet);
    const clear = rowNumber(rows, "Clear");
    const chart = sheet.charts!.find((c) => c.title === "Mean satisfaction before and after")!;
    expect(chart.type).toBe("bar");
    expect(chart.series.map((s) => s.name)).toEqual(["Before", "After"]);
    expect(chart.series[0].values).toEqual({
      ref: `'Analysis'!$B$${clear}:$B$${clear + 1}`,
      cache: [3.4, 3],
    });
    // Clear's after mean is suppressed: no point is drawn (NaN leaves the cache blank).
    expect(chart.series[1].values.ref).toBe(`'Analysis'!$E$${clear}:$E$${clear + 1}`);
    expect(chart.series[1].values.cache).toEqual([NaN, 4]);
    expect(chart.series[1].categories!.cache).toEqual(["Clear", "Fair"]);
  });

  it("says briefly when there is no survey and no efficiency data", () => {
    const fx = cycleFixture();
    delete fx.sheets.survey;
    delete fx.sheets.efficiency;
    const sheet = analysisSheet(contextOf(fx, "en-US"));
    const rows = grid(sheet);
    expect(
      rowAfter(
        rows,
        "Satisfaction survey",
        "No survey answers: fill in the Survey sheet to compare satisfaction before and after.",
      ),
    ).toBeDefined();
    expect(
      rowAfter(
        rows,
        "Efficiency",
        "No efficiency data: fill in the Efficiency sheet to compare efficiency before and after.",
      ),
    ).toBeDefined();
    expect(rowAfter(rows, "Incentive and efficiency", "People (n)")[1]).toBe(0);
    // Only the completion chart remains.
    expect(sheet.charts!.map((c) => c.title)).toEqual(["KPI completion by department"]);
  });

  it("speaks Chinese in a Chinese workbook", () => {
    const sheet = analysisSheet(contextOf(cycleFixture(), "zh-CN"));
    const rows = grid(sheet);
    expect(sheet.name).toBe("激励效果");
    const sentences = rows.map((r) => r[0]);
    expect(sentences).toContain("• 满意度（Fair）由 3.0 升至 4.0（n=10）");
    expect(sentences).toContain("• 整体 KPI 达成率 75%（4 项中 3 项达成）");
    expect(rowAfter(rows, "满意度调查", "Clear")[4]).toBe("—");
    expect(sheet.notes![0].text).toContain("n = 3：答卷少于 5 份");
    expect(rowAfter(rows, "激励与效率", "解读")[1]).toBe("两项数据齐全的人少于 3 人");
    expect(rowAfter(rows, "各部门 KPI 达成率", "全部")).toEqual(["全部", 3, 4, 3, 0.75]);
  });
});

describe.skipIf(!libreOfficeOrSkip())("Monitor and Analysis through LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "perfsheet-monitor-analysis-"));
  const contexts = new Map<string, ReportContext>();

  beforeAll(async () => {
    for (const lang of ["en-US", "zh-CN"] as Lang[]) {
      const xlsx = await writePlanToXlsx(templatePlan(lang, sampleData(lang)));
      const { model } = loadModel(await readXlsx(xlsx), { today: "2027-01-12" });
      contexts.set(`sample-${lang}`, makeContext(model!, evaluateCycle(model!), null, lang));
    }
    // The small cycle shows what the sample does not: an overdue stage and suppressed groups.
    contexts.set("fixture-en-US", contextOf(cycleFixture(), "en-US", COMMENTS));
  });

  it.each(["sample-en-US", "sample-zh-CN", "fixture-en-US"])(
    "renders both sheets to PDF (%s)",
    async (key) => {
      const ctx = contexts.get(key)!;
      const file = join(dir, `monitor-analysis-${key}.xlsx`);
      const xlsx = await writePlanToXlsx({ lang: ctx.lang, sheets: [monitorSheet(ctx), analysisSheet(ctx)] });
      writeFileSync(file, xlsx);
      const back = await readXlsx(file);
      expect(back.sheets.map((s) => s.name)).toEqual([ctx.sheet("monitor"), ctx.sheet("analysis")]);
      const pdf = await convertWithLibreOffice(file, "pdf", join(dir, "pdf"));
      expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      console.info(`Monitor/Analysis PDF for a visual check: ${pdf}`);
    },
  );
});
