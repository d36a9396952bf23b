import { describe, it, expect } from "vitest";
import { orderTasks } from "../../../src/core/tasks/order";
import type { TaskInput } from "../../../src/core/tasks/types";

const task = (taskId: string, over: Partial<TaskInput> = {}): TaskInput => ({
  taskId,
  importance: 5,
  urgency: 5,
  effortHours: 8,
  ...over,
});
const ids = (tasks: TaskInput[]): string[] => tasks.map((t) => t.taskId);
const defaults = {};

describe("orderTasks", () => {
  it("puts quadrants in order Q1, Q2, Q3, Q4", () => {
    const tasks = [
      task("Q4", { importance: 1, urgency: 1 }),
      task("Q3", { importance: 3, urgency: 4 }),
      task("Q2", { importance: 4, urgency: 3 }),
      task("Q1", { importance: 4, urgency: 4 }),
    ];
    expect(ids(orderTasks(tasks, defaults))).toEqual(["Q1", "Q2", "Q3", "Q4"]);
  });

  it("uses important_min and urgent_min from the settings", () => {
    // importance 3 is important only when important_min is 3: then A (3, 5) is Q1 and beats B (5, 1), Q2.
    const tasks = [task("B", { importance: 5, urgency: 1 }), task("A", { importance: 3, urgency: 5 })];
    expect(ids(orderTasks(tasks, defaults))).toEqual(["B", "A"]); // A is Q3 by default
    expect(ids(orderTasks(tasks, { importantMin: 3 }))).toEqual(["A", "B"]);
  });

  it("orders by quadrant before due date", () => {
    const tasks = [
      task("early-Q2", { urgency: 1, due: "2025-03-01" }),
      task("late-Q1", { due: "2025-12-31" }),
    ];
    expect(ids(orderTasks(tasks, defaults))).toEqual(["late-Q1", "early-Q2"]);
  });

  it("orders by due date ascending within a quadrant, blank due last", () => {
    const tasks = [
      task("none", { due: null }),
      task("april", { due: "2025-04-01" }),
      task("blank", { due: "  " }),
      task("march", { due: "2025-03-15" }),
    ];
    expect(ids(orderTasks(tasks, defaults))).toEqual(["march", "april", "blank", "none"]);
  });

  it("orders by importance descending when the due dates are equal", () => {
    const tasks = [
      task("A", { importance: 4, due: "2025-03-15" }),
      task("B", { importance: 5, due: "2025-03-15" }),
    ];
    expect(ids(orderTasks(tasks, defaults))).toEqual(["B", "A"]);
  });

  it("puts due date before importance", () => {
    const tasks = [
      task("A", { importance: 5, due: "2025-03-20" }),
      task("B", { importance: 4, due: "2025-03-15" }),
    ];
    expect(ids(orderTasks(tasks, defaults))).toEqual(["B", "A"]);
  });

  it("breaks the last tie by task_id in plain code-point order (T-10 before T-2)", () => {
    const tasks = [task("T-2"), task("T-10"), task("T-1"), task("Ｔ-0")];
    // "Ｔ-0" is full-width and compares as "T-0".
    expect(ids(orderTasks(tasks, defaults))).toEqual(["Ｔ-0", "T-1", "T-10", "T-2"]);
  });

  it("puts importance before task_id", () => {
    const tasks = [task("A", { importance: 4 }), task("B", { importance: 5 })];
    expect(ids(orderTasks(tasks, defaults))).toEqual(["B", "A"]);
  });

  it("leaves the input array as it was", () => {
    const tasks = [task("B"), task("A")];
    orderTasks(tasks, defaults);
    expect(ids(tasks)).toEqual(["B", "A"]);
  });
});
