/**
 * Honours, the non-material incentives of SPEC §6. Codes, not text: the report layer names
 * them (绩效之星 / Star performer, 部门标兵 / Department best, 进步之星 / Most improved).
 */
import { round2 } from "./rounding";

export type Honour = "star" | "department_best" | "most_improved";

/** The smallest rise over prev_score that can earn Most improved. */
const MIN_IMPROVEMENT = 5;

export interface HonourCandidate {
  id: string;
  department: string;
  grade: string;
  finalScore: number;
  prevScore?: number | null;
}

/**
 * Every holder of the best grade is a Star; the highest final score of each department is
 * its Department best; the largest rise of final over previous score across everyone, if
 * at least 5 points, is Most improved. Ties share an honour. Rises are compared after
 * rounding to 2 decimals (scores have 2), so 85.3 − 80.3 counts as the 5 it is.
 * Everyone gets an entry, possibly empty; honours are listed in the order above.
 *
 * @example two people of one department with 91 and 91: both Department best.
 */
export function awardHonours(people: HonourCandidate[], bestGrade = "S"): Map<string, Honour[]> {
  const honours = new Map<string, Honour[]>(people.map((p) => [p.id, []]));
  const bestOf = new Map<string, number>();
  for (const p of people) {
    bestOf.set(p.department, Math.max(bestOf.get(p.department) ?? -Infinity, p.finalScore));
  }
  const rise = (p: HonourCandidate) =>
    p.prevScore === null || p.prevScore === undefined ? undefined : round2(p.finalScore - p.prevScore);
  const rises = people.map(rise).filter((r): r is number => r !== undefined);
  const largestRise = Math.max(-Infinity, ...rises);
  for (const p of people) {
    const mine = honours.get(p.id)!;
    if (p.grade === bestGrade) mine.push("star");
    if (p.finalScore === bestOf.get(p.department)) mine.push("department_best");
    if (largestRise >= MIN_IMPROVEMENT && rise(p) === largestRise) mine.push("most_improved");
  }
  return honours;
}
