import { describe, it, expect } from "vitest";
import { departmentCompletion, type DepartmentKpiRow } from "../../../src/core/analysis/completion";
import { incentiveCorrelation } from "../../../src/core/analysis/correlation";
import { efficiencySummary } from "../../../src/core/analysis/efficiency";
import { findings } from "../../../src/core/analysis/findings";
import { surveySummary, type SurveyAnswer } from "../../../src/core/analysis/survey";

const answers = (question: string, period: "before" | "after", scores: number[]): SurveyAnswer[] =>
  scores.map((score) => ({ question, score, period }));

// Before: eight 3s and two 4s → 32 / 10 = 3.2. After: nine 4s and one 3 → 39 / 10 = 3.9. n = 20.
const fairnessRows = (question: string) => [
  ...answers(question, "before", [3, 3, 3, 3, 3, 3, 3, 3, 4, 4]),
  ...answers(question, "after", [4, 4, 4, 4, 4, 4, 4, 4, 4, 3]),
];

describe("findings: survey", () => {
  it("states a rise in both languages", () => {
    expect(findings({ survey: surveySummary(fairnessRows("公平性")) }, "zh-CN")).toEqual([
      "满意度（公平性）由 3.2 升至 3.9（n=20）",
    ]);
    expect(findings({ survey: surveySummary(fairnessRows("fairness")) }, "en-US")).toEqual([
      "Satisfaction (fairness) rose from 3.2 to 3.9 (n=20)",
    ]);
  });

  it("states a fall, and a change too small to show as unchanged", () => {
    const fell = [...answers("Pay", "before", [4, 4, 4, 4, 4]), ...answers("Pay", "after", [3, 3, 3, 3, 3])];
    // 3.50 → 3.52 shows as 3.5 → 3.5: "stayed".
    const flat = [
      ...answers("Load", "before", [3, 4, 3, 4, 3, 4, 3, 4, 3, 4]),
      ...answers(
        "Load",
        "after",
        [3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4],
      ),
    ];
    // after: 13 fours and 12 threes = 88 / 25 = 3.52
    expect(findings({ survey: surveySummary([...fell, ...flat]) }, "en-US")).toEqual([
      "Satisfaction (Pay) fell from 4.0 to 3.0 (n=10)",
      "Satisfaction (Load) stayed at 3.5 (n=35)",
    ]);
    expect(findings({ survey: surveySummary(fell) }, "zh-CN")).toEqual([
      "满意度（Pay）由 4.0 降至 3.0（n=10）",
    ]);
  });

  it("says when a period group is too small to compare, without its mean", () => {
    const rows = [...answers("Pay", "before", [5, 5, 5]), ...answers("Pay", "after", [2, 2, 2, 2, 2])];
    const [sentence] = findings({ survey: surveySummary(rows) }, "en-US");
    expect(sentence).toBe(
      "Satisfaction (Pay): too few answers before or after to compare (before n=3, after n=5)",
    );
    expect(sentence).not.toContain("5.0");
  });

  it("gives the overall figures when there are no periods", () => {
    // 4,4,5,2,3 → mean 18/5 = 3.6, favourable 3/5 = 60%
    const rows: SurveyAnswer[] = [4, 4, 5, 2, 3].map((score) => ({ question: "Tools", score }));
    expect(findings({ survey: surveySummary(rows) }, "en-US")).toEqual([
      "Satisfaction (Tools): mean 3.6, 60% favourable (n=5)",
    ]);
    expect(findings({ survey: surveySummary(rows.slice(0, 1)) }, "zh-CN")).toEqual([
      "满意度（Tools）：答卷太少，不单独显示（n=1）",
    ]);
  });

  it("says when there are no answers", () => {
    expect(findings({ survey: [] }, "en-US")).toEqual(["No survey answers"]);
    expect(findings({ survey: [] }, "zh-CN")).toEqual(["没有满意度调查数据"]);
  });
});

describe("findings: efficiency", () => {
  it("states means, percentage change and people improved", () => {
    // means 20 → 22 (+10.0%), E1 and E3 improved of 3
    const summary = efficiencySummary([
      { employeeId: "E1", metric: "orders/h", before: 10, after: 12 },
      { employeeId: "E2", metric: "orders/h", before: 20, after: 18 },
      { employeeId: "E3", metric: "orders/h", before: 30, after: 36 },
    ]);
    expect(findings({ efficiency: summary }, "en-US")).toEqual([
      "Efficiency (orders/h): mean 20 → 22 (+10.0%), 2 of 3 people improved",
    ]);
    expect(findings({ efficiency: summary }, "zh-CN")).toEqual([
      "效率（orders/h）：均值由 20 变为 22（+10.0%），3 人中 2 人改善",
    ]);
  });

  it("leaves out the percentage from a zero base, and reports no data", () => {
    const summary = efficiencySummary([{ employeeId: "E1", metric: "new", before: 0, after: 2.5 }]);
    expect(findings({ efficiency: summary }, "en-US")).toEqual([
      "Efficiency (new): mean 0 → 2.5, 1 of 1 people improved",
    ]);
    expect(findings({ efficiency: [] }, "zh-CN")).toEqual(["没有效率对比数据"]);
  });
});

describe("findings: correlation", () => {
  it("gives r with a plain reading", () => {
    // Same data as the correlation test: r = 0.6 → strong positive.
    const c = incentiveCorrelation([
      { employeeId: "E1", bonus: 1, base: 1, efficiencyChange: 0.2 },
      { employeeId: "E2", bonus: 2, base: 1, efficiencyChange: 0.1 },
      { employeeId: "E3", bonus: 3, base: 1, efficiencyChange: 0.4 },
      { employeeId: "E4", bonus: 4, base: 1, efficiencyChange: 0.3 },
    ]);
    expect(findings({ correlation: c }, "en-US")).toEqual([
      "Bonus relative to base vs efficiency change: r = 0.60, strong positive (n=4)",
    ]);
    expect(findings({ correlation: c }, "zh-CN")).toEqual([
      "奖金/奖金基数与效率变化的相关系数 r = 0.60，强正相关（n=4）",
    ]);
  });

  it("explains why r is not available", () => {
    expect(findings({ correlation: { r: null, n: 2, reason: "too_few", excluded: 0 } }, "en-US")).toEqual([
      "Correlation of bonus and efficiency change not available: fewer than 3 people with both figures (n=2)",
    ]);
    expect(
      findings({ correlation: { r: null, n: 5, reason: "zero_variance", excluded: 0 } }, "zh-CN"),
    ).toEqual(["奖金与效率变化的相关性无法计算：奖金/奖金基数或效率变化人人相同（n=5）"]);
  });

  it("calls a small |r| no clear relation and a negative one negative", () => {
    expect(findings({ correlation: { r: 0.05, n: 10, excluded: 0 } }, "en-US")[0]).toContain(
      "no clear relation",
    );
    expect(findings({ correlation: { r: -0.35, n: 10, excluded: 0 } }, "en-US")[0]).toContain(
      "moderate negative",
    );
    expect(findings({ correlation: { r: -0.2, n: 10, excluded: 0 } }, "zh-CN")[0]).toContain("弱负相关");
  });
});

describe("findings: completion", () => {
  const row = (department: string, kpiId: string, actuals: number[]): DepartmentKpiRow => ({
    department,
    kpiId,
    aggregation: "sum",
    direction: "higher",
    target: 100,
    actuals,
  });

  it("states the overall rate and the lowest department", () => {
    // Ops 2 of 2 met; Sales 1 of 3 met (33%); overall 3 of 5 = 60%.
    const completion = departmentCompletion([
      row("Ops", "K1", [100]),
      row("Ops", "K2", [120]),
      row("Sales", "K1", [100]),
      row("Sales", "K2", [99]),
      row("Sales", "K3", []),
    ]);
    expect(findings({ completion }, "en-US")).toEqual([
      "Overall KPI completion: 60% (3 of 5 KPIs met)",
      "Lowest KPI completion: Sales, 33% (1 of 3 KPIs met)",
    ]);
    expect(findings({ completion }, "zh-CN")).toEqual([
      "整体 KPI 达成率 60%（5 项中 3 项达成）",
      "KPI 达成率最低的部门：Sales，33%（3 项中 1 项达成）",
    ]);
  });

  it("names all departments tied for lowest", () => {
    const completion = departmentCompletion([
      row("Ops", "K1", [0]),
      row("Sales", "K1", [0]),
      row("Care", "K1", [100]),
    ]);
    expect(findings({ completion }, "zh-CN")[1]).toBe("KPI 达成率最低的部门：Ops、Sales，0%");
  });

  it("gives no lowest-department sentence for one department, and says when there is nothing", () => {
    expect(findings({ completion: departmentCompletion([row("Ops", "K1", [100])]) }, "en-US")).toEqual([
      "Overall KPI completion: 100% (1 of 1 KPIs met)",
    ]);
    expect(findings({ completion: departmentCompletion([]) }, "en-US")).toEqual([
      "No department KPIs to measure completion",
    ]);
  });
});

describe("findings: order", () => {
  it("lists survey, efficiency, correlation, then completion", () => {
    const out = findings(
      {
        completion: departmentCompletion([]),
        correlation: { r: null, n: 0, reason: "too_few", excluded: 0 },
        efficiency: [],
        survey: [],
      },
      "en-US",
    );
    expect(out.map((s) => s.split(" ")[0])).toEqual(["No", "No", "Correlation", "No"]);
    expect(out[0]).toBe("No survey answers");
    expect(out[1]).toBe("No efficiency data");
  });

  it("says nothing about parts that were not given", () => {
    expect(findings({}, "en-US")).toEqual([]);
  });
});
