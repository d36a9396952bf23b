/**
 * The run's plan is deferred: each sheet is built when a host asks for it, and `run.plan`
 * builds them all once. Both give the same sheets.
 */
import { describe, expect, it } from "vitest";
import { baseFixture, rawFixture } from "./fixtures";
import { runCycle, runCycleReleasing } from "../../src/workbook/pipeline";
import { buildSheet } from "../../src/workbook/plan";
import type { RawWorkbook } from "../../src/workbook/raw";

describe("the run's deferred plan", () => {
  it("names its sheets before building them, and builds the same sheets as run.plan", () => {
    const outcome = runCycle(rawFixture(baseFixture(), "en-US"), { today: "2025-07-10" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const { deferredPlan } = outcome.run;
    const plan = outcome.run.plan;
    expect(outcome.run.plan).toBe(plan); // built once
    expect(deferredPlan.sheets.map((s) => [s.name, s.kind])).toEqual(
      plan.sheets.map((s) => [s.name, s.kind]),
    );
    expect(deferredPlan.sheets.some((s) => s.kind.startsWith("review:"))).toBe(true);
    // Built again, one at a time, a sheet is the same as in the whole plan.
    deferredPlan.sheets.forEach((s, i) => expect(buildSheet(s)).toEqual(plan.sheets[i]));
  });

  it("refuses a planned sheet whose name a user's sheet has, before any sheet is built", () => {
    const raw = rawFixture(baseFixture(), "en-US");
    const withUserSheet: RawWorkbook = { ...raw, sheets: [...raw.sheets, { name: "scorecard", rows: [] }] };
    const outcome = runCycleReleasing({ raw: withUserSheet }, { today: "2025-07-10" });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => [p.code, p.sheet])).toEqual([["sheet_is_user_data", "scorecard"]]);
  });
});
