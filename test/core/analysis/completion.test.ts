import { describe, it, expect } from "vitest";
import { departmentCompletion, type DepartmentKpiRow } from "../../../src/core/analysis/completion";

const kpi = (
  over: Partial<DepartmentKpiRow> & Pick<DepartmentKpiRow, "department" | "kpiId">,
): DepartmentKpiRow => ({
  aggregation: "sum",
  direction: "higher",
  target: 100,
  actuals: [],
  ...over,
});

describe("departmentCompletion", () => {
  const rows = [
    // Ops K1 sum: 60 + 50 = 110 ≥ 100 → met
    kpi({ department: "Ops", kpiId: "K1", actuals: [60, 50] }),
    // Ops K2 average: (95 + 80) / 2 = 87.5 < 90 → not met (summed it would be 175 and "met")
    kpi({ department: "Ops", kpiId: "K2", aggregation: "average", target: 90, actuals: [95, 80] }),
    // Ops K3 lower, sum: 4 + 5 = 9 ≤ 10 → met
    kpi({ department: "Ops", kpiId: "K3", direction: "lower", target: 10, actuals: [4, 5] }),
    // Sales K3 lower, sum: 6 + 6 = 12 > 10 → not met
    kpi({ department: "Sales", kpiId: "K3", direction: "lower", target: 10, actuals: [6, 6] }),
    // Sales K4 binary, average: 1 ≥ 1 → met
    kpi({
      department: "Sales",
      kpiId: "K4",
      direction: "binary",
      aggregation: "average",
      target: 1,
      actuals: [1],
    }),
    // Sales K5: nobody reported → not met
    kpi({ department: "Sales", kpiId: "K5", actuals: [] }),
  ];
  const summary = departmentCompletion(rows);

  it("sums or averages the people's actuals by the KPI's aggregation", () => {
    const ops = summary.departments[0];
    expect(ops.rows.map((r) => [r.kpiId, r.actual, r.met])).toEqual([
      ["K1", 110, true],
      ["K2", 87.5, false],
      ["K3", 9, true],
    ]);
  });

  it("gives each department the share of its KPIs met", () => {
    expect(summary.departments.map((d) => [d.department, d.met, d.kpis])).toEqual([
      ["Ops", 2, 3],
      ["Sales", 1, 3],
    ]);
    expect(summary.departments[0].completionRate).toBeCloseTo(2 / 3, 12);
    expect(summary.departments[1].completionRate).toBeCloseTo(1 / 3, 12);
  });

  it("counts a KPI without any actual as not met, with a null actual", () => {
    const k5 = summary.departments[1].rows.find((r) => r.kpiId === "K5");
    expect(k5).toEqual({ kpiId: "K5", target: 100, actual: null, met: false });
  });

  it("pools all departments' KPIs for the cycle", () => {
    // 3 of 6 rows met.
    expect(summary.overall).toEqual({ kpis: 6, met: 3, completionRate: 0.5 });
  });

  it("misses a lower-is-better average above target", () => {
    // (4 + 6.5) / 2 = 5.25 > 5
    const s = departmentCompletion([
      kpi({
        department: "Care",
        kpiId: "AHT",
        direction: "lower",
        aggregation: "average",
        target: 5,
        actuals: [4, 6.5],
      }),
    ]);
    expect(s.departments[0].rows[0].met).toBe(false);
    expect(s.departments[0].completionRate).toBe(0);
  });

  it("counts an actual exactly at target as met, whatever the direction", () => {
    // higher 50 + 50 = 100 ≥ 100; lower 10 ≤ 10; binary 1 ≥ 1; and just past the target misses.
    const s = departmentCompletion([
      kpi({ department: "D", kpiId: "H", actuals: [50, 50] }),
      kpi({ department: "D", kpiId: "L", direction: "lower", target: 10, actuals: [10] }),
      kpi({ department: "D", kpiId: "B", direction: "binary", target: 1, actuals: [1] }),
      kpi({ department: "D", kpiId: "H2", actuals: [99.99] }),
      kpi({ department: "D", kpiId: "L2", direction: "lower", target: 10, actuals: [10.01] }),
      kpi({ department: "D", kpiId: "B2", direction: "binary", target: 1, actuals: [0] }),
    ]);
    expect(s.departments[0].rows.map((r) => r.met)).toEqual([true, true, true, false, false, false]);
  });

  it("has no rate without KPI rows", () => {
    expect(departmentCompletion([])).toEqual({
      departments: [],
      overall: { kpis: 0, met: 0, completionRate: null },
    });
  });
});
