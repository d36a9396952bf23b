import { describe, expect, it } from "vitest";
import { isPerfError } from "../../../src/core/errors";
import { planTargets, type ExistingWorkbook } from "../../../src/hosts/office/targets";
import type { SheetPlan, WorkbookPlan } from "../../../src/workbook/plan";

const sheet = (name: string, kind: string, generated = true): SheetPlan => ({
  name,
  kind,
  generated,
  blocks: [],
});
const plan = (...sheets: SheetPlan[]): WorkbookPlan => ({ lang: "en-US", sheets });
const workbook = (w: Partial<ExistingWorkbook>): ExistingWorkbook => ({
  sheets: [],
  names: [],
  tables: [],
  ...w,
});

describe("planTargets", () => {
  it("adds new sheets with their markers", () => {
    expect(planTargets(plan(sheet("Scorecard", "scorecard")), workbook({ sheets: ["Sheet1"] }))).toEqual([
      { plan: sheet("Scorecard", "scorecard"), existing: undefined, dropMarkers: [], addMarker: true },
    ]);
  });

  it("regenerates a marked sheet in place, keeping its marker, whatever the case of the name", () => {
    const [target] = planTargets(
      plan(sheet("Scorecard", "scorecard")),
      workbook({
        sheets: ["SCORECARD"],
        names: [{ name: "PerfSheet.scorecard", formula: "=SCORECARD!$A$1" }],
      }),
    );
    expect(target).toMatchObject({ existing: "SCORECARD", dropMarkers: [], addMarker: false });
  });

  it("refuses unmarked sheets, naming all of them", () => {
    const error = (() => {
      try {
        planTargets(
          plan(sheet("Scorecard", "scorecard"), sheet("Plan", "plan")),
          workbook({ sheets: ["Scorecard", "Plan"] }),
        );
      } catch (e) {
        return e;
      }
    })();
    expect(isPerfError(error) && error.params).toEqual({ sheet: "Scorecard, Plan" });
  });

  it("counts a sheet as marked only by a marker that points at it", () => {
    // The marker of another kind points at 'Plan', not at 'Scorecard'.
    const w = workbook({
      sheets: ["Scorecard", "Plan"],
      names: [{ name: "PerfSheet.plan", formula: "=Plan!$A$1" }],
    });
    expect(() => planTargets(plan(sheet("Scorecard", "scorecard")), w)).toThrow(/“Scorecard”/);
  });

  it("follows its kind's marker to a renamed sheet, and re-marks a sheet marked for another kind", () => {
    const w = workbook({
      sheets: ["Scores (old)", "Goals"],
      names: [
        { name: "PerfSheet.scorecard", formula: "='Scores (old)'!$A$1" },
        { name: "PerfSheet.template_goals", formula: "=Goals!$A$1" },
      ],
    });
    const [moved, goals] = planTargets(plan(sheet("Scorecard", "scorecard"), sheet("Goals", "goals")), w);
    expect(moved).toMatchObject({ existing: "Scores (old)", dropMarkers: [], addMarker: false });
    expect(goals).toMatchObject({
      existing: "Goals",
      dropMarkers: ["PerfSheet.template_goals"],
      addMarker: true,
    });
  });

  it("drops a marker whose sheet is gone before adding it again", () => {
    const [target] = planTargets(
      plan(sheet("Dashboard", "dashboard")),
      workbook({ sheets: ["Sheet1"], names: [{ name: "PerfSheet.dashboard", formula: "=#REF!$A$1" }] }),
    );
    expect(target).toMatchObject({
      existing: undefined,
      dropMarkers: ["PerfSheet.dashboard"],
      addMarker: true,
    });
  });

  it("does not mark a sheet the plan says is not generated", () => {
    const [target] = planTargets(
      plan(sheet("KPIs", "template:kpis", false)),
      workbook({ sheets: ["Sheet1"] }),
    );
    expect(target).toMatchObject({ addMarker: false, dropMarkers: [] });
  });

  it("refuses a table name used on a sheet that stays, not on one that is regenerated", () => {
    const withTable = (s: SheetPlan): SheetPlan => ({ ...s, tables: [{ name: "Scores", ref: "A1:B3" }] });
    const marked = { name: "PerfSheet.scorecard", formula: "=Scorecard!$A$1" };
    const stays = workbook({
      sheets: ["Scorecard", "Mine"],
      names: [marked],
      tables: [{ name: "SCORES", sheet: "Mine" }],
    });
    expect(() => planTargets(plan(withTable(sheet("Scorecard", "scorecard"))), stays)).toThrow(
      /“SCORES”.*“Mine”/,
    );
    const cleared = workbook({
      sheets: ["Scorecard"],
      names: [marked],
      tables: [{ name: "Scores", sheet: "Scorecard" }],
    });
    expect(() => planTargets(plan(withTable(sheet("Scorecard", "scorecard"))), cleared)).not.toThrow();
  });

  it("rejects a plan naming a sheet twice", () => {
    expect(() => planTargets(plan(sheet("A", "a"), sheet("a", "b")), workbook({}))).toThrow(/twice/);
  });
});
