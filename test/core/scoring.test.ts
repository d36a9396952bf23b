import { describe, it, expect } from "vitest";
import {
  employeeKpiScore,
  parseDirection,
  scoreKpi,
  validateCurve,
  weightedScore,
} from "../../src/core/scoring";
import { PerfError } from "../../src/core/errors";

/** The code of the PerfError `f` throws. */
function errorOf(f: () => unknown): { kind: string; code: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof PerfError) return { kind: e.kind, code: e.code };
    throw e;
  }
  throw new Error("expected a PerfError");
}

describe("scoreKpi, higher is better", () => {
  it("scores the SPEC example: 85 against target 100 with threshold 80 is 70", () => {
    // 60 + 40·(85 − 80)/(100 − 80) = 60 + 10
    expect(scoreKpi(85, { target: 100, threshold: 80 })).toBe(70);
  });

  it("scores threshold → 60, target → 100, stretch → cap", () => {
    const curve = { target: 100, threshold: 80, stretch: 120 };
    expect(scoreKpi(80, curve)).toBe(60);
    expect(scoreKpi(100, curve)).toBe(100);
    expect(scoreKpi(120, curve)).toBe(120);
    // halfway between target and stretch: 100 + 20·10/20 = 110
    expect(scoreKpi(110, curve)).toBe(110);
  });

  it("gives 0 below the threshold and caps above the stretch", () => {
    const curve = { target: 100, threshold: 80, stretch: 120 };
    expect(scoreKpi(79.99, curve)).toBe(0);
    expect(scoreKpi(500, curve)).toBe(120);
  });

  it("without threshold or stretch uses 100·a/T, floored at 0 and capped", () => {
    expect(scoreKpi(50, { target: 200 })).toBe(25);
    expect(scoreKpi(110, { target: 100 })).toBeCloseTo(110, 12);
    expect(scoreKpi(300, { target: 100 })).toBe(120);
    expect(scoreKpi(-20, { target: 100 })).toBe(0);
  });

  it("honours a custom cap and threshold score", () => {
    // cap 150 at stretch 200: a = 150 → 100 + 50·50/100 = 125
    expect(scoreKpi(150, { target: 100, stretch: 200, cap: 150 })).toBe(125);
    // threshold score 50: a = 90 → 50 + 50·10/20 = 75
    expect(scoreKpi(90, { target: 100, threshold: 80, thresholdScore: 50 })).toBe(75);
    // no stretch, cap 100: anything above target is 100
    expect(scoreKpi(130, { target: 100, cap: 100 })).toBe(100);
  });

  it("accepts target 0 with a threshold: at target 100, beyond it the cap", () => {
    // e.g. net promoter change, target 0, threshold −10: −5 → 60 + 40·5/10 = 80
    expect(scoreKpi(-5, { target: 0, threshold: -10 })).toBe(80);
    expect(scoreKpi(0, { target: 0, threshold: -10 })).toBe(100);
    expect(scoreKpi(3, { target: 0, threshold: -10 })).toBe(120);
    // with a stretch the line is defined: 1 → 100 + 20·1/2 = 110
    expect(scoreKpi(1, { target: 0, threshold: -10, stretch: 2 })).toBe(110);
  });
});

describe("scoreKpi, lower is better", () => {
  it("without threshold uses 100·(2 − a/T)", () => {
    // complaints: target 10, actual 8 → 100·(2 − 0.8) = 120 (the cap); actual 12 → 80; 20 → 0; 25 → 0 (floor)
    expect(scoreKpi(8, { target: 10, direction: "lower" })).toBe(120);
    expect(scoreKpi(9, { target: 10, direction: "lower" })).toBeCloseTo(110, 12);
    expect(scoreKpi(12, { target: 10, direction: "lower" })).toBeCloseTo(80, 12);
    expect(scoreKpi(20, { target: 10, direction: "lower" })).toBe(0);
    expect(scoreKpi(25, { target: 10, direction: "lower" })).toBe(0);
  });

  it("mirrors threshold and stretch", () => {
    // target 10, threshold 15, stretch 5
    const curve = { target: 10, threshold: 15, stretch: 5, direction: "lower" as const };
    expect(scoreKpi(15, curve)).toBe(60);
    expect(scoreKpi(12.5, curve)).toBe(80); // 60 + 40·2.5/5
    expect(scoreKpi(10, curve)).toBe(100);
    expect(scoreKpi(7.5, curve)).toBe(110); // 100 + 20·2.5/5
    expect(scoreKpi(0, curve)).toBe(120); // beyond stretch: capped
    expect(scoreKpi(15.1, curve)).toBe(0);
  });

  it("accepts target 0 with a threshold (zero incidents, threshold 4)", () => {
    const curve = { target: 0, threshold: 4, direction: "lower" as const };
    expect(scoreKpi(0, curve)).toBe(100);
    expect(scoreKpi(2, curve)).toBe(80); // 60 + 40·(4 − 2)/4
    expect(scoreKpi(5, curve)).toBe(0);
  });
});

describe("scoreKpi, binary", () => {
  it("is 100 when the actual reaches the target, else 0", () => {
    expect(scoreKpi(1, { target: 1, direction: "binary" })).toBe(100);
    expect(scoreKpi(0, { target: 1, direction: "binary" })).toBe(0);
    expect(scoreKpi(2, { target: 1, direction: "binary" })).toBe(100);
  });
});

describe("validateCurve", () => {
  it("refuses target 0 without a threshold", () => {
    expect(errorOf(() => validateCurve({ target: 0 }))).toEqual({
      kind: "value",
      code: "target_zero_needs_threshold",
    });
    expect(errorOf(() => scoreKpi(5, { target: 0, direction: "lower" })).code).toBe(
      "target_zero_needs_threshold",
    );
  });

  it("refuses a negative target (with or without threshold)", () => {
    expect(errorOf(() => validateCurve({ target: -5 })).code).toBe("negative_target");
    expect(errorOf(() => validateCurve({ target: -5, threshold: -10 })).code).toBe("negative_target");
  });

  it("refuses thresholds and stretches on the wrong side", () => {
    expect(errorOf(() => validateCurve({ target: 100, threshold: 120 })).code).toBe("threshold_wrong_side");
    expect(errorOf(() => validateCurve({ target: 100, threshold: 100 })).code).toBe("threshold_wrong_side");
    expect(errorOf(() => validateCurve({ target: 100, stretch: 90 })).code).toBe("stretch_wrong_side");
    expect(errorOf(() => validateCurve({ target: 100, stretch: 100 })).code).toBe("stretch_wrong_side");
    const lower = { direction: "lower" as const, target: 10 };
    expect(errorOf(() => validateCurve({ ...lower, threshold: 5 })).code).toBe("threshold_wrong_side");
    expect(errorOf(() => validateCurve({ ...lower, stretch: 15 })).code).toBe("stretch_wrong_side");
  });

  it("refuses a cap below 100 and a threshold score outside [0, 100)", () => {
    expect(errorOf(() => validateCurve({ target: 100, cap: 90 })).code).toBe("bad_cap");
    expect(errorOf(() => validateCurve({ target: 100, thresholdScore: 100 })).code).toBe(
      "bad_threshold_score",
    );
  });

  it("lets a binary KPI have any target", () => {
    expect(() => validateCurve({ target: 0, direction: "binary" })).not.toThrow();
  });
});

describe("parseDirection", () => {
  it("reads blank as higher and English or Chinese words", () => {
    expect(parseDirection(undefined)).toBe("higher");
    expect(parseDirection("  ")).toBe("higher");
    expect(parseDirection("Lower")).toBe("lower");
    expect(parseDirection("正向")).toBe("higher");
    expect(parseDirection("越小越好")).toBe("lower");
    expect(parseDirection("是否")).toBe("binary");
  });

  it("refuses anything else", () => {
    expect(errorOf(() => parseDirection("sideways")).code).toBe("bad_direction");
    expect(errorOf(() => parseDirection(3)).code).toBe("bad_direction");
  });
});

describe("weightedScore", () => {
  it("is Σ w·s / Σ w", () => {
    // (3·80 + 1·100) / 4 = 85
    expect(weightedScore([80, 100], [3, 1])).toBe(85);
    expect(weightedScore([80, 100], [0.6, 0.4])).toBeCloseTo(88, 12);
  });

  it("refuses weights adding up to 0, negative weights and unequal lists", () => {
    expect(errorOf(() => weightedScore([80], [0])).code).toBe("zero_weights");
    expect(errorOf(() => weightedScore([], [])).code).toBe("zero_weights");
    expect(errorOf(() => weightedScore([80, 90], [2, -1])).code).toBe("negative_weight");
    expect(errorOf(() => weightedScore([80, 90], [1])).code).toBe("length_mismatch");
  });
});

describe("employeeKpiScore and missing actuals", () => {
  const items = [
    { score: 100, weight: 0.5 },
    { score: 80, weight: 0.3 },
    { score: null, weight: 0.2 },
  ];

  it("error: a missing actual is #N/A", () => {
    expect(errorOf(() => employeeKpiScore(items, "error"))).toEqual({ kind: "na", code: "missing_actual" });
  });

  it("zero: a missing actual scores 0", () => {
    // 0.5·100 + 0.3·80 + 0.2·0 = 74
    expect(employeeKpiScore(items, "zero")).toBeCloseTo(74, 12);
  });

  it("exclude: the remaining weights renormalise", () => {
    // (0.5·100 + 0.3·80) / 0.8 = 92.5
    expect(employeeKpiScore(items, "exclude")).toBeCloseTo(92.5, 12);
  });

  it("is null when nothing is left to score", () => {
    expect(employeeKpiScore([{ score: null, weight: 1 }], "exclude")).toBeNull();
    expect(employeeKpiScore([], "error")).toBeNull();
  });
});
