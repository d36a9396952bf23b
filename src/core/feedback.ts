/**
 * 360° feedback (SPEC §5): the score, and which rater groups a review may show without
 * revealing who rated.
 */
import { invalid } from "./messages";
import { Relationship, RELATIONSHIPS } from "./vocabulary";

export interface Rating {
  relationship: Relationship;
  score: number;
  /** Who rated; raters are counted by distinct id. Without ids, each rating is one rater. */
  raterId?: string;
}

/** Ratings grouped by relationship, in RELATIONSHIPS order, empty groups left out. */
function byRelationship<T extends Rating>(ratings: T[]): Map<Relationship, T[]> {
  const groups = new Map<Relationship, T[]>();
  for (const relationship of RELATIONSHIPS) {
    const group = ratings.filter((r) => r.relationship === relationship);
    if (group.length > 0) groups.set(relationship, group);
  }
  return groups;
}

const mean = (ratings: Rating[]) => ratings.reduce((s, r) => s + r.score, 0) / ratings.length;

/** Distinct raters; a rating without a rater id is a rater of its own. */
function raterCount(ratings: Rating[]): number {
  const ids = new Set<string>();
  let anonymous = 0;
  for (const r of ratings) {
    if (r.raterId === undefined) anonymous += 1;
    else ids.add(r.raterId);
  }
  return ids.size + anonymous;
}

/**
 * feedback_score = 100 × (Σ over groups of weight × group mean) / (Σ weights) / scale.
 * Groups without ratings drop out and the others renormalise. Null when nothing counts:
 * no ratings, or every group that has ratings weighs 0 (e.g. only a self-rating with the
 * default self:0) — there is then no weighted mean to take.
 *
 * @example feedbackScore([{ relationship: "manager", score: 4 }, { relationship: "peer", score: 3 }],
 *   { manager: 0.4, peer: 0.3, subordinate: 0.15, customer: 0.15, self: 0 }, 5)
 *   // 100 × (0.4·4 + 0.3·3)/0.7 / 5 ≈ 71.43
 */
export function feedbackScore(
  ratings: Rating[],
  groupWeights: Record<Relationship, number>,
  scale: number,
): number | null {
  if (!(scale > 0) || !Number.isFinite(scale)) throw invalid("bad_scale", { scale });
  for (const r of ratings) {
    if (!Number.isFinite(r.score) || r.score < 1 || r.score > scale) {
      throw invalid("rating_out_of_range", { score: r.score, scale });
    }
  }
  let sumWeights = 0;
  let sumWeighted = 0;
  for (const [relationship, group] of byRelationship(ratings)) {
    const weight = groupWeights[relationship] ?? 0;
    if (!Number.isFinite(weight) || weight < 0) throw invalid("negative_weight", { weight });
    sumWeights += weight;
    sumWeighted += weight * mean(group);
  }
  if (sumWeights === 0) return null;
  return (100 * sumWeighted) / sumWeights / scale;
}

export interface VisibleGroup {
  group: Relationship | "others";
  mean: number;
  raters: number;
}

/** The groups whose raters SPEC §5 protects; manager and self are single, known people. */
const ANONYMOUS: readonly Relationship[] = ["peer", "subordinate", "customer"];

/**
 * What a review may show (SPEC §5 anonymity). Manager and self are shown as they are: they
 * are one known person each, so there is nobody to hide. Peer, subordinate and customer are
 * shown on their own only with at least `minRaters` raters; the smaller ones are pooled into
 * "others" (mean over the pooled ratings), shown only if the pool reaches `minRaters`.
 * Hidden groups still count in feedbackScore; this only decides what is displayed.
 * Order: self, manager, peer, subordinate, customer, others.
 */
export function visibleFeedbackGroups(ratings: Rating[], minRaters: number): VisibleGroup[] {
  const shown: VisibleGroup[] = [];
  const pooled: Rating[] = [];
  for (const [relationship, group] of byRelationship(ratings)) {
    const raters = raterCount(group);
    if (!ANONYMOUS.includes(relationship) || raters >= minRaters) {
      shown.push({ group: relationship, mean: mean(group), raters });
    } else {
      pooled.push(...group);
    }
  }
  if (pooled.length > 0 && raterCount(pooled) >= minRaters) {
    shown.push({ group: "others", mean: mean(pooled), raters: raterCount(pooled) });
  }
  return shown;
}
