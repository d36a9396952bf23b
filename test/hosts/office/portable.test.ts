/**
 * makePortableInExcel against the in-memory Excel stand-in: PERF formulas become native ones
 * in place (spills as one formula per cell), helpers go on a hidden marked sheet, what cannot
 * be rewritten is reported and left alone, and the number of syncs does not grow with the
 * number of cells. The native builders' values are checked by test/oracle; here the native
 * text expected in a cell is the builder's answer for the arguments that cell reads.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { NATIVE } from "../../../src/functions/native";
import { HELPER_MARKER, HELPER_SHEET } from "../../../src/functions/portable";
import { columnBlocks, makePortableInExcel } from "../../../src/hosts/office/portable";
import { FakeExcel, type CellValue } from "../../support/fake-excel";

let fake: FakeExcel;
const context = () => fake.context as unknown as Excel.RequestContext;

/** Puts a formula in a cell directly (test set-up), as if typed. */
function setFormula(sheet: string, row: number, col: number, formula: string): void {
  fake.cellAt(fake.sheet(sheet), row, col, true).formula = formula;
}

function formulaOf(sheet: string, address: string): string | undefined {
  return fake.cell(sheet, address)?.formula;
}

/** "Data": actuals in B, targets in C for rows 2..n+1; scalar SCOREs in F, one spilling SCORE at G2. */
function seedScores(n: number): void {
  fake.seedSheet(
    "Data",
    Array.from({ length: n }, (_, i) => [null, 50 + i, 100]),
    "A2",
  );
  for (let r = 2; r <= n + 1; r++) setFormula("Data", r, 6, `=PERF.SCORE(B${r},C${r})`);
  setFormula("Data", 2, 7, `=PERF.SCORE(B2:B${n + 1},C2:C${n + 1})`);
  // Excel's spilled cells read as plain values.
  fake.seedSheet(
    "Data",
    Array.from({ length: n - 1 }, (_, i) => [51 + i]),
    "G3",
  );
}

beforeEach(() => {
  fake = new FakeExcel({ sheets: ["Data"] });
  // The fake does not calculate: every formula shows 50 unless a test says otherwise.
  fake.formulaResult = () => 50;
});

describe("makePortableInExcel", () => {
  it("rewrites scalar and spilling calls in place, one native formula per cell", async () => {
    seedScores(5);
    const report = await makePortableInExcel(context());
    // 5 scalar cells in F, and G2:G6 for the spill.
    expect(report).toEqual({ rewritten: 10, skipped: [], helpers: 0 });
    expect(formulaOf("Data", "F4")).toBe("=" + NATIVE.SCORE({ args: ["B4", "C4"], row: 0, rows: 1 }).formula);
    // G4 is the spill's third cell: it scores B4 against C4 through the ranges' third cells.
    expect(formulaOf("Data", "G4")).toBe(
      "=" + NATIVE.SCORE({ args: ["B2:B6", "C2:C6"], row: 2, rows: 5 }).formula,
    );
    expect(formulaOf("Data", "G4")).toMatch(/\bB4\b/);
    expect(fake.cell("Data", "G7")).toBeUndefined();
  });

  it("puts helpers on a hidden sheet carrying the PerfSheet marker, and appends to it next time", async () => {
    fake.seedSheet(
      "Feedback",
      [
        [4, "manager"],
        [5, "peer"],
        [3, "peer"],
      ],
      "B2",
    );
    setFormula("Feedback", 2, 5, "=PERF.FEEDBACK(B2:B4,C2:C4)");
    let report = await makePortableInExcel(context());
    expect(report).toMatchObject({ rewritten: 1, helpers: 2 });
    const helpers = fake.sheet(HELPER_SHEET);
    expect(helpers.visibility).toBe("Hidden");
    expect(fake.names.find((n) => n.name === HELPER_MARKER)?.sheetId).toBe(helpers.id);
    // The helpers read the Feedback sheet's cells from their own sheet.
    expect(formulaOf(HELPER_SHEET, "A1")).toContain("'Feedback'!B2:B4");
    expect(formulaOf("Feedback", "E2")).toContain(`'${HELPER_SHEET}'!$A$1`);
    expect(formulaOf("Feedback", "E2")).toContain(`'${HELPER_SHEET}'!$A$2`);

    // A second run finds the marked sheet and adds below what is there.
    setFormula("Feedback", 3, 5, '=PERF.FEEDBACK(B2:B4,C2:C4,"manager:50,peer:50")');
    report = await makePortableInExcel(context());
    expect(report).toMatchObject({ rewritten: 1, helpers: 2 });
    expect(fake.sheets.filter((s) => s.name.startsWith(HELPER_SHEET))).toHaveLength(1);
    expect(formulaOf(HELPER_SHEET, "A3")).toBeDefined();
    expect(formulaOf("Feedback", "E3")).toContain(`'${HELPER_SHEET}'!$A$4`);
  });

  it("shares a spilling ALLOCATE's three helpers between its output cells", async () => {
    fake.seedSheet("Data", [[1200], [1000], [800]], "B2");
    setFormula("Data", 2, 4, "=PERF.ALLOCATE(3000,B2:B4,1)");
    const report = await makePortableInExcel(context());
    expect(report).toMatchObject({ rewritten: 3, helpers: 3 });
    for (const address of ["D2", "D3", "D4"]) expect(formulaOf("Data", address)).toContain("$A$3");
  });

  it("reports and leaves alone what cannot be made portable", async () => {
    fake.seedSheet("Data", [[80], [90], [100]], "B2");
    fake.seedSheet("Data", [[100], [100], [100]], "C2");
    setFormula("Data", 2, 6, "=PERF.SCORE(B2,C2)");
    setFormula("Data", 2, 9, "=SUM(PERF.SCORE(B2:B4,C2:C4))");
    setFormula("Data", 3, 9, "=PERF.NOPE(1)");
    // A spill blocked by someone's value: the anchor shows #SPILL!.
    setFormula("Data", 2, 10, "=PERF.SCORE(B2:B4,C2:C4)");
    fake.seedSheet("Data", [["keep me"]], "J3");
    // A spill with another formula in its way.
    setFormula("Data", 2, 11, "=PERF.SCORE(B2:B4,C2:C4)");
    setFormula("Data", 4, 11, "=1+1");
    fake.formulaResult = (_formula, _sheet, address) => (address === "J2" ? "#SPILL!" : 50);
    const report = await makePortableInExcel(context());
    const reasons = Object.fromEntries(report.skipped.map((s) => [`${s.sheet}!${s.cell}`, s.reason]));
    expect(Object.keys(reasons).sort()).toEqual(["Data!I2", "Data!I3", "Data!J2", "Data!K2"]);
    expect(reasons["Data!I2"]).toMatch(/spills over 3×1 cells inside a larger formula/);
    expect(reasons["Data!I3"]).toMatch(/PERF\.NOPE is not a PerfSheet function/);
    expect(reasons["Data!J2"]).toMatch(/#SPILL!/);
    expect(reasons["Data!K2"]).toMatch(/another formula/);
    expect(formulaOf("Data", "I2")).toBe("=SUM(PERF.SCORE(B2:B4,C2:C4))");
    expect(formulaOf("Data", "J2")).toBe("=PERF.SCORE(B2:B4,C2:C4)");
    expect(fake.cell("Data", "J3")?.value).toBe("keep me");
    expect(formulaOf("Data", "K4")).toBe("=1+1");
    // The rest is still rewritten.
    expect(report.rewritten).toBe(1);
    expect(formulaOf("Data", "F2")).not.toMatch(/PERF/);
  });

  it("keeps values below an anchor that shows an error, unless they are empty", async () => {
    fake.seedSheet("Data", [[80], [90], [100]], "B2");
    fake.seedSheet("Data", [[100], [100], [100]], "C2");
    setFormula("Data", 2, 4, "=PERF.SCORE(B2:B4,C2:C4)");
    fake.seedSheet("Data", [["notes"]], "D4");
    fake.formulaResult = () => "#VALUE!";
    const report = await makePortableInExcel(context());
    expect(report.skipped).toEqual([
      expect.objectContaining({ cell: "D2", reason: expect.stringMatching(/#VALUE!/) }),
    ]);
    expect(fake.cell("Data", "D4")?.value).toBe("notes");
  });

  it("reads in two syncs and writes in one, with one write per column block, however many cells", async () => {
    const runWith = async (n: number) => {
      fake = new FakeExcel({ sheets: ["Data"] });
      fake.formulaResult = () => 50;
      seedScores(n);
      const report = await makePortableInExcel(context());
      expect(report.rewritten).toBe(2 * n);
      const writes = fake.requests[fake.requests.length - 1];
      return { syncs: fake.syncs, writeOperations: writes.operations };
    };
    const small = await runWith(10);
    const large = await runWith(400);
    expect(small).toEqual({ syncs: 3, writeOperations: large.writeOperations });
    expect(large.syncs).toBe(3);
    // Columns F and G: two blocks, each a getRange and a formulas write at most.
    expect(large.writeOperations).toBeLessThanOrEqual(4);
  });

  it("makes no write at all when there is no PERF formula", async () => {
    fake.seedSheet("Data", [[1, 2]] as CellValue[][], "A1");
    setFormula("Data", 1, 3, "=A1+B1");
    expect(await makePortableInExcel(context())).toEqual({ rewritten: 0, skipped: [], helpers: 0 });
    expect(fake.syncs).toBe(2);
    expect(fake.hasSheet(HELPER_SHEET)).toBe(false);
  });
});

describe("columnBlocks", () => {
  it("covers small gaps with null (left as they are) and splits at large ones", () => {
    const cells = [2, 3, 6, 30].map((row) => ({ row, col: 4, formula: `R${row}` }));
    cells.push({ row: 2, col: 5, formula: "E2" });
    expect(columnBlocks(cells)).toEqual([
      { top: 2, left: 4, formulas: [["=R2"], ["=R3"], [null], [null], ["=R6"]] },
      { top: 30, left: 4, formulas: [["=R30"]] },
      { top: 2, left: 5, formulas: [["=E2"]] },
    ]);
  });
});
