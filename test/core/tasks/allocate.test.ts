import { describe, it, expect } from "vitest";
import { allocateTasks, personCapacity } from "../../../src/core/tasks/allocate";
import { resolvePlanSettings } from "../../../src/core/tasks/settings";
import type { PersonInput, TaskInput } from "../../../src/core/tasks/types";

// March 2025 from Monday 3rd to Monday 31st holds 21 working days (3-7, 10-14, 17-21, 24-28, 31).
const settings = { periodStart: "2025-03-03", periodEnd: "2025-03-31" };

const task = (taskId: string, over: Partial<TaskInput> = {}): TaskInput => ({
  taskId,
  importance: 5,
  urgency: 5,
  effortHours: 10,
  ...over,
});
const person = (employeeId: string, over: Partial<PersonInput> = {}): PersonInput => ({
  employeeId,
  department: "Ops",
  capacityHours: 100,
  skills: {},
  ...over,
});
const assigneeOf = (result: ReturnType<typeof allocateTasks>, taskId: string) =>
  result.tasks.find((t) => t.taskId === taskId);

describe("personCapacity", () => {
  const resolved = resolvePlanSettings(settings);
  it("is daily_hours × fte × working days when capacity_hours is blank", () => {
    expect(personCapacity(person("E1", { capacityHours: null }), resolved)).toBe(8 * 21); // 168
    expect(personCapacity(person("E1", { capacityHours: undefined, fte: 0.5 }), resolved)).toBe(84);
    expect(personCapacity(person("E1", { capacityHours: null }), { ...resolved, dailyHours: 7.5 })).toBe(
      157.5,
    );
  });

  it("uses capacity_hours when given, 0 included", () => {
    expect(personCapacity(person("E1", { capacityHours: 100, fte: 0.5 }), resolved)).toBe(100);
    expect(personCapacity(person("E1", { capacityHours: 0 }), resolved)).toBe(0);
  });
});

describe("allocateTasks: choosing a person", () => {
  it("picks the lowest (assigned + effort) / capacity, then the smaller employee_id", () => {
    // T1 20 h: E1 20/40 = 0.5, E2 20/80 = 0.25 → E2. T2 20 h: E1 0.5, E2 40/80 = 0.5 → tie → E1.
    const people = [person("E2", { capacityHours: 80 }), person("E1", { capacityHours: 40 })];
    const result = allocateTasks(
      [task("T1", { effortHours: 20 }), task("T2", { effortHours: 20 })],
      people,
      settings,
    );
    expect(result.tasks.map((t) => t.assignee)).toEqual(["E2", "E1"]);
    expect(result.people).toEqual([
      { employeeId: "E1", hours: 20, capacity: 40, tasks: 1 },
      { employeeId: "E2", hours: 20, capacity: 80, tasks: 1 },
    ]);
  });

  it("breaks a load tie by the higher level of the required skill before employee_id", () => {
    const people = [person("E1", { skills: { SQL: 2 } }), person("E2", { skills: { SQL: 4 } })];
    const result = allocateTasks([task("T1", { skill: "SQL", skillLevel: 2 })], people, settings);
    expect(assigneeOf(result, "T1")?.assignee).toBe("E2");
  });

  it("prefers a lighter load over a higher skill level", () => {
    // E2 (level 5) already holds T1 (pre-assigned, 50 h), so T2 (10 h) goes to E1: 10/100 < 60/100.
    const people = [person("E1", { skills: { SQL: 2 } }), person("E2", { skills: { SQL: 5 } })];
    const tasks = [task("T1", { effortHours: 50, assignee: "E2" }), task("T2", { skill: "SQL" })];
    expect(assigneeOf(allocateTasks(tasks, people, settings), "T2")?.assignee).toBe("E1");
  });

  it("compares hours with a tolerance, so 0.1 + 0.2 hours tie with 0.3", () => {
    // E1 holds 0.1 + 0.2 (= 0.30000000000000004 in floating point), E2 holds 0.3; the next 1 h task
    // ties on load (1.3 / 100) and goes to E1 by employee_id.
    const people = [person("E1"), person("E2")];
    const tasks = [
      task("A", { effortHours: 0.1, assignee: "E1" }),
      task("B", { effortHours: 0.2, assignee: "E1" }),
      task("C", { effortHours: 0.3, assignee: "E2" }),
      task("D", { effortHours: 1 }),
    ];
    expect(assigneeOf(allocateTasks(tasks, people, settings), "D")?.assignee).toBe("E1");
  });
});

describe("allocateTasks: skills and departments", () => {
  it("counts a skill listed without a level as level 3", () => {
    // E1 "SQL" is level 3: enough for level 3, not for level 4. E2 "SQL:2" is never enough here.
    const people = [person("E1", { skills: "SQL" }), person("E2", { skills: "SQL:2" })];
    const level3 = allocateTasks([task("T1", { skill: "SQL", skillLevel: 3 })], people, settings);
    expect(assigneeOf(level3, "T1")).toMatchObject({ assignee: "E1" });
    const level4 = allocateTasks([task("T1", { skill: "SQL", skillLevel: 4 })], people, settings);
    expect(assigneeOf(level4, "T1")).toMatchObject({
      assignee: null,
      reason: { code: "no_skill_level", params: { taskId: "T1", skill: "SQL", level: 4, best: 3 } },
    });
  });

  it("takes the skill at any level when skill_level is blank", () => {
    const people = [person("E1", { skills: { SQL: 1 } }), person("E2")];
    const result = allocateTasks([task("T1", { skill: "SQL", skillLevel: null })], people, settings);
    expect(assigneeOf(result, "T1")?.assignee).toBe("E1");
  });

  it("matches skill names case-, space- and width-insensitively", () => {
    const people = [person("E1"), person("E2", { skills: "ＳＱＬ：4" })];
    const result = allocateTasks([task("T1", { skill: " sql " })], people, settings);
    expect(assigneeOf(result, "T1")?.assignee).toBe("E2");
  });

  it("lets everyone qualify for a task without a skill, within its department", () => {
    // E1 (Sales) is the least loaded but the task is for Ops: E2 takes it.
    const people = [
      person("E1", { department: "Sales", capacityHours: 1000 }),
      person("E2", { department: "Ops" }),
      person("E3", { department: "ops", capacityHours: 50 }),
    ];
    const result = allocateTasks([task("T1", { department: "OPS" })], people, settings);
    // E2 10/100 = 0.1 beats E3 10/50 = 0.2; "ops" and "OPS" are the same department.
    expect(assigneeOf(result, "T1")?.assignee).toBe("E2");
    const onlyE3 = allocateTasks([task("T1", { department: "Ops" })], [people[0], people[2]], settings);
    expect(assigneeOf(onlyE3, "T1")?.assignee).toBe("E3");
  });

  it("gives the reason when nobody qualifies", () => {
    const people = [
      person("E1", { department: "Ops", skills: { 运营: 3 } }),
      person("E2", { department: "Sales", skills: { SQL: 5 } }),
    ];
    const result = allocateTasks(
      [
        task("A", { department: "Finance" }),
        task("B", { skill: "Python" }),
        task("C", { skill: "SQL", department: "Ops" }),
        task("D", { skill: "运营", skillLevel: 5 }),
      ],
      people,
      settings,
    );
    expect(result.tasks.map((t) => [t.taskId, t.assignee, t.reason])).toEqual([
      ["A", null, { code: "no_department", params: { taskId: "A", department: "Finance" } }],
      ["B", null, { code: "no_skill", params: { taskId: "B", skill: "Python" } }],
      ["C", null, { code: "no_skill", params: { taskId: "C", skill: "SQL", department: "Ops" } }],
      ["D", null, { code: "no_skill_level", params: { taskId: "D", skill: "运营", level: 5, best: 3 } }],
    ]);
    expect(result.people.every((p) => p.hours === 0)).toBe(true);
  });

  it("says there is nobody when the Employees list is empty", () => {
    const result = allocateTasks([task("T1")], [], settings);
    expect(result.tasks[0]).toMatchObject({ assignee: null, reason: { code: "no_people" } });
  });
});

describe("allocateTasks: capacity", () => {
  it("gives a task nobody has room for to the least-loaded candidate, flagged", () => {
    // 30 h fits nobody: E1 30/10 = 3, E2 30/20 = 1.5 → E2, over capacity.
    const people = [person("E1", { capacityHours: 10 }), person("E2", { capacityHours: 20 })];
    const result = allocateTasks(
      [task("T1", { effortHours: 30 }), task("T2", { effortHours: 5 })],
      people,
      settings,
    );
    expect(assigneeOf(result, "T1")).toMatchObject({ assignee: "E2", overCapacity: true });
    // T2: E1 5/10 = 0.5 has room; E2 35/20 has none.
    expect(assigneeOf(result, "T2")).toMatchObject({ assignee: "E1", overCapacity: false });
  });

  it("fills a capacity exactly without flagging it", () => {
    const result = allocateTasks([task("T1", { effortHours: 100 })], [person("E1")], settings);
    expect(assigneeOf(result, "T1")).toMatchObject({ assignee: "E1", overCapacity: false });
  });

  it("treats a capacity of 0 as no room at all", () => {
    // E1 has 0 h; E2 is already full (pre-assigned 100 h). The next task: E1 has an infinite load
    // ratio, E2 110/100 → E2, over capacity.
    const people = [person("E1", { capacityHours: 0 }), person("E2")];
    const tasks = [task("A", { effortHours: 100, assignee: "E2" }), task("B")];
    expect(assigneeOf(allocateTasks(tasks, people, settings), "B")).toMatchObject({
      assignee: "E2",
      overCapacity: true,
    });
  });
});

describe("allocateTasks: pre-assigned tasks", () => {
  it("keeps the assignee even without the skill or department, and counts those hours first", () => {
    // Z is last in priority (Q4) but pre-assigned to E1 with 30 h, S too (10 h); T (Q1, 10 h, no skill)
    // is then 50/100 for E1 versus 10/100 for E2 → E2. Had E1 held only S, T would be 20/100 there,
    // still E2; so the test also checks the hours: E1 40, E2 10.
    const people = [person("E1"), person("E2", { department: "Sales" })];
    const tasks = [
      task("Z", { importance: 1, urgency: 1, effortHours: 30, assignee: "E1", skill: "Python" }),
      task("T"),
      task("S", { department: "Sales", assignee: "e1" }),
    ];
    const result = allocateTasks(tasks, people, settings);
    expect(result.tasks.map((t) => [t.taskId, t.assignee, t.preAssigned])).toEqual([
      ["S", "E1", true], // "e1" names E1; priority order S, T, Z (id order within Q1)
      ["T", "E2", false],
      ["Z", "E1", true],
    ]);
    expect(result.people.map((p) => [p.employeeId, p.hours])).toEqual([
      ["E1", 40],
      ["E2", 10],
    ]);
  });

  it("flags a pre-assignment above capacity", () => {
    const result = allocateTasks(
      [task("T1", { effortHours: 120, assignee: "E1" })],
      [person("E1")],
      settings,
    );
    expect(result.tasks[0]).toMatchObject({ assignee: "E1", preAssigned: true, overCapacity: true });
  });

  it("leaves a task pre-assigned to an unknown id unassigned, with the reason", () => {
    const result = allocateTasks([task("T1", { assignee: "E9" })], [person("E1")], settings);
    expect(result.tasks[0]).toEqual({
      taskId: "T1",
      assignee: null,
      quadrant: "Q1",
      preAssigned: true,
      overCapacity: false,
      reason: { code: "unknown_assignee", params: { taskId: "T1", assignee: "E9" } },
    });
    expect(result.people[0].hours).toBe(0);
  });
});

describe("allocateTasks: project leads", () => {
  it("names the member with the most hours, ties by employee_id", () => {
    const people = [person("E1"), person("E2"), person("E3")];
    const tasks = [
      // Alpha: E2 10 h, E1 6 + 4 = 10 h → tie → E1.
      task("A1", { project: "Alpha", effortHours: 10, assignee: "E2" }),
      task("A2", { project: "Alpha", effortHours: 6, assignee: "E1" }),
      task("A3", { project: " alpha ", effortHours: 4, assignee: "E1" }),
      // Beta: E3 12 h versus E1 5 h → E3.
      task("B1", { project: "Beta", effortHours: 5, assignee: "E1" }),
      task("B2", { project: "Beta", effortHours: 12, assignee: "E3" }),
      // Gamma: nobody can do it → no lead.
      task("G1", { project: "Gamma", skill: "Rust" }),
      task("X", { project: null }),
    ];
    expect(allocateTasks(tasks, people, settings).projects).toEqual([
      { project: "Alpha", lead: "E1", hours: 10 },
      { project: "Beta", lead: "E3", hours: 12 },
      { project: "Gamma", lead: null, hours: 0 },
    ]);
  });
});

describe("allocateTasks: bad input", () => {
  it("rejects a negative effort, a zero fte and a reversed period", () => {
    expect(() => allocateTasks([task("T1", { effortHours: -1 })], [person("E1")], settings)).toThrow(
      expect.objectContaining({ code: "bad_input" }),
    );
    expect(() => allocateTasks([], [person("E1", { fte: 0 })], settings)).toThrow(
      expect.objectContaining({ code: "bad_input" }),
    );
    expect(() => allocateTasks([], [], { periodStart: "2025-03-31", periodEnd: "2025-03-01" })).toThrow(
      expect.objectContaining({ code: "period_reversed" }),
    );
  });
});
