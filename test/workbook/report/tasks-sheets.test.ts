/**
 * The Plan and Workload sheets (SPEC §7) as sheet plans, from a small hand-made task list
 * whose plan is worked out by hand below, then rendered and recalculated by LibreOffice.
 */
import { describe, it, expect } from "vitest";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { baseFixture, rawFixture } from "../fixtures";
import { loadModel } from "../../../src/workbook/load";
import { evaluateCycle, planCycleTasks } from "../../../src/core/cycle";
import type { Model, Task } from "../../../src/core/model";
import { makeContext, type ReportContext } from "../../../src/workbook/report/context";
import { planSheet } from "../../../src/workbook/report/plan-sheet";
import { workloadSheet } from "../../../src/workbook/report/workload";
import { cellAt } from "../../../src/workbook/report/common";
import {
  isDate,
  isFormula,
  isStyled,
  type CellPlan,
  type ConditionalFormatPlan,
  type FormulaValue,
  type SheetPlan,
} from "../../../src/workbook/plan";
import { parseCell, writePlanToXlsx } from "../../../src/hosts/file/render-xlsx";
import type { Lang } from "../../../src/workbook/schema";
import { convertWithLibreOffice, libreOfficeOrSkip, recalcXlsx } from "../../support/libreoffice";

/**
 * The base fixture's people: E1 Ann (Sales, fte 1), E2 Bob (Sales, fte 0.25, skills
 * `sales:4, crm` so crm is level 3), E3 Cat (Service, capacity 900 h); buffer 15%, 8 h a day.
 * Period 2025-07-01 (Tue) – 2025-07-31: 23 working days, so capacities are E1 8 × 23 = 184 h,
 * E2 8 × 0.25 × 23 = 46 h, E3 900 h.
 *
 * Quadrants (important_min = urgent_min = 4): T1 (5,5) Q1, T5 (4,4) Q1, T2 (5,2) Q2,
 * T3 (2,5) Q3, T6 (3,2) Q4, T4 (1,1) Q4. Priority: T1 before T5 (a due date before none),
 * T6 before T4 (importance 3 > 1) → T1, T5, T2, T3, T6, T4.
 *
 * Allocation: pre-assigned first: T5 names E9, no employee → unassigned (unknown_assignee);
 * T6 → E2 (10 h). Then T1 (Sales): E1 16/184 < E2 26/46 → E1. T2 needs sales ≥ 4: only E2,
 * 10 + 40 = 50 > 46 → E2, over capacity. T3 (Service) → E3. T4 needs crm 5: E2 has 3 →
 * unassigned (no_skill_level, best 3).
 *
 * Schedule: T1 E1 ceil(2 × 1.15) = 3 days 07-01..07-03 (due 07-03: on time).
 * E2: T2 ceil(40 / 2 × 1.15) = 23 days 07-01..07-31 (due 07-15: at risk); then T6
 * ceil(5 × 1.15) = 6 days from Fri 08-01 to Fri 08-08. T3 E3 ceil(1.15) = 2 days 07-01..07-02.
 */
function task(id: string, fields: Partial<Task>): Task {
  return {
    id,
    name: `Task ${id}`,
    importance: 3,
    urgency: 3,
    effortHours: 8,
    source: { sheet: "Tasks", row: 2 },
    ...fields,
  };
}

const TASKS: Task[] = [
  task("T2", {
    importance: 5,
    urgency: 2,
    effortHours: 40,
    skill: "sales",
    skillLevel: 4,
    due: "2025-07-15",
    taskSource: "strategy",
  }),
  task("T4", { importance: 1, urgency: 1, effortHours: 4, skill: "crm", skillLevel: 5, project: "Ops" }),
  task("T1", {
    name: "Pipeline review",
    importance: 5,
    urgency: 5,
    effortHours: 16,
    department: "Sales",
    due: "2025-07-03",
    project: "Launch",
    kpiId: "K1",
    taskSource: "kpi",
    status: "Open",
  }),
  task("T3", { importance: 2, urgency: 5, effortHours: 8, department: "Service" }),
  task("T5", { importance: 4, urgency: 4, effortHours: 8, assignee: "E9" }),
  task("T6", { importance: 3, urgency: 2, effortHours: 10, assignee: "E2", project: "launch " }),
];

function makeModel(tasks: Task[] = TASKS, period = true): Model {
  const base = loadModel(rawFixture(baseFixture(), "en-US"), { today: "2025-07-01" }).model!;
  const settings = { ...base.settings };
  if (period) Object.assign(settings, { periodStart: "2025-07-01", periodEnd: "2025-07-31" });
  else Object.assign(settings, { periodStart: undefined, periodEnd: undefined });
  return { ...base, settings, tasks };
}

function context(lang: Lang, model: Model = makeModel()): ReportContext {
  return makeContext(model, evaluateCycle(model), planCycleTasks(model), lang);
}

/** Every written cell of the sheet by A1 address. */
function cells(sheet: SheetPlan): Map<string, CellPlan> {
  const out = new Map<string, CellPlan>();
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    block.rows.forEach((row, r) => row.forEach((cell, c) => out.set(cellAt(at.row + r, at.col + c), cell)));
  }
  return out;
}

const unwrap = (c: CellPlan | undefined) => (isStyled(c) ? c.value : c);

function formulaAt(grid: Map<string, CellPlan>, address: string): FormulaValue {
  const v = unwrap(grid.get(address));
  expect(isFormula(v), `${address} holds a formula`).toBe(true);
  return v as FormulaValue;
}

/** Column number of a header text in row 4 (the header row under the three title rows). */
function columnOf(grid: Map<string, CellPlan>, header: string): number {
  for (let col = 1; col < 200; col++) if (unwrap(grid.get(cellAt(4, col))) === header) return col;
  throw new Error(`no header "${header}"`);
}

/** Column letters of a 1-based column number. */
const letters = (col: number) => cellAt(1, col).replace(/\d+$/, "");

describe("Plan sheet", () => {
  const ctx = context("en-US");
  const sheet = planSheet(ctx);
  const grid = cells(sheet);
  const col = (header: string) => columnOf(grid, header);
  const at = (row: number, header: string) => unwrap(grid.get(cellAt(row, col(header))));
  const ORDER = ["T1", "T5", "T2", "T3", "T6", "T4"];

  it("lists the tasks in priority order, as the engine planned them", () => {
    expect(sheet.name).toBe("Plan");
    expect(sheet.generated).toBe(true);
    const ids = ORDER.map((_, i) => at(5 + i, "Task ID"));
    expect(ids).toEqual(ORDER);
    expect(ids).toEqual(ctx.tasks!.tasks.map((p) => p.taskId));
    expect(at(5, "Task")).toBe("Pipeline review");
    expect(at(5, "Source")).toBe("kpi");
    expect(at(5, "Linked KPI")).toBe("K1");
    expect(at(5, "Status")).toBe("Open");
  });

  it("names assignees and project leads, and says why a task is unassigned", () => {
    // T1 → E1 Ann; T2 and T6 → E2 Bob; T3 → E3 Cat. Launch: Ann 16 h > Bob 10 h → Ann leads.
    expect(ORDER.map((_, i) => at(5 + i, "Assignee ID"))).toEqual(["E1", null, "E2", "E3", "E2", null]);
    expect(ORDER.map((_, i) => at(5 + i, "Assignee"))).toEqual(["Ann", null, "Bob", "Cat", "Bob", null]);
    expect(at(5, "Project lead")).toBe("Ann");
    expect(at(9, "Project")).toBe("launch"); // as typed, trimmed
    expect(at(9, "Project lead")).toBe("Ann");
    expect(at(10, "Project lead")).toBe(null); // Ops: nobody assigned
    expect(at(6, "Why unassigned")).toBe("Task T5 is assigned to E9, who is not an employee.");
    expect(at(10, "Why unassigned")).toBe("Task T4 needs crm at level 5; the best is 3.");
    expect(at(5, "Why unassigned")).toBe(null);
  });

  it("writes due, start and end as real dates", () => {
    expect(at(5, "Start")).toEqual({ date: "2025-07-01" });
    expect(at(5, "End")).toEqual({ date: "2025-07-03" });
    expect(at(5, "Due")).toEqual({ date: "2025-07-03" });
    expect(at(7, "End")).toEqual({ date: "2025-07-31" });
    expect(at(9, "Start")).toEqual({ date: "2025-08-01" });
    expect(at(9, "End")).toEqual({ date: "2025-08-08" });
    expect(at(6, "Start")).toBe(null);
    expect(isDate(at(7, "Due"))).toBe(true);
    expect(at(5, "Effort (h)")).toBe(16);
  });

  it("flags T2 at risk (ends 07-31, due 07-15) and over capacity (Bob: 50 h of 46 h)", () => {
    expect(ORDER.map((_, i) => at(5 + i, "At risk"))).toEqual([null, null, "Yes", null, null, null]);
    expect(ORDER.map((_, i) => at(5 + i, "Over capacity"))).toEqual([null, null, "Yes", null, null, null]);
  });

  it("computes the quadrant with a live QUADRANT formula cached with the engine's value", () => {
    const imp = letters(col("Importance"));
    const urg = letters(col("Urgency"));
    const expected = ["Q1", "Q1", "Q2", "Q3", "Q4", "Q4"];
    const meaning = ["Do first", "Do first", "Schedule", "Delegate", "Later", "Later"];
    expected.forEach((q, i) => {
      const row = 5 + i;
      const quadrant = formulaAt(grid, cellAt(row, col("Quadrant")));
      expect(quadrant.perf).toBe(`PERF.QUADRANT(${imp}${row},${urg}${row},4,4)`);
      expect(quadrant.result).toBe(q);
      expect(quadrant.formula).toContain(`${imp}${row}`);
      const priority = formulaAt(grid, cellAt(row, col("Priority")));
      expect(priority.result).toBe(meaning[i]);
      expect(priority.formula).toContain(cellAt(row, col("Quadrant")));
    });
  });

  it("draws a week-by-week Gantt band with one rule per week over the rows' start and end", () => {
    // Weeks from Monday 06-30 (the period starts Tue 07-01) to the week of the latest end, 08-08.
    const first = col("End") + 1;
    const weeks = ["06-30", "07-07", "07-14", "07-21", "07-28", "08-04"];
    expect(weeks.map((_, i) => unwrap(grid.get(cellAt(4, first + i))))).toEqual(weeks);
    expect(unwrap(grid.get(cellAt(4, first + weeks.length)))).toBeUndefined();

    const rules = (sheet.conditionalFormats ?? []).filter(
      (cf): cf is Extract<ConditionalFormatPlan, { type: "expression" }> => cf.type === "expression",
    );
    const s = letters(col("Start"));
    const e = letters(col("End"));
    const week2 = letters(first + 1);
    expect(rules).toContainEqual(
      expect.objectContaining({
        ref: `${week2}5:${week2}10`,
        formula: `AND($${s}5<=DATE(2025,7,13),$${e}5>=DATE(2025,7,7))`,
      }),
    );

    // Which cells each rule fills, reading its two dates: a bar where [start, end] meets the week.
    const bars = ORDER.map((_, i) => {
      const start = at(5 + i, "Start") as { date: string } | null;
      const end = at(5 + i, "End") as { date: string } | null;
      return weeks
        .map((_, w) => {
          const rule = rules.find((r) => r.ref.startsWith(`${letters(first + w)}5:`))!;
          const [weekEnd, weekStart] = [...rule.formula.matchAll(/DATE\((\d+),(\d+),(\d+)\)/g)].map(
            ([, y, m, d]) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`,
          );
          return start !== null && end !== null && start.date <= weekEnd && end.date >= weekStart ? "#" : ".";
        })
        .join("");
    });
    // T1 07-01..07-03, T2 07-01..07-31, T3 07-01..07-02, T6 08-01..08-08; T5 and T4 have no dates.
    expect(bars).toEqual(["#.....", "......", "#####.", "#.....", "....##", "......"]);
  });

  it("colours at-risk rows red, makes the list a filterable table and freezes the header and names", () => {
    const risk = letters(col("At risk"));
    const lastBand = letters(col("End") + 6);
    expect(sheet.conditionalFormats).toContainEqual(
      expect.objectContaining({ type: "expression", ref: `A5:${lastBand}10`, formula: `$${risk}5<>""` }),
    );
    expect(sheet.tables).toEqual([expect.objectContaining({ ref: `A4:${letters(col("End"))}10` })]);
    expect(sheet.freeze).toEqual({ rows: 4, cols: 2 });
    expect(sheet.print).toMatchObject({ orientation: "landscape", fitToWidth: true });
  });

  it("speaks Chinese in a zh-CN workbook", () => {
    const zh = planSheet(context("zh-CN"));
    const zgrid = cells(zh);
    expect(zh.name).toBe("任务计划");
    const header = [1, 2, 3, 4].map((c) => unwrap(zgrid.get(cellAt(4, c))));
    expect(header).toEqual(["任务编号", "任务名称", "象限", "优先级"]);
    const zcol = (h: string) => columnOf(zgrid, h);
    expect(formulaAt(zgrid, cellAt(5, zcol("优先级"))).result).toBe("立即做");
    expect(formulaAt(zgrid, cellAt(7, zcol("优先级"))).result).toBe("计划做");
    expect(unwrap(zgrid.get(cellAt(5, zcol("任务来源"))))).toBe("指标");
    expect(unwrap(zgrid.get(cellAt(10, zcol("未分配原因"))))).toBe("任务 T4 需要 crm 等级 5，现有最高为 3。");
    expect(unwrap(zgrid.get(cellAt(7, zcol("延期风险"))))).toBe("是");
  });

  it("explains itself when there is no period or no task", () => {
    const noPeriod = planSheet(context("en-US", makeModel(TASKS, false)));
    expect(noPeriod.name).toBe("Plan");
    expect(noPeriod.generated).toBe(true);
    expect(JSON.stringify(noPeriod.blocks)).toContain("period_start");
    expect(noPeriod.tables ?? []).toEqual([]);
    const noTasks = planSheet(context("zh-CN", makeModel([])));
    expect(noTasks.name).toBe("任务计划");
    expect(JSON.stringify(noTasks.blocks)).toContain("没有需要排期的任务");
  });
});

describe("Workload sheet", () => {
  const ctx = context("en-US");
  const sheet = workloadSheet(ctx);
  const grid = cells(sheet);
  const col = (header: string) => columnOf(grid, header);
  const at = (row: number, header: string) => unwrap(grid.get(cellAt(row, col(header))));
  // Loads: Ann 16 / 184, Bob 50 / 46, Cat 8 / 900.
  const loads = [16 / 184, 50 / 46, 8 / 900];

  it("lists hours against capacity per person with a live load ratio", () => {
    expect(sheet.name).toBe("Workload");
    expect([5, 6, 7].map((r) => at(r, "Employee ID"))).toEqual(["E1", "E2", "E3"]);
    expect([5, 6, 7].map((r) => at(r, "Name"))).toEqual(["Ann", "Bob", "Cat"]);
    expect([5, 6, 7].map((r) => at(r, "Department"))).toEqual(["Sales", "Sales", "Service"]);
    expect([5, 6, 7].map((r) => at(r, "Tasks"))).toEqual([1, 2, 1]);
    expect([5, 6, 7].map((r) => at(r, "Hours"))).toEqual([16, 50, 8]);
    expect([5, 6, 7].map((r) => at(r, "Capacity (h)"))).toEqual([184, 46, 900]);
    const h = letters(col("Hours"));
    const c = letters(col("Capacity (h)"));
    [5, 6, 7].forEach((row, i) => {
      const load = formulaAt(grid, cellAt(row, col("Load")));
      expect(load.formula).toBe(`IF(${c}${row}>0,${h}${row}/${c}${row},"")`);
      expect(load.result).toBeCloseTo(loads[i], 12);
      expect(formulaAt(grid, cellAt(row, col("Over capacity"))).result).toBe(i === 1 ? "Yes" : "");
    });
    const loadRange = `${letters(col("Load"))}5:${letters(col("Load"))}7`;
    expect(sheet.conditionalFormats).toContainEqual(
      expect.objectContaining({ ref: loadRange, type: "dataBar" }),
    );
    expect(sheet.conditionalFormats).toContainEqual(
      expect.objectContaining({ ref: loadRange, type: "cellIs", operator: "greaterThan", formulas: ["1"] }),
    );
  });

  it("shows the balance figures with the engine's values", () => {
    const values = new Map<string, FormulaValue>();
    for (const [address, cell] of grid) {
      const label = unwrap(cell);
      if (typeof label !== "string") continue;
      const { row, col: c } = parseCell(address);
      const next = unwrap(grid.get(cellAt(row, c + 1)));
      if (isFormula(next)) values.set(label, next);
    }
    const mean = (loads[0] + loads[1] + loads[2]) / 3;
    const sd = Math.sqrt(loads.reduce((s, l) => s + (l - mean) ** 2, 0) / 3);
    expect(values.get("Highest load")?.result).toBeCloseTo(50 / 46, 12);
    expect(values.get("Lowest load")?.result).toBeCloseTo(8 / 900, 12);
    expect(values.get("Highest ÷ lowest")?.result).toBeCloseTo(50 / 46 / (8 / 900), 9);
    expect(values.get("Coefficient of variation")?.result).toBeCloseTo(sd / mean, 12);
    expect(values.get("Highest load")?.formula).toContain("MAX($G$5:$G$7)");
    expect(values.get("Coefficient of variation")?.formula).toContain("STDEVP($G$5:$G$7)/AVERAGE($G$5:$G$7)");
  });

  it("counts the tasks of each quadrant in a 2×2 block over the Plan sheet's quadrant column", () => {
    const entries = [...grid.entries()];
    const find = (text: string) => entries.find(([, c]) => unwrap(c) === text)?.[0];
    const below = (text: string) => {
      const { row, col: c } = parseCell(find(text)!);
      return formulaAt(grid, cellAt(row + 1, c));
    };
    // Q1 T1, T5; Q2 T2; Q3 T3; Q4 T6, T4.
    expect(below("Q1 · Do first").result).toBe(2);
    expect(below("Q2 · Schedule").result).toBe(1);
    expect(below("Q3 · Delegate").result).toBe(1);
    expect(below("Q4 · Later").result).toBe(2);
    expect(below("Q1 · Do first").formula).toBe(`COUNTIF('Plan'!$C$5:$C$10,"Q1")`);
    // Important is the row of Q1 and Q2, Urgent the column of Q1 and Q3.
    const q1 = parseCell(find("Q1 · Do first")!);
    const q2 = parseCell(find("Q2 · Schedule")!);
    const q3 = parseCell(find("Q3 · Delegate")!);
    expect(q2.row).toBe(q1.row);
    expect(q3.col).toBe(q1.col);
    expect(unwrap(grid.get(cellAt(q1.row, q1.col - 1)))).toBe("Important");
    expect(unwrap(grid.get(cellAt(q3.row, q3.col - 1)))).toBe("Not important");
    expect(unwrap(grid.get(cellAt(q1.row - 1, q1.col)))).toBe("Urgent");
    expect(unwrap(grid.get(cellAt(q1.row - 1, q2.col)))).toBe("Not urgent");
  });

  it("lists the project leads", () => {
    const entries = [...grid.entries()];
    const rowOf = (text: string) => parseCell(entries.find(([, c]) => unwrap(c) === text)![0]);
    const launch = rowOf("Launch");
    const values = (p: { row: number; col: number }) =>
      [0, 1, 2, 3, 4, 5].map((i) => unwrap(grid.get(cellAt(p.row, p.col + i))) ?? null);
    // Launch: T1 Ann 16 h and T6 Bob 10 h → lead E1 Ann with 16 h, 2 tasks, 26 h in all.
    expect(values(launch)).toEqual(["Launch", "E1", "Ann", 16, 2, 26]);
    expect(values(rowOf("Ops"))).toEqual(["Ops", null, "—", null, 1, 4]);
  });

  it("charts the load per person from the load column", () => {
    expect(sheet.charts).toHaveLength(1);
    const [chart] = sheet.charts!;
    expect(chart.type).toBe("bar");
    const [series] = chart.series;
    expect(series.categories).toEqual({ ref: "'Workload'!$B$5:$B$7", cache: ["Ann", "Bob", "Cat"] });
    expect(series.values.ref).toBe("'Workload'!$G$5:$G$7");
    series.values.cache.forEach((v, i) => expect(v).toBeCloseTo(loads[i], 12));
  });

  it("speaks Chinese in a zh-CN workbook and explains itself without a period", () => {
    const zh = workloadSheet(context("zh-CN"));
    expect(zh.name).toBe("工作负荷");
    const zgrid = cells(zh);
    expect([1, 2, 7].map((c) => unwrap(zgrid.get(cellAt(4, c))))).toEqual(["员工编号", "姓名", "负荷率"]);
    expect(zh.charts?.[0].series[0].values.ref).toBe("'工作负荷'!$G$5:$G$7");
    expect([...zgrid.values()].map(unwrap)).toContain("Q1 · 立即做");
    const none = workloadSheet(context("en-US", makeModel(TASKS, false)));
    expect(none.generated).toBe(true);
    expect(none.charts ?? []).toEqual([]);
    expect(JSON.stringify(none.blocks)).toContain("period_start");
  });
});

describe.skipIf(!libreOfficeOrSkip())("Plan and Workload in LibreOffice", () => {
  it("recalculates every formula to the engine's value and prints to PDF", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perfsheet-tasks-"));
    const ctx = context("en-US");
    const plan = planSheet(ctx);
    const workload = workloadSheet(ctx);
    const path = join(dir, "tasks.xlsx");
    writeFileSync(path, await writePlanToXlsx({ lang: "en-US", sheets: [plan, workload] }));

    const book = await recalcXlsx(path);
    for (const sheet of [plan, workload]) {
      const ws = book.getWorksheet(sheet.name)!;
      let checked = 0;
      for (const [address, cell] of cells(sheet)) {
        const v = unwrap(cell);
        if (!isFormula(v)) continue;
        const got = ws.getCell(address).result;
        if (typeof v.result === "number") expect(got, `${sheet.name}!${address}`).toBeCloseTo(v.result, 9);
        else expect(got ?? "", `${sheet.name}!${address}`).toBe(v.result ?? "");
        checked++;
      }
      expect(checked).toBeGreaterThan(10);
    }

    const pdf = await convertWithLibreOffice(path, "pdf", dir);
    expect(statSync(pdf).size).toBeGreaterThan(5_000);
  }, 240_000);
});
