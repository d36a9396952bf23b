import { describe, it, expect } from "vitest";
import { cycleStages, stageCompletion, stageStatus } from "../../../src/core/monitor/stages";
import { employeeProgress, type EmployeeProgressInput } from "../../../src/core/monitor/progress";

const person = (over: Partial<EmployeeProgressInput> = {}): EmployeeProgressInput => ({
  employeeId: "E1",
  name: "Ann",
  department: "Ops",
  kpiCount: 2,
  actualsPresent: 2,
  actualsExpected: 2,
  ratersByGroup: { manager: 1, peer: 3 },
  minRaters: 3,
  reviewGenerated: true,
  managerCommentPresent: true,
  ...over,
});

describe("stageStatus", () => {
  it("marks an open stage past its due date overdue, counting the days late", () => {
    // due 31 March, as of 2 April: 1 and 2 April are late → 2 days.
    const [data] = stageStatus([{ key: "data", due: "2024-03-31", done: false }], "2024-04-02");
    expect(data.status).toBe("overdue");
    expect(data.daysOverdue).toBe(2);
  });

  it("does not call a stage overdue on its due day", () => {
    const [goals] = stageStatus([{ key: "goals", due: "2024-03-31", done: false }], "2024-03-31");
    expect(goals.status).toBe("open");
    expect(goals.daysOverdue).toBe(0);
  });

  it("keeps a done stage done even after its deadline", () => {
    const [review] = stageStatus([{ key: "review", due: "2024-01-10", done: true }], "2024-03-01");
    expect(review.status).toBe("done");
    expect(review.daysOverdue).toBe(0);
  });

  it("leaves a stage without a deadline open or done", () => {
    const statuses = stageStatus(
      [
        { key: "goals", due: null, done: false },
        { key: "feedback", due: null, done: true },
      ],
      "2030-12-31",
    ).map((s) => s.status);
    expect(statuses).toEqual(["open", "done"]);
  });

  it("counts days across a leap day", () => {
    // 28 Feb → 1 Mar 2024 passes 29 Feb: 2 days.
    const [s] = stageStatus([{ key: "data", due: "2024-02-28", done: false }], "2024-03-01");
    expect(s.daysOverdue).toBe(2);
  });

  it("rejects dates that are not ISO calendar dates", () => {
    expect(() => stageStatus([{ key: "data", due: "2024-02-30", done: false }], "2024-03-01")).toThrow();
    expect(() => stageStatus([], "31/03/2024")).toThrow();
  });
});

describe("stageCompletion", () => {
  it("is done per stage only when every employee has done it", () => {
    const done = stageCompletion([
      employeeProgress(person()),
      employeeProgress(person({ employeeId: "E2", actualsPresent: 1, managerCommentPresent: false })),
    ]);
    expect(done).toEqual({ goals: true, data: false, review: true, feedback: false });
  });

  it("counts goals as not set when one employee has no scorecard", () => {
    const done = stageCompletion([
      employeeProgress(person()),
      employeeProgress(person({ kpiCount: 0, actualsExpected: 0, actualsPresent: 0 })),
    ]);
    expect(done.goals).toBe(false);
    // No scorecard means no data collected for that person either.
    expect(done.data).toBe(false);
  });

  it("says nothing is done when there are no employees", () => {
    expect(stageCompletion([])).toEqual({ goals: false, data: false, review: false, feedback: false });
  });
});

describe("cycleStages", () => {
  it("combines deadlines with completion in stage order", () => {
    const progress = [employeeProgress(person({ actualsPresent: 1, reviewGenerated: false }))];
    const stages = cycleStages(
      { goals: "2024-01-15", data: "2024-03-31", review: "2024-04-15", feedback: null },
      progress,
      "2024-04-01",
    );
    // goals done; data open and 1 day late; review open (not generated, before due); feedback done (comment present).
    expect(stages.map((s) => [s.key, s.status])).toEqual([
      ["goals", "done"],
      ["data", "overdue"],
      ["review", "open"],
      ["feedback", "done"],
    ]);
  });
});
