import { describe, it, expect } from "vitest";
import { ceilTolerant, scheduleTasks, workingDaysNeeded } from "../../../src/core/tasks/schedule";
import type { PersonInput, ScheduleInput } from "../../../src/core/tasks/types";

// 2025-03-03 is a Monday; 2025-03-08/09 and 15/16 are weekends.
const noBuffer = { periodStart: "2025-03-03", periodEnd: "2025-03-31", buffer: 0 };
const people: PersonInput[] = [
  { employeeId: "E1", department: "Ops" },
  { employeeId: "E2", department: "Ops" },
  { employeeId: "H", department: "Ops", fte: 0.5 },
];
const item = (
  taskId: string,
  assignee: string | null,
  effortHours: number,
  over: Partial<ScheduleInput> = {},
) => ({
  taskId,
  assignee,
  effortHours,
  ...over,
});
const dates = (tasks: ReturnType<typeof scheduleTasks>) =>
  tasks.map((t) => [t.taskId, t.start, t.end, t.days]);

describe("workingDaysNeeded", () => {
  it("is ceil(effort / (daily_hours × fte) × (1 + buffer))", () => {
    expect(workingDaysNeeded(20, 8, 1, 0.15)).toBe(3); // 2.5 × 1.15 = 2.875
    expect(workingDaysNeeded(24, 8, 1, 0.15)).toBe(4); // 3 × 1.15 = 3.45
    expect(workingDaysNeeded(8, 8, 0.5, 0.15)).toBe(3); // 2 × 1.15 = 2.3
    expect(workingDaysNeeded(16, 8, 1, 0)).toBe(2);
  });

  it("takes at least one day", () => {
    expect(workingDaysNeeded(0, 8, 1, 0.15)).toBe(1);
    expect(workingDaysNeeded(1, 8, 1, 0)).toBe(1);
  });

  it("ignores floating-point noise above a whole number", () => {
    // 9 h at 6 h/day × 0.6 fte with a 20% buffer: 9 / 3.6 × 1.2 = 2.5 × 1.2 = 3 days exactly by hand,
    // but floating point gives 3.0000000000000004, which a plain ceil would make 4.
    expect(Math.ceil((9 / (6 * 0.6)) * 1.2)).toBe(4);
    expect(workingDaysNeeded(9, 6, 0.6, 0.2)).toBe(3);
    expect(ceilTolerant(3.0000000001)).toBe(3);
    expect(ceilTolerant(3.000001)).toBe(4);
    expect(ceilTolerant(2.9)).toBe(3);
  });
});

describe("scheduleTasks", () => {
  it("runs each person's tasks one after another from the period start", () => {
    const result = scheduleTasks(
      [item("T1", "E1", 16), item("T2", "E2", 8), item("T3", "E1", 8), item("T4", "E2", 24)],
      people,
      noBuffer,
    );
    expect(dates(result)).toEqual([
      ["T1", "2025-03-03", "2025-03-04", 2], // Mon–Tue
      ["T2", "2025-03-03", "2025-03-03", 1], // E2 starts fresh on Monday
      ["T3", "2025-03-05", "2025-03-05", 1], // the day after T1
      ["T4", "2025-03-04", "2025-03-06", 3], // Tue–Thu after T2
    ]);
  });

  it("skips weekends when starting and when counting", () => {
    const result = scheduleTasks(
      [item("T1", "E1", 24, { earliestStart: "2025-03-05" }), item("T2", "E1", 8), item("T3", "E2", 24)],
      people,
      { ...noBuffer, periodStart: "2025-03-01" }, // a Saturday
    );
    expect(dates(result)).toEqual([
      ["T1", "2025-03-05", "2025-03-07", 3], // Wed–Fri
      ["T2", "2025-03-10", "2025-03-10", 1], // Saturday 8th moves to Monday 10th
      ["T3", "2025-03-03", "2025-03-05", 3], // period start Saturday 1st → Monday 3rd
    ]);
  });

  it("runs a task across a weekend", () => {
    const [t] = scheduleTasks([item("T1", "E1", 24, { earliestStart: "2025-03-06" })], people, noBuffer);
    expect([t.start, t.end]).toEqual(["2025-03-06", "2025-03-10"]); // Thu, Fri, Mon
  });

  it("waits for earliest_start when it is after the previous task, and ignores it when before", () => {
    const result = scheduleTasks(
      [
        item("T1", "E1", 8, { earliestStart: "2025-03-12" }),
        item("T2", "E1", 8, { earliestStart: "2025-03-04" }),
        item("T3", "E2", 8, { earliestStart: "2025-02-01" }),
      ],
      people,
      noBuffer,
    );
    expect(dates(result)).toEqual([
      ["T1", "2025-03-12", "2025-03-12", 1],
      ["T2", "2025-03-13", "2025-03-13", 1],
      ["T3", "2025-03-03", "2025-03-03", 1], // period start wins over an earlier earliest_start
    ]);
  });

  it("uses fte and the buffer", () => {
    // H works 0.5 fte: 8 h / 4 h per day × 1.15 = 2.3 → 3 days, Mon–Wed.
    const [t] = scheduleTasks([item("T1", "H", 8)], people, { ...noBuffer, buffer: 0.15 });
    expect([t.start, t.end, t.days]).toEqual(["2025-03-03", "2025-03-05", 3]);
  });

  it("flags a task at risk only when it ends after its due date", () => {
    // Each 24 h task for a different person runs Mon 3rd – Wed 5th.
    const result = scheduleTasks(
      [
        item("late", "E1", 24, { due: "2025-03-04" }),
        item("on-time", "E2", 24, { due: "2025-03-05" }),
        item("no-due", "H", 12, { due: null }),
      ],
      people,
      noBuffer,
    );
    expect(result.map((t) => [t.taskId, t.end, t.atRisk])).toEqual([
      ["late", "2025-03-05", true],
      ["on-time", "2025-03-05", false],
      ["no-due", "2025-03-05", false],
    ]);
  });

  it("gives unassigned tasks no dates and does not let them hold anyone up", () => {
    const result = scheduleTasks(
      [item("U", null, 40, { due: "2025-03-01" }), item("T", "E1", 8)],
      people,
      noBuffer,
    );
    expect(result[0]).toEqual({
      taskId: "U",
      assignee: null,
      days: null,
      start: null,
      end: null,
      atRisk: false,
    });
    expect(result[1].start).toBe("2025-03-03");
  });

  it("rejects an assignee who is not among the people", () => {
    expect(() => scheduleTasks([item("T", "E9", 8)], people, noBuffer)).toThrow(
      expect.objectContaining({ code: "unknown_assignee" }),
    );
  });
});
