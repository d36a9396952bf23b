/**
 * SUMMARY.json (SPEC §9): the run's numbers for other programs. Field names and shapes are
 * the contract; the values are the engine's, unrounded except where the engine rounds.
 */
import type { CycleResult } from "../core/cycle";
import type { TaskPlan } from "../core/tasks";
import type { Problem } from "./problems";

export interface Summary {
  cycle: string;
  employees: {
    id: string;
    name: string;
    department: string;
    position_id: string;
    kpi_score: number | null;
    feedback_score: number | null;
    final_score: number | null;
    grade: string | null;
    bonus: number;
    honours: string[];
  }[];
  kpis: {
    employee_id: string;
    kpi_id: string;
    target: number;
    threshold: number | null;
    stretch: number | null;
    weight: number;
    actual: number | null;
    score: number | null;
  }[];
  departments: { department: string; completion_rate: number | null; avg_final: number | null }[];
  tasks: {
    task_id: string;
    assignee: string | null;
    quadrant: string;
    start: string | null;
    end: string | null;
    at_risk: boolean;
    over_capacity: boolean;
  }[];
  incentives: {
    pool: number | null;
    allocated: number;
    by_grade: Record<string, { count: number; bonus: number }>;
  };
  warnings: { sheet: string; cell: string; code: string; message: string }[];
}

export function buildSummary(
  cycle: string,
  result: CycleResult,
  tasks: TaskPlan | null,
  warnings: Problem[],
): Summary {
  return {
    cycle,
    employees: result.employees.map((e) => ({
      id: e.id,
      name: e.name,
      department: e.department,
      position_id: e.positionId,
      kpi_score: e.kpiScore,
      feedback_score: e.feedbackScore,
      final_score: e.finalScore,
      grade: e.grade,
      bonus: e.bonus,
      honours: [...e.honours],
    })),
    kpis: result.kpis.map((k) => ({
      employee_id: k.employeeId,
      kpi_id: k.kpiId,
      target: k.target,
      threshold: k.threshold ?? null,
      stretch: k.stretch ?? null,
      weight: k.weight,
      actual: k.actual,
      score: k.score,
    })),
    departments: result.departments.map((d) => ({
      department: d.department,
      completion_rate: d.completionRate,
      avg_final: d.avgFinal,
    })),
    tasks: (tasks?.tasks ?? []).map((t) => ({
      task_id: t.taskId,
      assignee: t.assignee,
      quadrant: t.quadrant,
      start: t.start,
      end: t.end,
      at_risk: t.atRisk,
      over_capacity: t.overCapacity,
    })),
    incentives: {
      pool: result.incentives.pool,
      allocated: result.incentives.allocated,
      by_grade: Object.fromEntries(
        result.incentives.byGrade.map((g) => [g.grade, { count: g.count, bonus: g.bonus }]),
      ),
    },
    warnings: warnings.map((w) => ({ sheet: w.sheet, cell: w.cell, code: w.code, message: w.message })),
  };
}
