import { describe, it, expect } from "vitest";
import { planTasks } from "../../../src/core/tasks/plan";
import type { PersonInput, TaskInput } from "../../../src/core/tasks/types";

// Two working weeks, Mon 2025-03-03 to Fri 2025-03-14 (10 working days); default buffer 15%, 8 h/day.
const settings = { periodStart: "2025-03-03", periodEnd: "2025-03-14" };

const people: PersonInput[] = [
  // capacity 8 × 1 × 10 = 80
  { employeeId: "E1", department: "Ops", skills: "运营:4, 数据分析" },
  // capacity 8 × 0.5 × 10 = 40
  { employeeId: "E2", department: "Ops", fte: 0.5, skills: "运营:2" },
  { employeeId: "E3", department: "Sales", capacityHours: 30, skills: { 销售: 3 } },
];

const base = { importance: 1, urgency: 1 };
const tasks: TaskInput[] = [
  {
    ...base,
    taskId: "T-01",
    importance: 5,
    urgency: 5,
    effortHours: 16,
    skill: "运营",
    skillLevel: 3,
    due: "2025-03-05",
    project: "P",
  },
  {
    ...base,
    taskId: "T-02",
    importance: 4,
    urgency: 5,
    effortHours: 10,
    department: "Ops",
    due: "2025-03-04",
    project: "P",
  },
  { ...base, taskId: "T-03", importance: 2, urgency: 5, effortHours: 8 },
  { ...base, taskId: "T-04", importance: 5, urgency: 1, effortHours: 40, skill: "销售", due: "2025-03-14" },
  { ...base, taskId: "T-05", effortHours: 5, skill: "数据分析", skillLevel: 4 },
  { ...base, taskId: "T-06", effortHours: 4, assignee: "E2", earliestStart: "2025-03-12", project: "p" },
];

describe("planTasks", () => {
  const plan = planTasks(tasks, people, settings);

  it("orders, allocates and schedules every task", () => {
    // Order: Q1 T-02 (due 4th) before T-01 (due 5th); Q2 T-04; Q3 T-03; Q4 T-05, T-06 (by id).
    // T-06 is pre-assigned: E2 holds 4 h before anything else is chosen.
    // T-02 (Ops): E1 10/80 = 0.125 < E2 14/40 → E1; 10 × 1.15 / 8 = 1.44 → 2 days, Mon 3 – Tue 4.
    // T-01 (运营 ≥ 3): only E1 (level 4); 16 × 1.15 / 8 = 2.3 → 3 days, Wed 5 – Fri 7, after its due → at risk.
    // T-04 (销售): only E3, 40 h > 30 h → over capacity; 40 × 1.15 / 8 = 5.75 → 6 days, Mon 3 – Mon 10.
    // T-03: E1 34/80 = 0.425, E2 12/40 = 0.3, E3 48/30 = 1.6 → E2; 8 / (8 × 0.5) × 1.15 = 2.3 → 3 days, Mon 3 – Wed 5.
    // T-05 (数据分析 ≥ 4): E1 has it at level 3 (listed without a level) → unassigned.
    // T-06: E2 is free from Thu 6th but earliest_start is Wed 12th; 4 / 4 × 1.15 = 1.15 → 2 days, Wed 12 – Thu 13.
    expect(
      plan.tasks.map((t) => [
        t.taskId,
        t.quadrant,
        t.assignee,
        t.start,
        t.end,
        t.days,
        t.atRisk,
        t.overCapacity,
      ]),
    ).toEqual([
      ["T-02", "Q1", "E1", "2025-03-03", "2025-03-04", 2, false, false],
      ["T-01", "Q1", "E1", "2025-03-05", "2025-03-07", 3, true, false],
      ["T-04", "Q2", "E3", "2025-03-03", "2025-03-10", 6, false, true],
      ["T-03", "Q3", "E2", "2025-03-03", "2025-03-05", 3, false, false],
      ["T-05", "Q4", null, null, null, null, false, false],
      ["T-06", "Q4", "E2", "2025-03-12", "2025-03-13", 2, false, false],
    ]);
    expect(plan.tasks[4].reason).toEqual({
      code: "no_skill_level",
      params: { taskId: "T-05", skill: "数据分析", level: 4, best: 3 },
    });
    expect(plan.tasks[5].preAssigned).toBe(true);
    expect(plan.tasks[0]).toMatchObject({ due: "2025-03-04", project: "P", effortHours: 10, name: null });
  });

  it("summarises the workload", () => {
    expect(plan.workload.people.map((p) => [p.employeeId, p.hours, p.capacity, p.tasks])).toEqual([
      ["E1", 26, 80, 2],
      ["E2", 12, 40, 2],
      ["E3", 40, 30, 1],
    ]);
    // Loads 0.325, 0.3, 1.3333: max/min = 4.444; mean 0.6528, population std 0.4813 → CV 0.7374.
    expect(plan.workload.balance.maxMinRatio).toBeCloseTo(4.4444, 4);
    expect(plan.workload.balance.coefficientOfVariation).toBeCloseTo(0.7374, 4);
    expect(plan.workload.quadrants).toEqual({ Q1: 2, Q2: 1, Q3: 1, Q4: 2 });
  });

  it("names project leads (P and p are one project)", () => {
    // P: E1 10 + 16 = 26 h, E2 4 h → E1.
    expect(plan.projects).toEqual([{ project: "P", lead: "E1", hours: 26 }]);
  });

  it("does not depend on the order of the input rows", () => {
    const again = planTasks([...tasks].reverse(), [...people].reverse(), settings);
    expect(again).toEqual(plan);
  });

  it("fills in the default settings", () => {
    expect(plan.settings).toEqual({
      ...settings,
      importantMin: 4,
      urgentMin: 4,
      buffer: 0.15,
      dailyHours: 8,
    });
  });
});
