/**
 * Goal decomposition (SPEC §3): strategy goal → department KPI → position → employee, with
 * each employee's target, threshold, stretch and scorecard weight, and the checks of §3.
 * Problems are codes with params (core/messages.ts words them), located at model rows.
 */
import type { DecompositionRow, Employee, Kpi, Model, ModelIssue, Position, SourceRef } from "./model";
import type { Aggregation, Direction } from "./vocabulary";

/** Shares per sum KPI and weights per position must total 100 % within ± 0.01 percentage points. */
export const TOTAL_TOLERANCE = 0.0001;

/** One employee's part of one KPI: a row of the Goals sheet. */
export interface GoalRow {
  goalId?: string;
  goal?: string;
  kpiId: string;
  kpiName: string;
  positionId: string;
  department: string;
  employeeId: string;
  employeeName: string;
  target: number;
  threshold?: number;
  stretch?: number;
  /** Fraction of the employee's scorecard. */
  weight: number;
  direction: Direction;
  aggregation: Aggregation;
  unit?: string;
  /** The Decomposition row it comes from. */
  source: SourceRef;
}

export interface CascadeResult {
  rows: GoalRow[];
  problems: ModelIssue[];
}

/**
 * Drops the binary noise of a product so `1000 × 0.3 / 3` is 100, not 100.00000000000001:
 * 15 significant digits, the precision Excel shows.
 */
function clean(x: number): number {
  return Number(x.toPrecision(15));
}

/** A total as percent text for messages: 0.8 → "80", 0.3333 → "33.33". */
function percentText(total: number): string {
  return String(Math.round(total * 10000) / 100);
}

function issue(
  code: string,
  params: ModelIssue["params"],
  at: SourceRef,
  column?: string,
  severity: ModelIssue["severity"] = "error",
): ModelIssue {
  return { code, params, severity, at, column };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

/** Each KPI's parent goal: unknown is an error, blank a warning. */
function checkKpiGoals(model: Model): ModelIssue[] {
  const goals = byId(model.goals);
  const problems: ModelIssue[] = [];
  for (const kpi of model.kpis) {
    if (kpi.goalId === undefined) {
      problems.push(issue("kpi_goal_blank", { kpi: kpi.id }, kpi.source, "goal_id", "warning"));
    } else if (!goals.has(kpi.goalId)) {
      problems.push(issue("id_unknown", { id: kpi.goalId, of: "strategy" }, kpi.source, "goal_id"));
    }
  }
  return problems;
}

interface UsableRow {
  row: DecompositionRow;
  kpi: Kpi;
  position: Position;
}

/** Decomposition rows whose KPI and position exist, once per (KPI, position). */
function usableRows(model: Model, problems: ModelIssue[]): UsableRow[] {
  const kpis = byId(model.kpis);
  const positions = byId(model.positions);
  const seen = new Map<string, DecompositionRow>();
  const usable: UsableRow[] = [];
  for (const row of model.decomposition) {
    const kpi = kpis.get(row.kpiId);
    const position = positions.get(row.positionId);
    if (!kpi) problems.push(issue("id_unknown", { id: row.kpiId, of: "kpis" }, row.source, "kpi_id"));
    if (!position) {
      problems.push(issue("id_unknown", { id: row.positionId, of: "positions" }, row.source, "position_id"));
    }
    if (!kpi || !position) continue;
    const pair = `${kpi.id}\u0000${position.id}`;
    const first = seen.get(pair);
    if (first) {
      problems.push(
        issue(
          "decomposition_duplicate",
          { kpi: kpi.id, position: position.id, firstRow: first.source.row },
          row.source,
          "position_id",
        ),
      );
      continue;
    }
    seen.set(pair, row);
    usable.push({ row, kpi, position });
  }
  return usable;
}

/** Groups items by a key, keeping first-seen order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * The totals of SPEC §3: every sum KPI's shares and every position's weights make 100 %,
 * and no share goes to a position nobody holds. A KPI never cascaded and a position with
 * people but no KPI are warnings: nothing is scored for them.
 */
function checkTotals(model: Model, usable: UsableRow[], staff: Map<string, Employee[]>): ModelIssue[] {
  const problems: ModelIssue[] = [];
  const rowsByKpi = groupBy(usable, (u) => u.kpi.id);
  for (const kpi of model.kpis) {
    const rows = rowsByKpi.get(kpi.id);
    if (!rows) {
      problems.push(issue("kpi_not_cascaded", { kpi: kpi.id }, kpi.source, "kpi_id", "warning"));
      continue;
    }
    if (kpi.aggregation !== "sum") continue;
    const total = rows.reduce((sum, u) => sum + (u.row.share ?? 0), 0);
    if (Math.abs(total - 1) > TOTAL_TOLERANCE + 1e-12) {
      problems.push(
        issue("kpi_share_total", { kpi: kpi.id, percent: percentText(total) }, rows[0].row.source, "share"),
      );
    }
    for (const u of rows) {
      if ((u.row.share ?? 0) > 0 && !staff.has(u.position.id)) {
        problems.push(
          issue("share_no_employees", { kpi: kpi.id, position: u.position.id }, u.row.source, "position_id"),
        );
      }
    }
  }
  const rowsByPosition = groupBy(usable, (u) => u.position.id);
  for (const position of model.positions) {
    const rows = rowsByPosition.get(position.id);
    if (!rows) {
      if (staff.has(position.id)) {
        problems.push(
          issue(
            "position_without_kpis",
            { position: position.id },
            position.source,
            "position_id",
            "warning",
          ),
        );
      }
      continue;
    }
    const total = rows.reduce((sum, u) => sum + u.row.weight, 0);
    if (Math.abs(total - 1) > TOTAL_TOLERANCE + 1e-12) {
      problems.push(
        issue(
          "position_weight_total",
          { position: position.id, percent: percentText(total) },
          rows[0].row.source,
          "weight",
        ),
      );
    }
  }
  return problems;
}

/**
 * One employee's target, threshold and stretch of a KPI row. Sum KPI: the department value
 * × the position's share × the employee's fte / Σ fte of the position. Average KPI: the
 * department value.
 *
 * @example // sum KPI target 1000, share 60 %, two people of fte 1 and 0.5:
 * // 1000 × 0.6 × 1 / 1.5 = 400 and 1000 × 0.6 × 0.5 / 1.5 = 200
 */
export function employeePart(kpi: Kpi, share: number | undefined, fte: number, positionFte: number) {
  const factor = kpi.aggregation === "sum" ? ((share ?? 0) * fte) / positionFte : 1;
  const scale = (value: number | undefined) => (value === undefined ? undefined : clean(value * factor));
  return { target: clean(kpi.target * factor), threshold: scale(kpi.threshold), stretch: scale(kpi.stretch) };
}

/**
 * Cascades the department KPIs to every employee (SPEC §3). Rows are ordered by strategy
 * goal, then KPI (both in sheet order; KPIs without a known goal last), then Decomposition
 * row, then employee.
 */
export function cascadeGoals(model: Model): CascadeResult {
  const problems = checkKpiGoals(model);
  const usable = usableRows(model, problems);
  const staff = groupBy(model.employees, (e) => e.positionId);
  problems.push(...checkTotals(model, usable, staff));

  const goals = byId(model.goals);
  const goalOrder = new Map(model.goals.map((g, i) => [g.id, i]));
  const kpiOrder = new Map(model.kpis.map((k, i) => [k.id, i]));
  const rank = (u: UsableRow) => [
    goalOrder.get(u.kpi.goalId ?? "") ?? model.goals.length,
    kpiOrder.get(u.kpi.id) ?? 0,
  ];
  const ordered = usable
    .map((u, index) => ({ u, index, key: rank(u) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.index - b.index)
    .map((x) => x.u);

  const rows: GoalRow[] = [];
  for (const { row, kpi, position } of ordered) {
    const people = staff.get(position.id) ?? [];
    const positionFte = people.reduce((sum, e) => sum + e.fte, 0);
    const goal = kpi.goalId === undefined ? undefined : goals.get(kpi.goalId);
    // People of the position with the same fte carry the same part: worked out once per fte.
    const partOf = new Map<number, ReturnType<typeof employeePart>>();
    for (const employee of people) {
      let part = partOf.get(employee.fte);
      if (part === undefined) {
        part = employeePart(kpi, row.share, employee.fte, positionFte);
        partOf.set(employee.fte, part);
      }
      rows.push({
        goalId: kpi.goalId,
        goal: goal?.goal,
        kpiId: kpi.id,
        kpiName: kpi.name,
        positionId: position.id,
        department: position.department,
        employeeId: employee.id,
        employeeName: employee.name,
        target: part.target,
        threshold: part.threshold,
        stretch: part.stretch,
        weight: row.weight,
        direction: kpi.direction,
        aggregation: kpi.aggregation,
        unit: kpi.unit,
        source: row.source,
      });
    }
  }
  return { rows, problems };
}
