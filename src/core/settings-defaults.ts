/**
 * The Settings defaults of SPEC §2 that the scoring engine and the PERF functions fall back
 * on when an argument is omitted. Core cannot import the workbook layer, so the values are
 * restated here; test/core/settings-defaults.test.ts checks them against
 * workbook/schema.ts SETTINGS so the two cannot drift. Tables stay in their typed form
 * (`S:90,A:80,…`) and are read with core/tables.ts.
 */
export const DEFAULTS = {
  kpiWeight: 0.7,
  feedbackWeight: 0.3,
  thresholdScore: 60,
  maxScore: 120,
  ratingScale: 5,
  minRaters: 3,
  groupWeights: "manager:40,peer:30,subordinate:15,customer:15,self:0",
  grades: "S:90,A:80,B:70,C:60,D:0",
  quotas: "S:10,A:20,B:40,C:20,D:10",
  forcedMin: 5,
  coefficients: "S:1.5,A:1.2,B:1.0,C:0.8,D:0",
  rounding: 0.01,
  importantMin: 4,
  urgentMin: 4,
} as const;
