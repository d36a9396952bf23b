/**
 * The evaluation of one cycle (SPEC §3–§6): from the checked model to every number HR hands
 * out — KPI scores per employee × KPI, KPI score, 360° score, final score, rank, grade, bonus,
 * honours, improvement rows, department completion, and the incentive totals. Layout and
 * hosts only present these numbers.
 */
import type { Actual, Model, Employee, SourceRef, ModelIssue } from "./model";
import type { Direction, Aggregation, Relationship } from "./vocabulary";
import { cascadeGoals } from "./cascade";
import { scoreKpi, employeeKpiScore } from "./scoring";
import { feedbackScore, visibleFeedbackGroups } from "./feedback";
import { finalScore } from "./final";
import { gradeEmployees } from "./grading";
import { allocatePool, bonusFor } from "./incentives";
import { awardHonours, type Honour } from "./honours";
import { departmentCompletion, departmentKpiRows } from "./analysis/completion";
import { isTargetMet } from "./completion";
import { planTasks, type TaskPlan } from "./tasks";

export interface KpiResult {
  employeeId: string;
  kpiId: string;
  kpiName: string;
  unit?: string;
  direction: Direction;
  aggregation: Aggregation;
  target: number;
  threshold?: number;
  stretch?: number;
  /** Fraction of the employee's scorecard. */
  weight: number;
  /** Null when the actual is missing. */
  actual: number | null;
  /** Null when the actual is missing and excluded; 0 under `missing_actual=zero`. */
  score: number | null;
  met: boolean;
  /** The Actuals row, when there is one. */
  actualSource?: SourceRef;
}

export interface FeedbackGroupView {
  group: Relationship | "others";
  mean: number;
  raters: number;
}

export interface EmployeeResult {
  id: string;
  name: string;
  department: string;
  positionId: string;
  positionTitle: string;
  managerId?: string;
  managerName?: string;
  bonusBase: number;
  prevScore?: number;
  kpiScore: number | null;
  feedbackScore: number | null;
  /** Raters counted, per relationship. */
  ratersByGroup: Record<Relationship, number>;
  /** The groups a review may show under the anonymity rule. */
  feedbackGroups: FeedbackGroupView[];
  finalScore: number | null;
  /** 1 = best; equal final scores share a rank (as Excel's RANK). */
  rank: number | null;
  grade: string | null;
  coefficient: number;
  bonus: number;
  honours: Honour[];
  /** Ratings' comments, without who wrote them (review forms quote them). */
  comments: string[];
}

export interface ImprovementRow {
  employeeId: string;
  kpiId: string;
  /** How far the actual is from the target, in the KPI's unit (positive = short of target). */
  gap: number | null;
  score: number | null;
  ownerId?: string;
  due?: string;
}

export interface DepartmentResult {
  department: string;
  employees: number;
  completionRate: number | null;
  avgFinal: number | null;
}

export interface GradeTotal {
  grade: string;
  count: number;
  bonus: number;
}

export interface CycleResult {
  employees: EmployeeResult[];
  kpis: KpiResult[];
  departments: DepartmentResult[];
  improvements: ImprovementRow[];
  incentives: { pool: number | null; allocated: number; byGrade: GradeTotal[] };
  /** Groups graded by threshold because they were smaller than forced_min. */
  thresholdFallbackGroups: string[];
  issues: ModelIssue[];
}

const NO_RATERS = (): Record<Relationship, number> => ({
  self: 0,
  manager: 0,
  peer: 0,
  subordinate: 0,
  customer: 0,
});

/** Adds `days` calendar days to an ISO date. */
function addDays(iso: string, days: number): string {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Competition ranking: 1 for the best; equal scores share a rank and the next rank is skipped. */
function rankDescending(scores: (number | null)[]): (number | null)[] {
  // One sort instead of counting the better scores for each person (quadratic in headcount).
  const present = scores.filter((s): s is number => s !== null).sort((a, b) => b - a);
  const rankOf = new Map<number, number>();
  present.forEach((score, i) => {
    if (!rankOf.has(score)) rankOf.set(score, i + 1);
  });
  return scores.map((s) => (s === null ? null : (rankOf.get(s) as number)));
}

export function evaluateCycle(model: Model): CycleResult {
  const s = model.settings;
  const issues: ModelIssue[] = [];
  const positions = new Map(model.positions.map((p) => [p.id, p]));
  const byId = new Map(model.employees.map((e) => [e.id, e]));
  const kpiById = new Map(model.kpis.map((k) => [k.id, k]));
  // Actuals by employee, then KPI (a later row replaces an earlier one).
  const actualsOf = new Map<string, Map<string, Actual>>();
  for (const a of model.actuals) {
    let byKpi = actualsOf.get(a.employeeId);
    if (byKpi === undefined) actualsOf.set(a.employeeId, (byKpi = new Map()));
    byKpi.set(a.kpiId, a);
  }
  const departmentOf = (e: Employee) => positions.get(e.positionId)?.department ?? "";

  // KPI scores per employee × KPI, from the cascaded targets.
  const cascade = cascadeGoals(model);
  const kpis: KpiResult[] = [];
  for (const row of cascade.rows) {
    const kpi = kpiById.get(row.kpiId);
    if (!kpi) continue;
    const a = actualsOf.get(row.employeeId)?.get(row.kpiId);
    const curve = {
      target: row.target,
      direction: kpi.direction,
      threshold: row.threshold,
      stretch: row.stretch,
      cap: s.maxScore,
      thresholdScore: s.thresholdScore,
    };
    let score: number | null;
    if (a) score = scoreKpi(a.actual, curve);
    else if (s.missingActual === "zero") score = 0;
    else score = null;
    kpis.push({
      employeeId: row.employeeId,
      kpiId: row.kpiId,
      kpiName: kpi.name,
      unit: kpi.unit,
      direction: kpi.direction,
      aggregation: kpi.aggregation,
      target: row.target,
      threshold: row.threshold,
      stretch: row.stretch,
      weight: row.weight,
      actual: a ? a.actual : null,
      score,
      met: a ? isTargetMet(a.actual, row.target, kpi.direction) : false,
      actualSource: a?.source,
    });
  }

  const kpisOf = new Map<string, KpiResult[]>();
  for (const k of kpis) {
    const list = kpisOf.get(k.employeeId);
    if (list) list.push(k);
    else kpisOf.set(k.employeeId, [k]);
  }
  const ratingsOf = new Map<string, typeof model.feedback>();
  for (const f of model.feedback) {
    const list = ratingsOf.get(f.rateeId);
    if (list) list.push(f);
    else ratingsOf.set(f.rateeId, [f]);
  }

  // KPI, 360° and final scores.
  const employees: EmployeeResult[] = model.employees.map((e) => {
    const items = kpisOf.get(e.id) ?? [];
    const kpiScore = items.length
      ? employeeKpiScore(
          items.map((k) => ({ score: k.score, weight: k.weight })),
          s.missingActual,
        )
      : null;
    const ratings = ratingsOf.get(e.id) ?? [];
    const fb = feedbackScore(ratings, s.groupWeights, s.ratingScale);
    const ratersByGroup = NO_RATERS();
    for (const r of ratings) ratersByGroup[r.relationship] += 1;
    let final: number | null = null;
    if (kpiScore !== null) {
      const f = finalScore(kpiScore, fb, s.kpiWeight, s.feedbackWeight);
      final = f.score;
      if (f.warning)
        issues.push({ code: "no_feedback", params: { employee: e.id }, severity: "warning", at: e.source });
    } else if (fb !== null) {
      final = finalScore(fb, null).score;
      issues.push({ code: "no_kpi_score", params: { employee: e.id }, severity: "warning", at: e.source });
    } else {
      issues.push({ code: "no_scores", params: { employee: e.id }, severity: "warning", at: e.source });
    }
    const manager = e.managerId ? byId.get(e.managerId) : undefined;
    return {
      id: e.id,
      name: e.name,
      department: departmentOf(e),
      positionId: e.positionId,
      positionTitle: positions.get(e.positionId)?.title ?? "",
      managerId: e.managerId,
      managerName: manager?.name,
      bonusBase: e.bonusBase ?? 0,
      prevScore: e.prevScore,
      kpiScore,
      feedbackScore: fb,
      ratersByGroup,
      feedbackGroups: visibleFeedbackGroups(ratings, s.minRaters),
      finalScore: final,
      rank: null,
      grade: null,
      coefficient: 0,
      bonus: 0,
      honours: [],
      comments: ratings.map((r) => r.comment ?? "").filter((c) => c.trim() !== ""),
    };
  });

  // Ranks and grades.
  const ranks = rankDescending(employees.map((e) => e.finalScore));
  employees.forEach((e, i) => (e.rank = ranks[i]));
  const scored = employees.filter((e) => e.finalScore !== null);
  const graded = gradeEmployees(
    scored.map((e) => ({
      id: e.id,
      score: e.finalScore as number,
      group: s.forcedGroup === "all" ? "" : e.department,
    })),
    {
      mode: s.gradeMode,
      grades: s.grades.map((g) => ({ key: g.grade, value: g.min })),
      quotas: Object.entries(s.quotas).map(([key, value]) => ({ key, value })),
      forcedMin: s.forcedMin,
    },
  );
  for (const e of scored) {
    e.grade = graded.grades.get(e.id) ?? null;
    e.coefficient = e.grade ? (s.coefficients[e.grade] ?? 0) : 0;
  }

  // Bonuses: raw = base × coefficient; with a pool, shared out exactly (SPEC §6).
  // Index order by employee_id so equal remainders fall to the lower id after the higher score.
  const order = [...employees].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const raws = order.map((e) => e.bonusBase * e.coefficient);
  const rawTotal = raws.reduce((t, r) => t + r, 0);
  if (s.bonusPool !== undefined && rawTotal === 0) {
    // Nobody has a share (no bonus bases, or every grade's coefficient is 0): the pool cannot be split.
    issues.push({ code: "pool_without_shares", params: { pool: s.bonusPool }, severity: "error" });
  } else if (s.bonusPool !== undefined) {
    const shares = allocatePool(
      s.bonusPool,
      raws,
      s.rounding,
      order.map((e) => e.finalScore ?? -Infinity),
    );
    order.forEach((e, i) => (e.bonus = shares[i]));
  } else {
    order.forEach((e) => (e.bonus = bonusFor(e.bonusBase, e.coefficient, s.rounding)));
  }

  // Honours.
  const bestGrade = s.grades[0]?.grade ?? "S";
  const honours = awardHonours(
    scored.map((e) => ({
      id: e.id,
      department: e.department,
      grade: e.grade ?? "",
      finalScore: e.finalScore as number,
      prevScore: e.prevScore ?? null,
    })),
    bestGrade,
  );
  for (const e of employees) e.honours = honours.get(e.id) ?? [];

  // Improvement rows: every KPI scoring below threshold_score.
  const improvements: ImprovementRow[] = [];
  // The same due date for every row: worked out at the first.
  let due: { date: string | undefined } | undefined;
  const improvementDue = () => (due ??= { date: s.periodEnd ? addDays(s.periodEnd, 30) : undefined }).date;
  for (const k of kpis) {
    if (k.score === null || k.score >= s.thresholdScore) continue;
    const gap =
      k.actual === null ? null : k.direction === "lower" ? k.actual - k.target : k.target - k.actual;
    improvements.push({
      employeeId: k.employeeId,
      kpiId: k.kpiId,
      gap,
      score: k.score,
      ownerId: byId.get(k.employeeId)?.managerId,
      due: improvementDue(),
    });
  }

  // Departments: completion of the department's KPIs (department actual summed or averaged
  // over its people), and the average final score.
  const departmentOfEmployee = new Map(employees.map((e) => [e.id, e.department]));
  const completion = departmentCompletion(
    departmentKpiRows(
      kpis.map((k) => ({
        department: departmentOfEmployee.get(k.employeeId) ?? "",
        kpiId: k.kpiId,
        aggregation: k.aggregation,
        direction: k.direction,
        target: k.target,
        actual: k.actual,
      })),
    ),
  );
  const rateOf = new Map(completion.departments.map((d) => [d.department, d.completionRate]));
  // Members per department in employee order (a filter per department is quadratic in a large company).
  const membersOf = new Map<string, EmployeeResult[]>();
  for (const e of employees) {
    const list = membersOf.get(e.department);
    if (list) list.push(e);
    else membersOf.set(e.department, [e]);
  }
  const departments = [...membersOf.keys()].sort().map((department) => {
    const members = membersOf.get(department) as EmployeeResult[];
    const finals = members.filter((e) => e.finalScore !== null).map((e) => e.finalScore as number);
    return {
      department,
      employees: members.length,
      completionRate: rateOf.get(department) ?? null,
      avgFinal: finals.length ? finals.reduce((a, b) => a + b, 0) / finals.length : null,
    };
  });

  // Incentive totals by grade, best grade first.
  const byGrade = s.grades.map((g) => {
    const members = employees.filter((e) => e.grade === g.grade);
    return {
      grade: g.grade,
      count: members.length,
      bonus: sumUnits(
        members.map((m) => m.bonus),
        s.rounding,
      ),
    };
  });
  const allocated = sumUnits(
    employees.map((e) => e.bonus),
    s.rounding,
  );

  return {
    employees,
    kpis,
    departments,
    improvements,
    incentives: { pool: s.bonusPool ?? null, allocated, byGrade },
    thresholdFallbackGroups: graded.thresholdFallbackGroups,
    // The cascade's own checks were reported when the workbook was validated.
    issues,
  };
}

/** Sums amounts that are whole multiples of `rounding` without floating-point drift. */
function sumUnits(amounts: number[], rounding: number): number {
  const units = amounts.reduce((t, a) => t + Math.round(a / rounding), 0);
  return Number((units * rounding).toFixed(decimalsOf(rounding)));
}

function decimalsOf(step: number): number {
  const text = String(step);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * SPEC §7 on the model: tasks and people mapped onto the task engine. Without a period there
 * is nothing to schedule in, so the plan is empty (validation asks for the period when the
 * Tasks sheet has rows).
 */
export function planCycleTasks(model: Model): TaskPlan | null {
  const s = model.settings;
  if (!s.periodStart || !s.periodEnd) return null;
  const departments = new Map(model.positions.map((p) => [p.id, p.department]));
  return planTasks(
    model.tasks.map((task) => ({
      taskId: task.id,
      name: task.name,
      importance: task.importance,
      urgency: task.urgency,
      effortHours: task.effortHours,
      skill: task.skill,
      skillLevel: task.skillLevel,
      department: task.department,
      due: task.due,
      earliestStart: task.earliestStart,
      project: task.project,
      assignee: task.assignee,
    })),
    model.employees.map((e) => ({
      employeeId: e.id,
      department: departments.get(e.positionId) ?? "",
      fte: e.fte,
      capacityHours: e.capacityHours,
      skills: e.skills,
    })),
    {
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      importantMin: s.importantMin,
      urgentMin: s.urgentMin,
      buffer: s.buffer,
      dailyHours: s.dailyHours,
    },
  );
}
