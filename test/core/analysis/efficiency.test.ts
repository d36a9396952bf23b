import { describe, it, expect } from "vitest";
import {
  efficiencyChangeByEmployee,
  efficiencySummary,
  relativeChange,
  type EfficiencyRow,
} from "../../../src/core/analysis/efficiency";

const row = (employeeId: string, metric: string, before: number, after: number): EfficiencyRow => ({
  employeeId,
  metric,
  before,
  after,
});

describe("efficiencySummary", () => {
  it("gives means, change of the means and people improved", () => {
    // before 10,20,30 → 20; after 12,18,36 → 22; change (22−20)/20 = 0.1; E1 and E3 improved.
    const [m] = efficiencySummary([
      row("E1", "orders/h", 10, 12),
      row("E2", "orders/h", 20, 18),
      row("E3", "orders/h", 30, 36),
    ]);
    expect(m).toMatchObject({
      metric: "orders/h",
      lowerIsBetter: false,
      n: 3,
      beforeMean: 20,
      afterMean: 22,
      improved: 2,
    });
    expect(m.changeOfMeans).toBeCloseTo(0.1, 12);
    expect(m.improvedShare).toBeCloseTo(2 / 3, 12);
  });

  it("counts a fall as improvement for lower-is-better metrics, and no change as none", () => {
    // before 5,5 → 5; after 4,5 → 4.5; change −0.1; only E1 improved.
    const [m] = efficiencySummary(
      [row("E1", "handling", 5, 4), row("E2", "handling", 5, 5)],
      new Set(["handling"]),
    );
    expect(m.lowerIsBetter).toBe(true);
    expect(m.changeOfMeans).toBeCloseTo(-0.1, 12);
    expect(m.improved).toBe(1);
    expect(m.improvedShare).toBe(0.5);
  });

  it("treats after > before as improved when no direction is given", () => {
    const [m] = efficiencySummary([row("E1", "handling", 5, 4)]);
    expect(m.improved).toBe(0);
  });

  it("has no percentage change when the before mean is 0", () => {
    const [m] = efficiencySummary([row("E1", "new", 0, 3), row("E2", "new", 0, 1)]);
    expect(m.changeOfMeans).toBeNull();
    expect(m.afterMean).toBe(2);
    expect(m.improved).toBe(2);
  });

  it("returns nothing for no rows", () => {
    expect(efficiencySummary([])).toEqual([]);
  });
});

describe("relativeChange", () => {
  it("is signed by the direction of the raw change, also for negative values", () => {
    expect(relativeChange(10, 12)).toBeCloseTo(0.2, 12);
    // −10 → −5 is a rise of 5 on a base of 10.
    expect(relativeChange(-10, -5)).toBe(0.5);
    expect(relativeChange(0, 5)).toBeNull();
  });
});

describe("efficiencyChangeByEmployee", () => {
  it("averages a person's signed relative changes, positive = better", () => {
    const changes = efficiencyChangeByEmployee(
      [
        row("E1", "orders/h", 10, 12), // +0.2
        row("E1", "handling", 5, 4), // −0.2, lower is better → +0.2
        row("E2", "new", 0, 3), // no base: left out
        row("E3", "orders/h", 20, 18), // −0.1
        row("E3", "new", 0, 1), // left out
      ],
      new Set(["handling"]),
    );
    expect(changes.get("E1")).toBeCloseTo(0.2, 12);
    expect(changes.get("E2")).toBeNull();
    expect(changes.get("E3")).toBeCloseTo(-0.1, 12);
  });
});
