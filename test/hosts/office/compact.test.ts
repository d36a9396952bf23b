/**
 * What the Office renderer leaves out of its requests and still gets into Excel: columns
 * already written elsewhere in the same order are copied inside Excel (`range.copyFrom`), and
 * blank stretches are not sent, since every sheet is new or cleared before it is written.
 */
import { describe, expect, it } from "vitest";
import { layoutBlock, takeFills, WrittenColumns } from "../../../src/hosts/office/cells";
import { renderPlanInExcel } from "../../../src/hosts/office/render";
import { runCycle } from "../../../src/workbook/pipeline";
import type { CellPlan, SheetPlan, WorkbookPlan } from "../../../src/workbook/plan";
import { FakeExcel } from "../../support/fake-excel";
import { sampleRaw, TODAY } from "../../taskpane/support";
import { expectPlanInExcel, scorecardPlan, useFakeExcel } from "./plans";

const ids = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => `E${String(from + i).padStart(5, "0")}`);

describe("WrittenColumns", () => {
  it("copies a data column written before in the same order, whatever its header and place", () => {
    const columns = new WrittenColumns<string>();
    const first = layoutBlock(
      { at: "A4", rows: [["ID", "Score"], ...ids(200).map((id, i) => [id, i])] },
      "perf",
    );
    expect(columns.take(first, "Goals")).toEqual([]);
    const second = layoutBlock(
      { at: "C2", rows: [["Employee", "Name"], ...ids(200).map((id) => [id, `N${id}`])] },
      "perf",
    );
    expect(columns.take(second, "KPI Detail")).toEqual([
      {
        to: { top: 3, bottom: 202, left: 3, right: 3 },
        from: { sheet: "Goals", rect: { top: 5, bottom: 204, left: 1, right: 1 } },
      },
    ]);
    // The copied cells leave the 2-D write; the header and the other column stay.
    expect(second.inputs.slice(1).every((row) => row[0] === null && row[1] !== null)).toBe(true);
    expect(second.inputs[0]).toEqual(["Employee", "Name"]);
  });

  it("copies nothing that differs in one cell, in order or in length", () => {
    const columns = new WrittenColumns<string>();
    columns.take(layoutBlock({ at: "A1", rows: [["ID"], ...ids(200).map((id) => [id])] }, "perf"), "a");
    const changed = ids(200);
    changed[150] = "E99999";
    const reversed = ids(200).reverse();
    for (const column of [changed, reversed, ids(199), ids(201)]) {
      const layout = layoutBlock({ at: "A1", rows: [["ID"], ...column.map((id) => [id])] }, "perf");
      expect(columns.take(layout, "b")).toEqual([]);
    }
  });

  it("forgets a column once a later block of its sheet writes over it", () => {
    const columns = new WrittenColumns<string>();
    const list = () => layoutBlock({ at: "A1", rows: [["ID"], ...ids(200).map((id) => [id])] }, "perf");
    columns.take(list(), "Goals");
    // A block over A150:B151 of the same sheet: A2:A201 no longer holds the ids in Excel.
    columns.take(layoutBlock({ at: "A150", rows: [["x", "y"]] }, "perf"), "Goals");
    expect(columns.take(list(), "Plan")).toEqual([]);
    // The same block on another sheet changes nothing: Plan's ids are copied from Plan.
    columns.take(layoutBlock({ at: "A150", rows: [["x", "y"]] }, "perf"), "Other");
    expect(columns.take(list(), "Scorecard").map((c) => c.from.sheet)).toEqual(["Plan"]);
  });

  it("leaves formulas, filled columns, blank columns and columns too short to pay for a copy", () => {
    const rows = (n: number): CellPlan[][] => [
      ["Score", "Team", "Blank", "Short"],
      ...Array.from({ length: n }, (_, i): CellPlan[] => [
        { formula: `ROUND(B${i + 2},1)`, result: 1 },
        "Operations and maintenance",
        null,
        n < 10 ? `E${i}` : 100_000 + i / 4,
      ]),
    ];
    const columns = new WrittenColumns<string>();
    for (const sheet of ["a", "b"]) {
      const layout = layoutBlock({ at: "A1", rows: rows(200) }, "perf");
      takeFills(layout); // the repeated team goes as one value, so its column is not whole
      const copies = columns.take(layout, sheet);
      // Only the 200 numbers (10 bytes each) are long enough and plain data; the second time they are copied.
      expect(copies.map((c) => c.to.left)).toEqual(sheet === "a" ? [] : [4]);
    }
    const short = new WrittenColumns<string>();
    short.take(layoutBlock({ at: "A1", rows: rows(5) }, "perf"), "a");
    expect(short.take(layoutBlock({ at: "A1", rows: rows(5) }, "perf"), "b")).toEqual([]);
  });
});

describe("renderPlanInExcel: copies and blanks", () => {
  let fake: FakeExcel;
  const excel = useFakeExcel((f) => (fake = f));

  const render = (plan: WorkbookPlan) =>
    renderPlanInExcel(fake.context as unknown as Excel.RequestContext, plan, { formulas: "perf" });

  /** The scorecard of `n` people and a second sheet listing the same people the same way. */
  const twoSheets = (n: number): WorkbookPlan => {
    const plan = scorecardPlan(n);
    const [scorecard] = plan.sheets;
    const list: SheetPlan = {
      name: "People",
      kind: "people",
      generated: true,
      blocks: [{ at: "B3", rows: scorecard.blocks[0].rows.map((row) => row.slice(0, 2)) }],
    };
    return { ...plan, sheets: [scorecard, list] };
  };

  it("copies the second sheet's ids and names from the first inside Excel", async () => {
    const plan = twoSheets(3_000);
    await render(plan);
    expect(fake.operationCounts.get("copyFrom")).toBe(2);
    expectPlanInExcel(fake, plan, "perf");
    const copied = fake.requests.reduce((sum, r) => sum + r.bytes, 0);

    // The same plan where Range.copyFrom is missing (ExcelApi 1.8): every column is sent.
    excel.replace({ apiVersion: "1.8" });
    await render(plan);
    expect(fake.operationCounts.get("copyFrom")).toBeUndefined();
    expectPlanInExcel(fake, plan, "perf");
    const sent = fake.requests.reduce((sum, r) => sum + r.bytes, 0);
    // 3,000 ids and names: about 30 bytes a row.
    expect(sent - copied).toBeGreaterThan(3_000 * 25);
  });

  it("does not send the blanks of a ragged block, and a regenerated sheet shows them blank", async () => {
    const sheet = (rows: CellPlan[][]): WorkbookPlan => ({
      lang: "en-US",
      sheets: [{ name: "Plan", kind: "plan", generated: true, blocks: [{ at: "A1", rows }] }],
    });
    const weeks = Array.from({ length: 40 }, (_, i) => `W${i + 1}`);
    const full = sheet([["Task", ...weeks], ...ids(2_000).map((id) => [id, ...weeks])]);
    await render(full);
    expectPlanInExcel(fake, full, "perf");

    // The band's headers over rows of one cell each: the 2,000 × 40 blanks under them are not sent.
    const ragged = sheet([["Task", ...weeks], ...ids(2_000).map((id) => [id])]);
    const before = fake.requests.length;
    await render(ragged);
    const bytes = fake.requests.slice(before).reduce((sum, r) => sum + r.bytes, 0);
    expect(bytes).toBeLessThan(2_000 * 20);
    expectPlanInExcel(fake, ragged, "perf");
    expect(fake.cell("Plan", "B2")?.value ?? null).toBeNull();
    expect(fake.cell("Plan", "AO2001")?.value ?? null).toBeNull();
  });

  it("gets every cell of the sample's review workbook into Excel with copies", async () => {
    const outcome = runCycle(await sampleRaw("en-US"), { today: TODAY });
    if (!outcome.ok) throw new Error("the sample is invalid");
    await render(outcome.run.plan);
    expect(fake.operationCounts.get("copyFrom")).toBeGreaterThan(0);
    expect(expectPlanInExcel(fake, outcome.run.plan, "perf")).toBeGreaterThan(300);
  });
});
