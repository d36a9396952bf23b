import { describe, it, expect } from "vitest";
import { employeeProgress, type EmployeeProgressInput } from "../../../src/core/monitor/progress";

const base: EmployeeProgressInput = {
  employeeId: "E7",
  name: "Bo",
  department: "Ops",
  kpiCount: 4,
  actualsPresent: 4,
  actualsExpected: 4,
  ratersByGroup: { self: 1, manager: 1, peer: 3, subordinate: 4 },
  minRaters: 3,
  reviewGenerated: true,
  managerCommentPresent: true,
};

describe("employeeProgress", () => {
  it("reports a fully finished employee as complete", () => {
    const p = employeeProgress(base);
    expect(p.goalsSet).toBe(true);
    expect(p.actualsText).toBe("4/4");
    expect(p.actualsComplete).toBe(true);
    expect(p.shortGroups).toEqual([]);
    expect(p.feedbackSufficient).toBe(true);
    expect(p.complete).toBe(true);
  });

  it("shows missing actuals as n/m and not complete", () => {
    const p = employeeProgress({ ...base, actualsPresent: 3 });
    expect(p.actualsText).toBe("3/4");
    expect(p.actualsComplete).toBe(false);
    expect(p.complete).toBe(false);
  });

  it("lists anonymous groups below min_raters as short", () => {
    // peer 2 < 3 and customer 0 < 3 are short; manager 1 is enough (one person by nature).
    const p = employeeProgress({ ...base, ratersByGroup: { manager: 1, peer: 2, customer: 0 } });
    expect(p.shortGroups).toEqual(["peer", "customer"]);
    expect(p.feedbackSufficient).toBe(false);
    const peer = p.raterGroups.find((g) => g.relationship === "peer");
    expect(peer).toEqual({ relationship: "peer", raters: 2, required: 3, short: true });
  });

  it("flags a listed manager group with no rating", () => {
    const p = employeeProgress({ ...base, ratersByGroup: { manager: 0, peer: 3 } });
    expect(p.shortGroups).toEqual(["manager"]);
  });

  it("does not expect groups that are not listed (e.g. no subordinates)", () => {
    const p = employeeProgress({ ...base, ratersByGroup: { manager: 1, peer: 3 } });
    expect(p.raterGroups.map((g) => g.relationship)).toEqual(["manager", "peer"]);
    expect(p.feedbackSufficient).toBe(true);
  });

  it("needs at least one rating for sufficient feedback", () => {
    expect(employeeProgress({ ...base, ratersByGroup: {} }).feedbackSufficient).toBe(false);
  });

  it("treats an employee without goals as neither goals-set nor data-complete", () => {
    const p = employeeProgress({ ...base, kpiCount: 0, actualsPresent: 0, actualsExpected: 0 });
    expect(p.goalsSet).toBe(false);
    expect(p.actualsText).toBe("0/0");
    expect(p.actualsComplete).toBe(false);
  });

  it("uses min_raters as given", () => {
    const p = employeeProgress({ ...base, minRaters: 5, ratersByGroup: { peer: 4 } });
    expect(p.shortGroups).toEqual(["peer"]);
  });
});
