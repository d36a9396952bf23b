/**
 * Grades (SPEC §5): threshold mode (each score against the grade minimums) and forced
 * distribution (a quota of people per grade, filled best first, ties kept together).
 */
import { invalid } from "./messages";
import { commonScale, largestRemainder } from "./rounding";
import type { TableEntry } from "./tables";
import { normalizeWord } from "./vocabulary";

/**
 * Threshold mode: the grade with the highest minimum that is ≤ score (the first listed if
 * two share a minimum). No such grade → `#VALUE!` (`no_grade`).
 *
 * @example gradeByThreshold(85, [{key:"S",value:90},{key:"A",value:80},{key:"B",value:0}]) // "A"
 */
export function gradeByThreshold(score: number, grades: TableEntry[]): string {
  if (!Number.isFinite(score)) throw invalid("not_finite", { what: "score" });
  let best: TableEntry | undefined;
  for (const grade of grades) {
    if (grade.value <= score && (best === undefined || grade.value > best.value)) best = grade;
  }
  if (!best) throw invalid("no_grade", { score });
  return best.key;
}

/**
 * How many of `n` people get each grade: the largest-remainder apportionment of n by the
 * quotas (relative: 10,20,40,20,10 and 0.1,0.2,… agree), listed best grade first; equal
 * remainders go to the better grade. Exact (integer) arithmetic, so equal remainders are
 * truly equal.
 *
 * @example apportionQuotas(7, S:10,A:20,B:40,C:20,D:10) // S 1, A 1, B 3, C 1, D 1
 *   exact shares 0.7, 1.4, 2.8, 1.4, 0.7 → floors 0,1,2,1,0 → the two units left go to
 *   the remainders 0.8 (B) and then 0.7 (S before D, S is better).
 */
export function apportionQuotas(n: number, quotas: TableEntry[]): Map<string, number> {
  if (!Number.isInteger(n) || n < 0) throw invalid("not_finite", { what: "number of people" });
  if (quotas.length === 0 || quotas.some((q) => !Number.isFinite(q.value) || q.value < 0)) {
    throw invalid("bad_quota");
  }
  const { ints } = commonScale(quotas.map((q) => q.value));
  if (ints.every((q) => q === 0n)) throw invalid("bad_quota");
  const counts = largestRemainder(BigInt(n), ints, (a, b) => a - b);
  return new Map(quotas.map((q, i) => [q.key, Number(counts[i])]));
}

/**
 * The quotas best grade first. Without `grades` the quotas' own order is best first; with
 * `grades` (a grade table such as S:90,A:80,…) the grade with the higher minimum is better,
 * and every quota must name one of those grades.
 */
function qualityOrder(quotas: TableEntry[], grades?: TableEntry[]): TableEntry[] {
  if (!grades) return quotas;
  const minimum = (key: string) => {
    const grade = grades.find((g) => normalizeWord(g.key) === normalizeWord(key));
    if (!grade) throw invalid("unknown_grade", { grade: key });
    return grade.value;
  };
  return quotas
    .map((q, i) => ({ q, i, min: minimum(q.key) }))
    .sort((a, b) => b.min - a.min || a.i - b.i)
    .map((x) => x.q);
}

/**
 * Forced distribution of one group: rank by score desc (id asc only to fix the order),
 * give the first count(best) people the best grade, the next ones the next grade, and so
 * on; then equal scores always share the grade of the best-ranked among them, so a tie
 * across a boundary takes the better grade and the following grades shrink by the
 * overflow (the boundaries of the ranking stay where the counts put them).
 *
 * @example with counts S 1, A 2, B 2 and scores 95, 90, 90, 90, 80 → S, A, A, A, B
 *   (the third 90 would have been B; B shrinks to one person).
 */
export function distributeForced(
  entries: { id: string; score: number }[],
  quotas: TableEntry[],
  grades?: TableEntry[],
): Map<string, string> {
  for (const e of entries) {
    if (!Number.isFinite(e.score)) throw invalid("not_finite", { what: "score" });
  }
  const ordered = qualityOrder(quotas, grades);
  const counts = apportionQuotas(entries.length, ordered);
  const ranked = [...entries].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byRank: string[] = [];
  for (const [grade, count] of counts) for (let k = 0; k < count; k++) byRank.push(grade);
  const result = new Map<string, string>();
  ranked.forEach((entry, rank) => {
    const tiedWithPrevious = rank > 0 && ranked[rank - 1].score === entry.score;
    const grade = tiedWithPrevious ? result.get(ranked[rank - 1].id)! : byRank[rank];
    result.set(entry.id, grade);
  });
  return result;
}

export interface GradingSettings {
  mode: "threshold" | "forced";
  /** Grade minimums (threshold mode, the fallback of small groups, and grade order). */
  grades: TableEntry[];
  /** Share of people per grade (forced mode). */
  quotas: TableEntry[];
  /** A forced group with fewer people is graded by threshold. */
  forcedMin: number;
}

/**
 * Grades everyone. Forced mode distributes each `group` separately (the caller puts
 * everyone in one group for forced_group = all); a group smaller than `forcedMin` uses
 * threshold mode and is listed in `thresholdFallbackGroups` so the output can say so.
 */
export function gradeEmployees(
  entries: { id: string; score: number; group: string }[],
  settings: GradingSettings,
): { grades: Map<string, string>; thresholdFallbackGroups: string[] } {
  const grades = new Map<string, string>();
  const thresholdFallbackGroups: string[] = [];
  const byThreshold = (list: typeof entries) => {
    for (const e of list) grades.set(e.id, gradeByThreshold(e.score, settings.grades));
  };
  if (settings.mode === "threshold") {
    byThreshold(entries);
    return { grades, thresholdFallbackGroups };
  }
  const groups = new Map<string, typeof entries>();
  for (const e of entries) {
    const members = groups.get(e.group);
    if (members) members.push(e);
    else groups.set(e.group, [e]);
  }
  for (const [group, members] of groups) {
    if (members.length < settings.forcedMin) {
      thresholdFallbackGroups.push(group);
      byThreshold(members);
    } else {
      for (const [id, grade] of distributeForced(members, settings.quotas, settings.grades)) {
        grades.set(id, grade);
      }
    }
  }
  return { grades, thresholdFallbackGroups };
}
