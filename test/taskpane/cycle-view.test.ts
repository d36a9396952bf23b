import { describe, it, expect, beforeAll } from "vitest";
import type { TaskPlan } from "../../src/core/tasks";
import {
  analyse,
  incentiveSettings,
  previewIncentives,
  problemsBySheet,
  reviewPlan,
  stagePlan,
  stageProblems,
  taskCounts,
  withReferencedSheets,
  type Analysis,
} from "../../src/taskpane/cycle-view";
import type { SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import type { Problem } from "../../src/workbook/problems";
import type { RawWorkbook } from "../../src/workbook/raw";
import { sampleRaw, TODAY } from "./support";

const sheet = (name: string, formula?: string): SheetPlan => ({
  name,
  kind: name.toLowerCase(),
  generated: true,
  blocks: formula ? [{ at: "A1", rows: [[{ formula, result: 0 }]] }] : [],
});

describe("the sheets a step writes", () => {
  it("adds the sheets a chosen sheet refers to, transitively, in plan order", () => {
    // A → 'B C' → D; E stands alone.
    const plan: WorkbookPlan = {
      lang: "en-US",
      sheets: [sheet("E"), sheet("D"), sheet("B C", "SUM('D'!$A$1:$A$3)"), sheet("A", "'B C'!B2*2")],
    };
    expect(withReferencedSheets(plan, (s) => s.name === "A").sheets.map((s) => s.name)).toEqual([
      "D",
      "B C",
      "A",
    ]);
    expect(withReferencedSheets(plan, (s) => s.name === "E").sheets.map((s) => s.name)).toEqual(["E"]);
  });

  it("takes the Evaluate sheets of the sample with what they read, and nothing of other steps", async () => {
    const a = analyse(await sampleRaw("en-US"), "en-US", TODAY);
    expect(a.run).toBeDefined();
    const names = stagePlan(a.run!.plan, "evaluate").sheets.map((s) => s.name);
    expect(names).toContain("Scorecard");
    // The scorecard's KPI score formulas read KPI Detail.
    expect(names).toContain("KPI Detail");
    expect(names.some((n) => n.startsWith("Review-"))).toBe(true);
    expect(names).not.toContain("Goals");
    expect(stagePlan(a.run!.plan, "goals").sheets.map((s) => s.name)).toEqual(["Goals"]);
  });

  it("writes one person's form with the sheets it refers to", async () => {
    const a = analyse(await sampleRaw("en-US"), "en-US", TODAY);
    const id = a.run!.result.employees[3].id;
    const plan = reviewPlan(a, id)!;
    expect(plan.sheets.some((s) => s.name === `Review-${id}`)).toBe(true);
    expect(plan.sheets.filter((s) => s.kind.startsWith("review:"))).toHaveLength(1);
    expect(reviewPlan(a, "nobody")).toBeUndefined();
  });
});

describe("problems on the pane", () => {
  const p = (sheet: string, cell: string, severity: Problem["severity"]): Problem => ({
    sheet,
    cell,
    code: "x",
    message: `${sheet}!${cell}`,
    severity,
  });

  it("groups by sheet in first-seen order, errors first", () => {
    const groups = problemsBySheet([
      p("KPIs", "B2", "warning"),
      p("Actuals", "C5", "error"),
      p("KPIs", "D9", "error"),
    ]);
    expect(groups.map((g) => g.sheet)).toEqual(["KPIs", "Actuals"]);
    expect(groups[0].problems.map((x) => x.cell)).toEqual(["D9", "B2"]);
  });

  it("gives each step the problems of the sheets it reads, by English or Chinese name", () => {
    const all = [
      p("Decomposition", "C3", "error"),
      p("实际数据", "C4", "error"),
      p("Tasks", "A2", "warning"),
    ];
    expect(stageProblems(all, "goals").map((x) => x.sheet)).toEqual(["Decomposition"]);
    expect(stageProblems(all, "data").map((x) => x.sheet)).toEqual(["实际数据"]);
    expect(stageProblems(all, "tasks").map((x) => x.sheet)).toEqual(["Tasks"]);
  });

  it("says a workbook's problems in the pane's language, while the plan keeps the workbook's", async () => {
    // The first Decomposition row of K01 loses 10 points of share: K01 is then 90% assigned.
    const raw = await sampleRaw("en-US", (d) => {
      const row = d.rows.decomposition!.find(
        (r) => typeof r.share === "number" && (r.share as number) > 0.1,
      )!;
      row.share = (row.share as number) - 0.1;
    });
    const en = analyse(raw, "en-US", TODAY);
    const zh = analyse(raw, "zh-CN", TODAY);
    expect(en.run).toBeUndefined();
    const errors = (a: Analysis) => a.problems.filter((x) => x.severity === "error");
    expect(errors(en).length).toBeGreaterThan(0);
    expect(errors(zh).map((x) => `${x.sheet}!${x.cell}`)).toEqual(
      errors(en).map((x) => `${x.sheet}!${x.cell}`),
    );
    expect(errors(zh)[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(errors(en)[0].message).not.toMatch(/[\u4e00-\u9fff]/);

    const ok = analyse(await sampleRaw("en-US"), "zh-CN", TODAY);
    expect(ok.run!.plan.sheets.some((s) => s.name === "Scorecard")).toBe(true);
  });
});

describe("task counts", () => {
  it("counts assigned, over capacity, unassigned and at-risk tasks, with the reason in the pane's language", () => {
    const task = (taskId: string, assignee: string | null, overCapacity: boolean, atRisk: boolean) => ({
      taskId,
      assignee,
      overCapacity,
      atRisk,
      reason: assignee ? undefined : { code: "no_skill" as const, params: { taskId, skill: "SQL" } },
    });
    // T1 fine, T2 over capacity and late, T3 unassigned (no one has SQL).
    const plan = {
      tasks: [task("T1", "E1", false, false), task("T2", "E2", true, true), task("T3", null, false, false)],
    } as unknown as TaskPlan;
    const counts = taskCounts(plan, "en-US")!;
    expect(counts).toMatchObject({ total: 3, assigned: 2, overCapacity: 1, unassigned: 1, atRisk: 1 });
    expect(counts.unassignedWhy[0].taskId).toBe("T3");
    expect(counts.unassignedWhy[0].message).toContain("T3");
    expect(taskCounts(null, "en-US")).toBeNull();
  });
});

describe("the incentives preview", () => {
  let raw: RawWorkbook;
  let a: Analysis;
  beforeAll(async () => {
    raw = await sampleRaw("en-US");
    a = analyse(raw, "en-US", TODAY);
  });

  it("starts from the workbook's pool and coefficients, best grade first", () => {
    const s = incentiveSettings(a.run!);
    expect(s.pool).toBe(String(a.run!.model.settings.bonusPool));
    expect(s.coefficients.map(([g]) => g)).toEqual(["S", "A", "B", "C", "D"]);
  });

  it("shares out exactly a new pool (SPEC §6: Σ bonus = P)", () => {
    const preview = previewIncentives(raw, { bonus_pool: "123456" }, "en-US", TODAY);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.pool).toBe(123456);
    const cents = preview.byGrade.reduce((n, g) => n + Math.round(g.bonus * 100), 0);
    expect(cents).toBe(12345600);
  });

  it("with a pool, scaling every coefficient alike changes no one's share", () => {
    // bonus = P × raw / Σ raw: doubling every coefficient doubles raw and Σ raw alike.
    const s = incentiveSettings(a.run!);
    const doubled = s.coefficients.map(([g, v]) => `${g}:${Number(v) * 2}`).join(",");
    const preview = previewIncentives(raw, { coefficients: doubled }, "en-US", TODAY);
    expect(preview.ok && preview.byGrade).toEqual(a.run!.result.incentives.byGrade);
  });

  it("a bigger S coefficient moves money to S and away from every other paid grade", () => {
    const s = incentiveSettings(a.run!);
    const text = s.coefficients.map(([g, v]) => `${g}:${g === "S" ? Number(v) * 2 : v}`).join(",");
    const preview = previewIncentives(raw, { coefficients: text }, "en-US", TODAY);
    if (!preview.ok) throw new Error("preview failed");
    const before = new Map(a.run!.result.incentives.byGrade.map((g) => [g.grade, g.bonus]));
    for (const g of preview.byGrade) {
      if (g.count === 0 || before.get(g.grade) === 0) continue;
      if (g.grade === "S") expect(g.bonus).toBeGreaterThan(before.get("S")!);
      else expect(g.bonus).toBeLessThan(before.get(g.grade)!);
    }
  });

  it("refuses values that are not numbers, located on the Settings sheet", () => {
    const preview = previewIncentives(raw, { coefficients: "S:lots" }, "zh-CN", TODAY);
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.problems[0].sheet).toBe("Settings");
    expect(preview.problems[0].message).toMatch(/[\u4e00-\u9fff]/);
  });
});
