import { describe, it, expect } from "vitest";
import { employeeProgress, type EmployeeProgressInput } from "../../../src/core/monitor/progress";
import { departmentRollup, rollupProgress } from "../../../src/core/monitor/rollup";

const person = (id: string, department: string, over: Partial<EmployeeProgressInput> = {}) =>
  employeeProgress({
    employeeId: id,
    name: id,
    department,
    kpiCount: 2,
    actualsPresent: 2,
    actualsExpected: 2,
    ratersByGroup: { manager: 1, peer: 3 },
    minRaters: 3,
    reviewGenerated: false,
    managerCommentPresent: false,
    ...over,
  });

describe("departmentRollup", () => {
  // Ops: A complete data, B 1/2 actuals + short peers; Sales: C without goals.
  const progress = [
    person("A", "Ops", { reviewGenerated: true, managerCommentPresent: true }),
    person("C", "Sales", { kpiCount: 0, actualsPresent: 0, actualsExpected: 0 }),
    person("B", "Ops", { actualsPresent: 1, ratersByGroup: { manager: 1, peer: 1 }, reviewGenerated: true }),
  ];

  it("gives one row per department in order of first appearance", () => {
    expect(departmentRollup(progress).map((d) => d.department)).toEqual(["Ops", "Sales"]);
  });

  it("counts and shares each flag within the department", () => {
    const [ops, sales] = departmentRollup(progress);
    expect(ops.employees).toBe(2);
    expect(ops.goalsSet).toEqual({ count: 2, share: 1 });
    expect(ops.actualsComplete).toEqual({ count: 1, share: 0.5 });
    // Actuals coverage: (2 + 1) / (2 + 2) = 0.75.
    expect(ops.actualsCoverage).toBe(0.75);
    expect(ops.feedbackSufficient).toEqual({ count: 1, share: 0.5 });
    expect(ops.reviewsGenerated).toEqual({ count: 2, share: 1 });
    expect(ops.commentsPresent).toEqual({ count: 1, share: 0.5 });
    expect(ops.complete).toEqual({ count: 1, share: 0.5 });
    expect(sales.goalsSet).toEqual({ count: 0, share: 0 });
    expect(sales.actualsCoverage).toBeNull();
  });

  it("rolls up the whole cycle with department null", () => {
    const all = rollupProgress(null, progress);
    expect(all.department).toBeNull();
    expect(all.employees).toBe(3);
    // 2 of 3 have goals.
    expect(all.goalsSet.count).toBe(2);
    expect(all.goalsSet.share).toBeCloseTo(2 / 3, 12);
  });

  it("returns no rows, and null shares, for no employees", () => {
    expect(departmentRollup([])).toEqual([]);
    expect(rollupProgress(null, []).goalsSet).toEqual({ count: 0, share: null });
  });
});
