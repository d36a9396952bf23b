import { describe, it, expect } from "vitest";
import { workloadBalance, workloadSummary } from "../../../src/core/tasks/workload";

describe("workloadBalance", () => {
  it("gives max/min load and the coefficient of variation", () => {
    // Loads 0.5 and 1: ratio 2; mean 0.75, population std 0.25 → CV 1/3.
    const balance = workloadBalance([0.5, 1]);
    expect(balance.maxLoad).toBe(1);
    expect(balance.minLoad).toBe(0.5);
    expect(balance.maxMinRatio).toBe(2);
    expect(balance.coefficientOfVariation).toBeCloseTo(1 / 3, 12);
  });

  it("has no max/min ratio when someone has no load", () => {
    // Loads 0 and 1: mean 0.5, std 0.5 → CV 1.
    expect(workloadBalance([0, 1])).toEqual({
      maxLoad: 1,
      minLoad: 0,
      maxMinRatio: null,
      coefficientOfVariation: 1,
    });
  });

  it("has neither figure when nobody has any load, and nothing at all without people", () => {
    expect(workloadBalance([0, 0])).toMatchObject({ maxMinRatio: null, coefficientOfVariation: null });
    expect(workloadBalance([])).toEqual({
      maxLoad: null,
      minLoad: null,
      maxMinRatio: null,
      coefficientOfVariation: null,
    });
  });

  it("is 0 CV and ratio 1 for an even team", () => {
    expect(workloadBalance([0.6, 0.6, 0.6])).toMatchObject({ maxMinRatio: 1, coefficientOfVariation: 0 });
  });
});

describe("workloadSummary", () => {
  it("computes each load, leaves out people without capacity, and counts quadrants", () => {
    const summary = workloadSummary(
      [
        { employeeId: "E1", hours: 84, capacity: 168, tasks: 2 },
        { employeeId: "E2", hours: 168, capacity: 168, tasks: 3 },
        { employeeId: "E3", hours: 0, capacity: 0, tasks: 0 },
      ],
      [{ quadrant: "Q1" }, { quadrant: "Q1" }, { quadrant: "Q4" }, { quadrant: "Q2" }],
    );
    expect(summary.people.map((p) => [p.employeeId, p.load])).toEqual([
      ["E1", 0.5],
      ["E2", 1],
      ["E3", null],
    ]);
    // E3 has no capacity and is left out: loads 0.5 and 1 as above.
    expect(summary.balance.maxMinRatio).toBe(2);
    expect(summary.quadrants).toEqual({ Q1: 2, Q2: 1, Q3: 0, Q4: 1 });
  });
});
