/**
 * KPI completion by department (SPEC §9 `completion_rate`): the share of a department's
 * KPIs whose department actual meets the department target.
 */

import { isTargetMet } from "../completion";
import type { Aggregation, Direction } from "../vocabulary";
import { mean } from "./stats";

export interface DepartmentKpiRow {
  department: string;
  kpiId: string;
  aggregation: Aggregation;
  direction: Direction;
  /**
   * The department's target for the KPI. For a sum KPI the caller passes the part of the
   * department target carried by this department's positions (Σ shares × target).
   */
  target: number;
  /** The actuals of the department's people for this KPI (missing actuals left out). */
  actuals: readonly number[];
}

export interface DepartmentKpiResult {
  kpiId: string;
  target: number;
  /** Σ (sum KPIs) or mean (average KPIs) of the actuals; null when nobody has one. */
  actual: number | null;
  met: boolean;
}

export interface CompletionRate {
  kpis: number;
  met: number;
  /** met / kpis (0–1); null with no KPIs. */
  completionRate: number | null;
}

export interface DepartmentCompletion extends CompletionRate {
  department: string;
  rows: DepartmentKpiResult[];
}

export interface CompletionSummary {
  departments: DepartmentCompletion[];
  /** All departments' KPI rows pooled. */
  overall: CompletionRate;
}

/** One person's row for a KPI (e.g. a cycle's KPI result), with the person's department. */
export interface PersonKpiRow {
  department: string;
  kpiId: string;
  aggregation: Aggregation;
  direction: Direction;
  /** The person's cascaded target. */
  target: number;
  /** Null when the actual is missing. */
  actual: number | null;
}

/**
 * Department × KPI rows from people's rows (departments, then KPIs, in order of first
 * appearance). The department target of a sum KPI is its people's targets summed (the part
 * of the department target its positions carry); an average KPI's target is the common one
 * every person carries. Missing actuals are left out.
 *
 * @example departmentKpiRows([{ department: "Ops", kpiId: "K1", aggregation: "sum",
 *   direction: "higher", target: 60, actual: 70 }, { …same, target: 40, actual: null }])
 * // [{ department: "Ops", kpiId: "K1", …, target: 100, actuals: [70] }]
 */
export function departmentKpiRows(rows: readonly PersonKpiRow[]): DepartmentKpiRow[] {
  const groups = new Map<string, PersonKpiRow[]>();
  for (const row of rows) {
    const key = `${row.department}\u0000${row.kpiId}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((people) => {
    const { department, kpiId, aggregation, direction } = people[0];
    const target = aggregation === "sum" ? people.reduce((sum, p) => sum + p.target, 0) : people[0].target;
    const actuals = people.map((p) => p.actual).filter((a): a is number => a !== null);
    return { department, kpiId, aggregation, direction, target, actuals };
  });
}

/** The department's actual: people's actuals summed (sum KPIs) or averaged (average KPIs). */
export function departmentActual(aggregation: Aggregation, actuals: readonly number[]): number | null {
  if (actuals.length === 0) return null;
  return aggregation === "sum" ? actuals.reduce((sum, a) => sum + a, 0) : mean(actuals);
}

function rate(rows: readonly DepartmentKpiResult[]): CompletionRate {
  const met = rows.filter((r) => r.met).length;
  return { kpis: rows.length, met, completionRate: rows.length === 0 ? null : met / rows.length };
}

/**
 * Completion per department (order of first appearance) and for the whole cycle.
 * Met = the KPI would score ≥ 100 (`isTargetMet`, core/completion.ts). A KPI with no
 * actuals at all is not met: nothing shows the target was reached.
 *
 * @example departmentCompletion([{ department: "Ops", kpiId: "K1", aggregation: "sum",
 *   direction: "higher", target: 100, actuals: [60, 50] }]) // Ops: actual 110, met, rate 1
 */
export function departmentCompletion(rows: readonly DepartmentKpiRow[]): CompletionSummary {
  const byDepartment = new Map<string, DepartmentKpiResult[]>();
  const all: DepartmentKpiResult[] = [];
  for (const row of rows) {
    const actual = departmentActual(row.aggregation, row.actuals);
    const result = {
      kpiId: row.kpiId,
      target: row.target,
      actual,
      met: actual !== null && isTargetMet(actual, row.target, row.direction),
    };
    const list = byDepartment.get(row.department);
    if (list) list.push(result);
    else byDepartment.set(row.department, [result]);
    all.push(result);
  }
  return {
    departments: [...byDepartment].map(([department, results]) => ({
      department,
      ...rate(results),
      rows: results,
    })),
    overall: rate(all),
  };
}
