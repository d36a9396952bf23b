import { describe, it, expect } from "vitest";
import { surveySummary, type SurveyAnswer } from "../../../src/core/analysis/survey";

const answers = (question: string, scores: number[], extra: Partial<SurveyAnswer> = {}): SurveyAnswer[] =>
  scores.map((score) => ({ question, score, ...extra }));

describe("surveySummary", () => {
  it("gives mean, favourable share and n overall and per period, with the change", () => {
    const rows = [
      // before: 3,3,4,2,4 → mean 16/5 = 3.2, favourable (≥4) 2/5 = 0.4
      ...answers("Fairness", [3, 3, 4, 2, 4], { period: "before" }),
      // after: 4,4,5,3,4,4 → mean 24/6 = 4, favourable 5/6
      ...answers("Fairness", [4, 4, 5, 3, 4, 4], { period: "after" }),
    ];
    const [fairness] = surveySummary(rows);
    expect(fairness.question).toBe("Fairness");
    expect(fairness.before).toEqual({ n: 5, mean: 3.2, favourable: 0.4, suppressed: false });
    expect(fairness.after.n).toBe(6);
    expect(fairness.after.mean).toBe(4);
    expect(fairness.after.favourable).toBeCloseTo(5 / 6, 12);
    // overall 11 answers: sum 40, favourable 7
    expect(fairness.overall.n).toBe(11);
    expect(fairness.overall.mean).toBeCloseTo(40 / 11, 12);
    expect(fairness.overall.favourable).toBeCloseTo(7 / 11, 12);
    expect(fairness.change?.mean).toBeCloseTo(0.8, 12);
    expect(fairness.change?.favourable).toBeCloseTo(5 / 6 - 0.4, 12);
  });

  it("reports n but hides the statistics of a group below 5, and then shows no change", () => {
    const rows = [
      ...answers("Pay", [5, 5, 5, 5], { period: "before" }),
      ...answers("Pay", [1, 2, 2, 1, 2], { period: "after" }),
    ];
    const [pay] = surveySummary(rows);
    expect(pay.before).toEqual({ n: 4, mean: null, favourable: null, suppressed: true });
    expect(pay.after.suppressed).toBe(false);
    expect(pay.after.mean).toBeCloseTo(1.6, 12);
    expect(pay.change).toBeNull();
    // overall has 9 answers and is shown
    expect(pay.overall.n).toBe(9);
    expect(pay.overall.suppressed).toBe(false);
  });

  it("suppresses a single respondent", () => {
    const [q] = surveySummary(answers("Workload", [5]));
    expect(q.overall).toEqual({ n: 1, mean: null, favourable: null, suppressed: true });
    // No period given: the period groups are empty, not suppressed.
    expect(q.before).toEqual({ n: 0, mean: null, favourable: null, suppressed: false });
    expect(q.change).toBeNull();
  });

  it("takes the minimum group size as an argument", () => {
    const [q] = surveySummary(answers("Workload", [5, 3]), 2);
    expect(q.overall.mean).toBe(4);
    expect(q.overall.favourable).toBe(0.5);
  });

  it("counts answers without a period overall only", () => {
    const rows = [...answers("Q", [4, 4, 4, 4, 4], { period: "after" }), ...answers("Q", [1, 1])];
    const [q] = surveySummary(rows);
    expect(q.overall.n).toBe(7);
    expect(q.after.n).toBe(5);
    expect(q.before.n).toBe(0);
  });

  it("breaks questions down by department with the same suppression", () => {
    const rows = [
      ...answers("Q", [4, 5, 4, 5, 2], { department: "Ops" }),
      ...answers("Q", [1, 2], { department: "Sales" }),
      ...answers("Q", [3], { department: null }),
    ];
    const [q] = surveySummary(rows);
    expect(q.byDepartment.map((d) => d.department)).toEqual(["Ops", "Sales"]);
    // Ops: mean 20/5 = 4, favourable 4/5
    expect(q.byDepartment[0].group).toEqual({ n: 5, mean: 4, favourable: 0.8, suppressed: false });
    expect(q.byDepartment[1].group).toEqual({ n: 2, mean: null, favourable: null, suppressed: true });
    expect(q.overall.n).toBe(8);
  });

  it("keeps questions in the order they first appear", () => {
    const rows = [...answers("B", [3]), ...answers("A", [3]), ...answers("B", [4])];
    expect(surveySummary(rows).map((q) => [q.question, q.overall.n])).toEqual([
      ["B", 2],
      ["A", 1],
    ]);
  });

  it("returns nothing for no answers", () => {
    expect(surveySummary([])).toEqual([]);
  });
});
