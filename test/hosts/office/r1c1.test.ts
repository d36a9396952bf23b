/**
 * Formulas in R1C1 form and the fills built from them: a column of formulas that differ only by
 * row is written as one R1C1 formula, and Excel (here the fake, which turns R1C1 back into A1
 * on its own) must end up with exactly the formulas of the plan.
 */
import { describe, expect, it } from "vitest";
import { movableFormula } from "../../../src/workbook/r1c1";
import { layoutBlock, takeFills } from "../../../src/hosts/office/cells";
import { renderPlanInExcel } from "../../../src/hosts/office/render";
import { runCycle } from "../../../src/workbook/pipeline";
import { expectPlanInExcel, scorecardPlan, useFakeExcel } from "./plans";
import { FakeExcel, r1c1ToA1 } from "../../support/fake-excel";
import { sampleRaw, TODAY } from "../../taskpane/support";

describe("the R1C1 form of a formula", () => {
  it.each([
    ['=PERF.SCORE(J6,G6,"higher")', 6, 12, '=PERF.SCORE(RC[-2],RC[-5],"higher")'],
    ["=$G$2*B7", 6, 3, "=R2C7*R[1]C[-1]"],
    ["=G$2+$G2", 4, 1, "=R2C[6]+R[-2]C7"],
    [
      "=SUM('KPI Detail'!L6:L9)/Scorecard!A1",
      10,
      2,
      "=SUM('KPI Detail'!R[-4]C[10]:R[-1]C[10])/Scorecard!R[-9]C[-1]",
    ],
    ['="J6 ""A1"""&LOG10(A6)', 6, 2, '="J6 ""A1"""&LOG10(RC[-1])'],
    ["=IF(TRUE,1.5E+3,0)", 1, 1, "=IF(TRUE,1.5E+3,0)"],
    ["=_xlfn.IFS(A1>0,1)", 1, 1, "=_xlfn.IFS(RC>0,1)"],
    [
      "=IF(ISBLANK(G6),#N/A,IF(G6<0,#VALUE!,G6/#REF!))",
      6,
      12,
      "=IF(ISBLANK(RC[-5]),#N/A,IF(RC[-5]<0,#VALUE!,RC[-5]/#REF!))",
    ],
    ["=SUM(A2)+#DIV/0!", 2, 3, "=SUM(RC[-2])+#DIV/0!"],
  ])("%s in row %i, column %i is %s", (a1, row, col, r1c1) => {
    expect(movableFormula(a1, row, col)?.r1c1).toBe(r1c1);
    expect(r1c1ToA1(r1c1, row, col)).toBe(a1);
  });

  it.each([
    ["=SUM(C:C)"],
    ["=SUM(A2#)"],
    ["=SUM(6:6)"],
    ["=PerfKpiDetail[Score]"],
    ["=SUM({1,2})"],
    ["=a1+1"],
    ["=myName*2"],
    ["=R2C3"],
    ['="open'],
  ])("leaves %s untranslated", (a1) => {
    expect(movableFormula(a1, 5, 5)).toBeUndefined();
  });
});

describe("movableFormula", () => {
  it("gives the formula's text in another cell: relative references move, absolute ones stay", () => {
    const score = movableFormula("=IF(ISBLANK(G6),#N/A,PERF.SCORE(J6,$G$2,\"J6\"))+'Q 1'!B$3", 6, 12)!;
    expect(score.at(6, 12)).toBe("=IF(ISBLANK(G6),#N/A,PERF.SCORE(J6,$G$2,\"J6\"))+'Q 1'!B$3");
    expect(score.at(80_004, 12)).toBe("=IF(ISBLANK(G80004),#N/A,PERF.SCORE(J80004,$G$2,\"J6\"))+'Q 1'!B$3");
    expect(score.at(6, 13)).toBe("=IF(ISBLANK(H6),#N/A,PERF.SCORE(K6,$G$2,\"J6\"))+'Q 1'!C$3");
    expect(score.r1c1).toBe("=IF(ISBLANK(RC[-5]),#N/A,PERF.SCORE(RC[-2],R2C7,\"J6\"))+'Q 1'!R3C[-10]");
  });

  it("has no text where a reference would leave the sheet", () => {
    const above = movableFormula("=A1+B2", 2, 3)!;
    expect(above.at(1, 3)).toBeUndefined();
    expect(above.at(2, 2)).toBeUndefined();
    expect(movableFormula("=SUM(A2:A9)", 2, 2)!.at(3, 2)).toBe("=SUM(A3:A10)");
  });
});

describe("fills", () => {
  it("takes a column of same-shape formulas and a repeated constant out of the 2-D write", () => {
    const rows = Array.from({ length: 40 }, (_, i) => [
      "Operations and maintenance",
      `E${i}`,
      { formula: `ROUND(D${i + 6}*2,1)`, perf: `PERF.SCORE(D${i + 6},$B$2)`, result: 1 },
    ]);
    const layout = layoutBlock({ at: "A6", rows }, "perf");
    const fills = takeFills(layout);
    expect(
      fills.map(({ top, bottom, left, right, input, r1c1 }) => ({ top, bottom, left, right, input, r1c1 })),
    ).toEqual([
      { top: 6, bottom: 45, left: 1, right: 1, input: "Operations and maintenance", r1c1: false },
      { top: 6, bottom: 45, left: 3, right: 3, input: "=PERF.SCORE(RC[1],R2C2)", r1c1: true },
    ]);
    expect(layout.inputs.every((row) => row[0] === null && row[2] === null)).toBe(true);
    expect(layout.inputs[7][1]).toBe("'E7"); // distinct values stay in the array
  });

  it("leaves short runs in the 2-D write, where one operation would cost more than the cells", () => {
    const layout = layoutBlock({ at: "A1", rows: [["Ops"], ["Ops"], ["Ops"]] }, "perf");
    expect(takeFills(layout)).toEqual([]);
    expect(layout.inputs).toEqual([["Ops"], ["Ops"], ["Ops"]]);
  });
});

describe("the sample's review workbook rendered with fills", () => {
  let fake: FakeExcel;
  const excel = useFakeExcel((f) => (fake = f));

  it.each(["perf", "native"] as const)(
    "has every planned formula and value in Excel (%s form)",
    async (mode) => {
      const outcome = runCycle(await sampleRaw("en-US"), { today: TODAY });
      if (!outcome.ok) throw new Error("the sample is invalid");
      const plan = outcome.run.plan;
      await renderPlanInExcel(fake.context as unknown as Excel.RequestContext, plan, { formulas: mode });
      expect(expectPlanInExcel(fake, plan, mode)).toBeGreaterThan(300);
    },
  );

  it("fills the same formula columns in the native form as in the PERF form", async () => {
    // The native forms hold error constants (#N/A, #VALUE!), which the translation keeps.
    const outcome = runCycle(await sampleRaw("en-US"), { today: TODAY });
    if (!outcome.ok) throw new Error("the sample is invalid");
    const fills: Record<string, number | undefined> = {};
    for (const mode of ["perf", "native"] as const) {
      excel.replace();
      await renderPlanInExcel(fake.context as unknown as Excel.RequestContext, outcome.run.plan, {
        formulas: mode,
      });
      fills[mode] = fake.operationCounts.get("set formulasR1C1");
    }
    expect(fills.perf).toBeGreaterThan(5);
    expect(fills.native).toBe(fills.perf);
  });

  it("has every cell of a long block written partly by fills, partly by the rectangles left", async () => {
    const plan = scorecardPlan(3_000);
    await renderPlanInExcel(fake.context as unknown as Excel.RequestContext, plan, { formulas: "perf" });
    // The due date and the three formula columns go as one fill each; the other columns (their
    // values differ by row, or are too short to pay for an operation, like 100) as 2-D arrays.
    expect(fake.requests.at(-1)!.bytes).toBeLessThan(3_000 * 80);
    expect(expectPlanInExcel(fake, plan, "perf")).toBe(3 * 3_000);
  });
});
