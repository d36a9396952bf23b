/** SPEC §3 goal decomposition (src/core/cascade.ts), on hand-made models. */
import { describe, expect, it } from "vitest";
import { cascadeGoals, employeePart } from "../../src/core/cascade";
import type { DecompositionRow, Employee, Kpi, Model, Position } from "../../src/core/model";
import { loadModel } from "../../src/workbook/load";
import { baseFixture, rawFixture } from "./fixtures";

const settings = loadModel(rawFixture(baseFixture(), "en-US"), { today: "2025-07-01" }).model!.settings;
const at = (sheet: string, row: number) => ({ sheet, row });

function kpi(id: string, target: number, more: Partial<Kpi> = {}): Kpi {
  return {
    id,
    name: `KPI ${id}`,
    goalId: "G1",
    direction: "higher",
    aggregation: "sum",
    target,
    source: at("KPIs", 2),
    ...more,
  };
}
function position(id: string, department = "Ops"): Position {
  return { id, title: `Title ${id}`, department, source: at("Positions", 2) };
}
function employee(id: string, positionId: string, fte = 1): Employee {
  return { id, name: `Name ${id}`, positionId, fte, skills: {}, source: at("Employees", 2) };
}
let decompositionRow = 1;
function split(kpiId: string, positionId: string, weight: number, share?: number): DecompositionRow {
  decompositionRow += 1;
  return { kpiId, positionId, share, weight, source: at("Decomposition", decompositionRow) };
}
function model(parts: Partial<Model>): Model {
  return {
    settings,
    goals: [{ id: "G1", goal: "Grow", source: at("Strategy", 2) }],
    kpis: [],
    positions: [],
    employees: [],
    decomposition: [],
    tasks: [],
    actuals: [],
    feedback: [],
    survey: [],
    efficiency: [],
    ...parts,
  };
}

describe("employee targets (SPEC §3)", () => {
  it("splits a sum KPI by share, then by fte within the position; threshold and stretch scale alike", () => {
    // Department target 1000, threshold 800, stretch 1200; P1 carries 60 %.
    // P1 = A (fte 1) + B (fte 0.5): A gets 1000 × 0.6 × 1/1.5 = 400, B 200.
    // Thresholds: 800 × 0.6 × (2/3, 1/3) = 320, 160; stretches 1200 × … = 480, 240.
    const m = model({
      kpis: [kpi("K1", 1000, { threshold: 800, stretch: 1200 })],
      positions: [position("P1"), position("P2")],
      employees: [employee("A", "P1"), employee("B", "P1", 0.5), employee("C", "P2")],
      decomposition: [split("K1", "P1", 1, 0.6), split("K1", "P2", 1, 0.4)],
    });
    const { rows, problems } = cascadeGoals(m);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.employeeId, r.target, r.threshold, r.stretch, r.weight])).toEqual([
      ["A", 400, 320, 480, 1],
      ["B", 200, 160, 240, 1],
      ["C", 400, 320, 480, 1], // 1000 × 0.4 alone in P2
    ]);
    expect(rows[0]).toMatchObject({
      goalId: "G1",
      goal: "Grow",
      kpiName: "KPI K1",
      department: "Ops",
      employeeName: "Name A",
    });
  });

  it("gives everyone the department target of an average KPI, share ignored", () => {
    const m = model({
      kpis: [kpi("K2", 0.9, { aggregation: "average", threshold: 0.8 })],
      positions: [position("P1")],
      employees: [employee("A", "P1"), employee("B", "P1", 0.5)],
      decomposition: [split("K2", "P1", 1, 0.3)],
    });
    const { rows } = cascadeGoals(m);
    expect(rows.map((r) => [r.employeeId, r.target, r.threshold, r.aggregation])).toEqual([
      ["A", 0.9, 0.8, "average"],
      ["B", 0.9, 0.8, "average"],
    ]);
  });

  it("keeps floating-point noise out: 0.3 of 1000 over three equal people is 100", () => {
    // 1000 × 0.3 × 1/3 in doubles is 100.00000000000001.
    expect(employeePart(kpi("K", 1000), 0.3, 1, 3).target).toBe(100);
  });

  it("orders rows by strategy goal, then KPI, then Decomposition row, then employee", () => {
    const m = model({
      goals: [
        { id: "G1", goal: "One", source: at("Strategy", 2) },
        { id: "G2", goal: "Two", source: at("Strategy", 3) },
      ],
      kpis: [
        kpi("KB", 10, { goalId: "G2", aggregation: "average" }),
        kpi("KA", 10, { goalId: "G1", aggregation: "average" }),
      ],
      positions: [position("P1")],
      employees: [employee("Z", "P1"), employee("Y", "P1")],
      decomposition: [split("KB", "P1", 0.5), split("KA", "P1", 0.5)],
    });
    expect(cascadeGoals(m).rows.map((r) => `${r.kpiId}/${r.employeeId}`)).toEqual([
      "KA/Z",
      "KA/Y",
      "KB/Z",
      "KB/Y",
    ]);
  });
});

describe("the checks of SPEC §3", () => {
  const base = () => ({
    kpis: [kpi("K-03", 100)],
    positions: [position("P1"), position("P2")],
    employees: [employee("A", "P1"), employee("B", "P2")],
  });

  it("a sum KPI whose shares do not total 100 % is an error at its first share cell", () => {
    const rows = [split("K-03", "P1", 1, 0.5), split("K-03", "P2", 1, 0.3)];
    const { problems } = cascadeGoals(model({ ...base(), decomposition: rows }));
    expect(problems).toEqual([
      {
        code: "kpi_share_total",
        params: { kpi: "K-03", percent: "80" },
        severity: "error",
        at: rows[0].source,
        column: "share",
      },
    ]);
  });

  it("tolerates ± 0.01 percentage points in a total, not more", () => {
    // 33.33 + 33.33 + 33.34 = 100; 33.33 × 3 = 99.99 is still within 0.01 points.
    const three = model({
      kpis: [kpi("K", 90)],
      positions: [position("P1"), position("P2"), position("P3")],
      employees: [employee("A", "P1"), employee("B", "P2"), employee("C", "P3")],
      decomposition: [split("K", "P1", 1, 0.3333), split("K", "P2", 1, 0.3333), split("K", "P3", 1, 0.3333)],
    });
    expect(cascadeGoals(three).problems).toEqual([]);
    three.decomposition[2].share = 0.333;
    expect(cascadeGoals(three).problems.map((p) => [p.code, p.params.percent])).toEqual([
      ["kpi_share_total", "99.96"],
    ]);
  });

  it("a position whose weights do not total 100 % is an error at its first weight cell", () => {
    const rows = [split("K-03", "P1", 0.6, 0.5), split("K-03", "P2", 1, 0.5)];
    const { problems } = cascadeGoals(model({ ...base(), decomposition: rows }));
    expect(problems).toEqual([
      {
        code: "position_weight_total",
        params: { position: "P1", percent: "60" },
        severity: "error",
        at: rows[0].source,
        column: "weight",
      },
    ]);
  });

  it("a share given to a position without employees is an error", () => {
    const rows = [split("K-03", "P1", 1, 0.5), split("K-03", "P2", 1, 0.5)];
    const m = model({ ...base(), employees: [employee("A", "P1")], decomposition: rows });
    expect(cascadeGoals(m).problems.map((p) => [p.code, p.params.position, p.at?.row])).toEqual([
      ["share_no_employees", "P2", rows[1].source.row],
    ]);
  });

  it("unknown KPI, position and goal ids are errors; a blank goal is a warning", () => {
    const rows = [split("K-99", "P1", 1), split("K-03", "P9", 1, 1)];
    const m = model({
      kpis: [
        kpi("K-03", 100, { goalId: "G9" }),
        kpi("K-04", 5, { goalId: undefined, aggregation: "average" }),
      ],
      positions: [position("P1")],
      employees: [employee("A", "P1")],
      decomposition: [...rows, split("K-04", "P1", 0)],
    });
    const found = cascadeGoals(m).problems.map((p) => [p.code, p.params.id ?? p.params.kpi, p.severity]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["id_unknown", "G9", "error"],
        ["kpi_goal_blank", "K-04", "warning"],
        ["id_unknown", "K-99", "error"],
        ["id_unknown", "P9", "error"],
      ]),
    );
  });

  it("the same KPI decomposed twice to one position is an error at the second row", () => {
    const rows = [split("K-03", "P1", 0.5, 1), split("K-03", "P1", 0.5, 0)];
    const m = model({
      ...base(),
      positions: [position("P1")],
      employees: [employee("A", "P1")],
      decomposition: rows,
    });
    const problems = cascadeGoals(m).problems;
    expect(problems.map((p) => [p.code, p.at?.row])).toContainEqual([
      "decomposition_duplicate",
      rows[1].source.row,
    ]);
  });

  it("warns about a KPI nobody carries and a staffed position without KPIs", () => {
    const m = model({ ...base(), decomposition: [] });
    expect(cascadeGoals(m).problems.map((p) => [p.code, p.severity])).toEqual([
      ["kpi_not_cascaded", "warning"],
      ["position_without_kpis", "warning"],
      ["position_without_kpis", "warning"],
    ]);
  });
});
