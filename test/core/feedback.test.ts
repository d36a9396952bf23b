import { describe, it, expect } from "vitest";
import { feedbackScore, Rating, visibleFeedbackGroups } from "../../src/core/feedback";
import { PerfError } from "../../src/core/errors";

const DEFAULT_WEIGHTS = { manager: 0.4, peer: 0.3, subordinate: 0.15, customer: 0.15, self: 0 };

describe("feedbackScore", () => {
  it("weights the group means and scales to 100", () => {
    // manager 4; peers 3 and 5 → mean 4; subordinates 2 → 2; customer 5; self 1 (weight 0)
    // weighted mean = (0.4·4 + 0.3·4 + 0.15·2 + 0.15·5 + 0·1) / 1 = 1.6 + 1.2 + 0.3 + 0.75 = 3.85
    // score = 100 · 3.85 / 5 = 77
    const ratings: Rating[] = [
      { relationship: "manager", score: 4 },
      { relationship: "peer", score: 3 },
      { relationship: "peer", score: 5 },
      { relationship: "subordinate", score: 2 },
      { relationship: "customer", score: 5 },
      { relationship: "self", score: 1 },
    ];
    expect(feedbackScore(ratings, DEFAULT_WEIGHTS, 5)).toBeCloseTo(77, 10);
  });

  it("drops empty groups and renormalises the rest", () => {
    // manager 4 (0.4), peer 3 (0.3): (1.6 + 0.9) / 0.7 = 3.5714… → 100·3.5714/5 = 71.43
    const ratings: Rating[] = [
      { relationship: "manager", score: 4 },
      { relationship: "peer", score: 3 },
    ];
    expect(feedbackScore(ratings, DEFAULT_WEIGHTS, 5)).toBeCloseTo(71.428571, 5);
  });

  it("is null with no ratings, or when every rated group weighs 0", () => {
    expect(feedbackScore([], DEFAULT_WEIGHTS, 5)).toBeNull();
    expect(feedbackScore([{ relationship: "self", score: 5 }], DEFAULT_WEIGHTS, 5)).toBeNull();
  });

  it("refuses ratings outside 1..scale and a scale of 0", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as PerfError).code;
      }
      return "none";
    };
    expect(code(() => feedbackScore([{ relationship: "peer", score: 6 }], DEFAULT_WEIGHTS, 5))).toBe(
      "rating_out_of_range",
    );
    expect(code(() => feedbackScore([{ relationship: "peer", score: 0 }], DEFAULT_WEIGHTS, 5))).toBe(
      "rating_out_of_range",
    );
    expect(code(() => feedbackScore([], DEFAULT_WEIGHTS, 0))).toBe("bad_scale");
  });
});

describe("visibleFeedbackGroups (anonymity)", () => {
  const rating = (relationship: Rating["relationship"], score: number, raterId: string): Rating => ({
    relationship,
    score,
    raterId,
  });

  it("shows manager and self always, anonymous groups only with min_raters raters", () => {
    const ratings = [
      rating("manager", 4, "M1"),
      rating("self", 5, "E1"),
      rating("peer", 3, "P1"),
      rating("peer", 4, "P2"),
      rating("peer", 5, "P3"),
      rating("subordinate", 2, "S1"),
    ];
    // peers: 3 raters → shown (mean 4); the single subordinate is alone in "others" → hidden
    expect(visibleFeedbackGroups(ratings, 3)).toEqual([
      { group: "self", mean: 5, raters: 1 },
      { group: "manager", mean: 4, raters: 1 },
      { group: "peer", mean: 4, raters: 3 },
    ]);
  });

  it("merges small anonymous groups into Others when together they reach min_raters", () => {
    const ratings = [
      rating("peer", 3, "P1"),
      rating("peer", 4, "P2"),
      rating("subordinate", 2, "S1"),
      rating("customer", 5, "C1"),
    ];
    // peer 2, subordinate 1, customer 1 raters: none reaches 3; pooled 4 raters, mean (3+4+2+5)/4 = 3.5
    expect(visibleFeedbackGroups(ratings, 3)).toEqual([{ group: "others", mean: 3.5, raters: 4 }]);
  });

  it("counts distinct raters, not rating rows", () => {
    // one peer who rated three competencies is still one rater
    const ratings = [rating("peer", 3, "P1"), rating("peer", 4, "P1"), rating("peer", 5, "P1")];
    expect(visibleFeedbackGroups(ratings, 3)).toEqual([]);
  });
});
