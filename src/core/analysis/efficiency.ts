/**
 * Efficiency before and after the incentives (SPEC §1 stage 6, Efficiency sheet).
 * The sheet has no direction column: "after > before" is an improvement unless the caller
 * names the metric in `lowerIsBetter` (handling time, error rate …).
 */

import { mean } from "./stats";

export interface EfficiencyRow {
  employeeId: string;
  metric: string;
  before: number;
  after: number;
}

export interface EfficiencyMetricSummary {
  metric: string;
  lowerIsBetter: boolean;
  /** Rows (people) measured on this metric. */
  n: number;
  beforeMean: number;
  afterMean: number;
  /** (afterMean − beforeMean) / |beforeMean|; null when beforeMean is 0. Sign = direction of the raw change. */
  changeOfMeans: number | null;
  improved: number;
  /** improved / n (0–1). */
  improvedShare: number;
}

/**
 * Relative change of one value, signed so that a rise is positive; null from 0.
 * Dividing by |before| keeps the sign meaningful for negative metrics (e.g. a margin).
 *
 * @example relativeChange(10, 12) // 0.2
 */
export function relativeChange(before: number, after: number): number | null {
  return before === 0 ? null : (after - before) / Math.abs(before);
}

/** A row improved when it moved the good way; no change is not an improvement. */
export function isImproved(row: EfficiencyRow, lowerIsBetter: ReadonlySet<string> = new Set()): boolean {
  return lowerIsBetter.has(row.metric) ? row.after < row.before : row.after > row.before;
}

/**
 * Per metric, in order of first appearance.
 *
 * @example efficiencySummary([{ employeeId: "E1", metric: "orders/h", before: 10, after: 12 }])
 * // [{ metric: "orders/h", n: 1, beforeMean: 10, afterMean: 12, changeOfMeans: 0.2, improved: 1, … }]
 */
export function efficiencySummary(
  rows: readonly EfficiencyRow[],
  lowerIsBetter: ReadonlySet<string> = new Set(),
): EfficiencyMetricSummary[] {
  const byMetric = new Map<string, EfficiencyRow[]>();
  for (const row of rows) {
    const list = byMetric.get(row.metric);
    if (list) list.push(row);
    else byMetric.set(row.metric, [row]);
  }
  return [...byMetric].map(([metric, metricRows]) => {
    const beforeMean = mean(metricRows.map((r) => r.before)) as number;
    const afterMean = mean(metricRows.map((r) => r.after)) as number;
    const improved = metricRows.filter((r) => isImproved(r, lowerIsBetter)).length;
    return {
      metric,
      lowerIsBetter: lowerIsBetter.has(metric),
      n: metricRows.length,
      beforeMean,
      afterMean,
      changeOfMeans: relativeChange(beforeMean, afterMean),
      improved,
      improvedShare: improved / metricRows.length,
    };
  });
}

/**
 * Each person's efficiency change: the mean over that person's metrics of the relative
 * change, signed so that positive always means better (a lower-is-better metric's change
 * is negated). Metrics with before = 0 have no relative change and are left out; a person
 * left with none gets null.
 *
 * @example efficiencyChangeByEmployee([{ employeeId: "E1", metric: "a", before: 10, after: 12 },
 *   { employeeId: "E1", metric: "t", before: 5, after: 4 }], new Set(["t"]))
 * // Map { "E1" => (0.2 + 0.2) / 2 = 0.2 }
 */
export function efficiencyChangeByEmployee(
  rows: readonly EfficiencyRow[],
  lowerIsBetter: ReadonlySet<string> = new Set(),
): Map<string, number | null> {
  const changes = new Map<string, number[]>();
  for (const row of rows) {
    const list = changes.get(row.employeeId) ?? [];
    const change = relativeChange(row.before, row.after);
    if (change !== null) list.push(lowerIsBetter.has(row.metric) ? -change : change);
    changes.set(row.employeeId, list);
  }
  return new Map([...changes].map(([id, list]) => [id, mean(list)]));
}
