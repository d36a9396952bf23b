import { describe, it, expect } from "vitest";
import { DEFAULTS } from "../../src/core/settings-defaults";
import { SETTINGS } from "../../src/workbook/schema";
import { toFraction } from "../../src/core/percent";

/** The typed default of a setting, as the Settings sheet would hold it. */
const typed = (key: string) => SETTINGS.find((s) => s.key === key)?.default;
const percent = (text: string | undefined) => toFraction(Number(text?.replace("%", "")));

describe("DEFAULTS restate workbook/schema.ts SETTINGS", () => {
  it("agrees on every value", () => {
    expect(DEFAULTS.kpiWeight).toBe(percent(typed("kpi_weight")));
    expect(DEFAULTS.feedbackWeight).toBe(percent(typed("feedback_weight")));
    expect(String(DEFAULTS.thresholdScore)).toBe(typed("threshold_score"));
    expect(String(DEFAULTS.maxScore)).toBe(typed("max_score"));
    expect(String(DEFAULTS.ratingScale)).toBe(typed("rating_scale"));
    expect(String(DEFAULTS.minRaters)).toBe(typed("min_raters"));
    expect(DEFAULTS.groupWeights).toBe(typed("group_weights"));
    expect(DEFAULTS.grades).toBe(typed("grades"));
    expect(DEFAULTS.quotas).toBe(typed("quotas"));
    expect(String(DEFAULTS.forcedMin)).toBe(typed("forced_min"));
    expect(DEFAULTS.coefficients).toBe(typed("coefficients"));
    expect(String(DEFAULTS.rounding)).toBe(typed("rounding"));
    expect(String(DEFAULTS.importantMin)).toBe(typed("important_min"));
    expect(String(DEFAULTS.urgentMin)).toBe(typed("urgent_min"));
  });
});
