/**
 * Satisfaction survey summary (SPEC §1 stage 6, Survey sheet): per question, the mean
 * score, the share of favourable answers and the before → after change, without ever
 * showing the statistics of a group smaller than the minimum group size.
 */

import { SURVEY_PERIODS } from "../vocabulary";
import { mean } from "./stats";

export type SurveyPeriod = (typeof SURVEY_PERIODS)[number];

export interface SurveyAnswer {
  question: string;
  /** 1–5. */
  score: number;
  period?: SurveyPeriod | null;
  department?: string | null;
}

/** Scores at or above this count as favourable (4 = agree, 5 = strongly agree). */
export const FAVOURABLE_MIN = 4;
export const MIN_SURVEY_GROUP = 5;

export interface SurveyGroup {
  /** Always reported, even when the statistics are suppressed. */
  n: number;
  mean: number | null;
  /** Share (0–1) of answers scoring ≥ 4. */
  favourable: number | null;
  /** True when 0 < n < minGroup: the group exists but is too small to show on its own. */
  suppressed: boolean;
}

export interface SurveyQuestionSummary {
  question: string;
  overall: SurveyGroup;
  before: SurveyGroup;
  after: SurveyGroup;
  /** after − before, when both are shown. */
  change: { mean: number; favourable: number } | null;
  /** Departments in order of first appearance; answers without a department are not listed. */
  byDepartment: { department: string; group: SurveyGroup }[];
}

/** Statistics of one group of scores, suppressed below `minGroup`. */
export function surveyGroup(scores: readonly number[], minGroup: number): SurveyGroup {
  const n = scores.length;
  if (n === 0) return { n, mean: null, favourable: null, suppressed: false };
  if (n < minGroup) return { n, mean: null, favourable: null, suppressed: true };
  const favourable = scores.filter((s) => s >= FAVOURABLE_MIN).length / n;
  return { n, mean: mean(scores), favourable, suppressed: false };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const members = groups.get(k) ?? [];
    members.push(item);
    groups.set(k, members);
  }
  return groups;
}

/**
 * One summary per question, in order of first appearance.
 *
 * @example surveySummary(answers) // [{ question: "Fairness", before: { n: 12, mean: 3.2, … },
 * //   after: { n: 16, mean: 3.9, … }, change: { mean: 0.7, … }, … }]
 */
export function surveySummary(
  answers: readonly SurveyAnswer[],
  minGroup: number = MIN_SURVEY_GROUP,
): SurveyQuestionSummary[] {
  return [...groupBy(answers, (a) => a.question)].map(([question, rows]) => {
    const scores = (subset: readonly SurveyAnswer[]) => subset.map((a) => a.score);
    const overall = surveyGroup(scores(rows), minGroup);
    const before = surveyGroup(scores(rows.filter((a) => a.period === "before")), minGroup);
    const after = surveyGroup(scores(rows.filter((a) => a.period === "after")), minGroup);
    const change =
      before.mean !== null && after.mean !== null && before.favourable !== null && after.favourable !== null
        ? { mean: after.mean - before.mean, favourable: after.favourable - before.favourable }
        : null;
    const withDepartment = rows.filter((a) => a.department != null && a.department !== "");
    const byDepartment = [...groupBy(withDepartment, (a) => a.department as string)].map(
      ([department, d]) => ({
        department,
        group: surveyGroup(scores(d), minGroup),
      }),
    );
    return { question, overall, before, after, change, byDepartment };
  });
}
