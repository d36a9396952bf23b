/**
 * The rewriter behind "make portable": tokenizing stored formulas, finding PERF calls in
 * every stored spelling, handing each native builder the argument texts as written (the
 * builders themselves are checked against LibreOffice by test/oracle), spills as one formula
 * per output cell, helper cells, and the refusals.
 */
import { describe, expect, it } from "vitest";
import { NATIVE } from "../../src/functions/native";
import {
  freeHelperSheetName,
  HELPER_SHEET,
  HelperCells,
  perfCallOf,
  qualifyReferences,
  rewriteFormula,
  spillAreaBlocked,
  tokenizeFormula,
  translateFormula,
  type Rewrite,
} from "../../src/functions/portable";

const AT = { sheet: "Q 1", row: 2, col: 4 }; // D2 on sheet "Q 1"

function rewritten(rewrite: Rewrite) {
  if (rewrite.kind !== "rewritten") throw new Error(`expected a rewrite, got ${JSON.stringify(rewrite)}`);
  return rewrite;
}

function failed(rewrite: Rewrite): string {
  if (rewrite.kind !== "failed") throw new Error(`expected a failure, got ${rewrite.kind}`);
  return rewrite.reason;
}

describe("tokenizeFormula", () => {
  it("keeps strings, quoted sheet names and array constants whole, so their commas are not separators", () => {
    const formula = `=SUM('Bob''s sheet'!A1:B2,"a,(b) ""c""",{1,2;3,4})`;
    const tokens = tokenizeFormula(formula);
    expect(tokens.map((t) => t.kind)).toEqual([
      "op",
      "func",
      "open",
      "ref",
      "comma",
      "string",
      "comma",
      "array",
      "close",
    ]);
    expect(tokens[3]).toEqual({ kind: "ref", text: "'Bob''s sheet'!A1:B2", sheet: "'Bob''s sheet'!" });
    expect(tokens[5].text).toBe(`"a,(b) ""c"""`);
    expect(tokens.map((t) => t.text).join("")).toBe(formula);
  });

  it("tells references from function names and names", () => {
    const kinds = (f: string) => tokenizeFormula(f).map((t) => `${t.kind}:${t.text}`);
    // LOG10 is a function although it looks like a cell; 1E+308 is one number.
    expect(kinds("LOG10(A1)+1E+308")).toEqual([
      "func:LOG10",
      "open:(",
      "ref:A1",
      "close:)",
      "op:+",
      "number:1E+308",
    ]);
    expect(kinds("$A:$C")).toEqual(["ref:$A:$C"]);
    expect(kinds("2:3")).toEqual(["ref:2:3"]);
    expect(kinds("Table1[[#This Row],[Score]]")).toEqual(["name:Table1[[#This Row],[Score]]"]);
    expect(kinds("[2]!_xldudf_PERF_SCORE(1)")).toEqual([
      "func:[2]!_xldudf_PERF_SCORE",
      "open:(",
      "number:1",
      "close:)",
    ]);
    expect(kinds("TRUE")).toEqual(["name:TRUE"]);
    expect(kinds("Data.2024!#REF!")).toEqual(["error:Data.2024!#REF!"]);
  });

  it("refuses what it cannot read", () => {
    expect(() => tokenizeFormula('"open')).toThrow(/unclosed string/);
    expect(() => tokenizeFormula("'Sheet1")).toThrow(/unclosed sheet name/);
  });
});

describe("perfCallOf", () => {
  it("recognises every stored spelling of a PERF function", () => {
    expect(perfCallOf("PERF.SCORE")).toBe("SCORE");
    expect(perfCallOf("perf.score")).toBe("SCORE");
    expect(perfCallOf("_xldudf_PERF_WEIGHTED")).toBe("WEIGHTED");
    expect(perfCallOf("[2]!_xldudf_PERF_GRADE")).toBe("GRADE");
    expect(perfCallOf("_xll.PERF.BONUS")).toBe("BONUS");
    expect(perfCallOf("PERF.NOPE")).toBe("unknown");
    expect(perfCallOf("SUM")).toBeUndefined();
    expect(perfCallOf("_xldudf_OTHER_ADD")).toBeUndefined();
  });
});

describe("references", () => {
  it("qualifies unqualified references with the formula's sheet", () => {
    expect(qualifyReferences(`SUM(B2:B9)*C1&"A1"&Data!C3`, "Q 1")).toBe(
      `SUM('Q 1'!B2:B9)*'Q 1'!C1&"A1"&Data!C3`,
    );
  });

  it("moves relative references of a shared formula, leaving strings, sheet names and $ parts", () => {
    // From D2 to E5: 3 rows down, 1 column right.
    expect(
      translateFormula(
        `PERF.SCORE(B2,'Q 1'!C2,"B2",$D$2,E$2,$F2,G:G)`,
        { row: 2, col: 4 },
        { row: 5, col: 5 },
      ),
    ).toBe(`PERF.SCORE(C5,'Q 1'!D5,"B2",$D$2,F$2,$F5,H:H)`);
  });
});

describe("rewriteFormula", () => {
  const native = (name: keyof typeof NATIVE, args: (string | null)[], row = 0, rows = 1) =>
    NATIVE[name]({ args, row, rows }).formula;

  it("leaves formulas without a PERF call alone, even with PERF inside a string", () => {
    expect(rewriteFormula("=SUM(A1:A3)", AT)).toEqual({ kind: "unchanged" });
    expect(rewriteFormula(`="PERF.SCORE(1,2)"`, AT)).toEqual({ kind: "unchanged" });
  });

  it("hands the builder the argument texts as written, for every stored spelling", () => {
    const expected = native("SCORE", ["B2", "C2", `"higher"`]);
    for (const stored of [
      `=PERF.SCORE(B2,C2,"higher")`,
      `_xldudf_PERF_SCORE(B2, C2, "higher")`,
      `=[2]!_xldudf_PERF_SCORE(B2,C2,"higher")`,
    ]) {
      expect(rewritten(rewriteFormula(stored, AT))).toEqual({
        kind: "rewritten",
        cells: [{ row: 2, col: 4, formula: expected }],
        helpers: [],
      });
    }
  });

  it("passes omitted arguments as null and keeps sheet-qualified ranges as written", () => {
    const r = rewritten(rewriteFormula(`=PERF.SCORE(B2,C2,,'Bob''s'!E2)`, AT));
    expect(r.cells[0].formula).toBe(native("SCORE", ["B2", "C2", null, "'Bob''s'!E2"]));
  });

  it("rewrites a call nested in other functions where it stands", () => {
    const r = rewritten(rewriteFormula("=ROUND(PERF.WEIGHTED(A1:A3,B1:B3),1)", AT));
    expect(r.cells).toEqual([
      { row: 2, col: 4, formula: `ROUND(${native("WEIGHTED", ["A1:A3", "B1:B3"])},1)` },
    ]);
  });

  it("keeps strings with commas, brackets and quotes between nested calls", () => {
    const r = rewritten(rewriteFormula(`=IF(PERF.QUADRANT(A1,B1)="Q1","a, (b) ""c""",0)`, AT));
    const q = native("QUADRANT", ["A1", "B1"]);
    // QUADRANT's native form is one IF(…) call, so it needs no brackets of its own.
    expect(r.cells[0].formula).toBe(`IF(${q}="Q1","a, (b) ""c""",0)`);
  });

  it("writes a spilling call as one formula per output cell, each reading its own row", () => {
    const r = rewritten(rewriteFormula("=PERF.SCORE(B2:B4,C2:C4)", AT));
    expect(r.cells.map((c) => [c.row, c.col])).toEqual([
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    r.cells.forEach((c, i) => expect(c.formula).toBe(native("SCORE", ["B2:B4", "C2:C4"], i, 3)));
    // By hand: the second output row scores B3 against C3 and reads nothing of rows 2 and 4.
    expect(r.cells[1].formula).toMatch(/\bB3\b/);
    expect(r.cells[1].formula).not.toMatch(/\b[BC][24]\b/);
  });

  it("spills a 2×2 range row by row", () => {
    const r = rewritten(rewriteFormula("=PERF.SCORE(B2:C3,E2:F3)", AT));
    // D2, E2, D3, E3 read B2, C2, B3, C3.
    expect(r.cells.map((c) => [c.row, c.col])).toEqual([
      [2, 4],
      [2, 5],
      [3, 4],
      [3, 5],
    ]);
    expect(r.cells[1].formula).toMatch(/\bC2\b/);
    expect(r.cells[2].formula).toMatch(/\bB3\b/);
  });

  it("checks a known spill area against the call's shape", () => {
    expect(
      rewritten(rewriteFormula("=PERF.SCORE(B2:B4,C2:C4)", AT, { rows: 3, cols: 1 })).cells,
    ).toHaveLength(3);
    expect(failed(rewriteFormula("=PERF.SCORE(B2:B4,C2:C4)", AT, { rows: 5, cols: 1 }))).toMatch(
      /spills over 5×1 cells but its PERF call answers 3×1/,
    );
    expect(failed(rewriteFormula("=PERF.FINAL(B2,C2)+SEQUENCE(3)", AT, { rows: 3, cols: 1 }))).toMatch(
      /spills/,
    );
  });

  it("refuses a spilling call inside a larger formula, but not a single-cell one", () => {
    expect(failed(rewriteFormula("=SUM(PERF.SCORE(B2:B9,C2:C9))", AT))).toMatch(
      /PERF\.SCORE spills over 8×1 cells inside a larger formula/,
    );
    expect(rewritten(rewriteFormula("=SUM(PERF.SCORE(B2,C2))", AT)).cells).toHaveLength(1);
  });

  it("refuses ranges of different shapes, unknown names, too many arguments and defined names", () => {
    expect(failed(rewriteFormula("=PERF.SCORE(B2:B4,C2:C5)", AT))).toMatch(/differ in shape \(3×1 and 4×1\)/);
    expect(failed(rewriteFormula("=PERF.NOPE(1)", AT))).toMatch(/PERF\.NOPE is not a PerfSheet function/);
    expect(failed(rewriteFormula("=PERF.QUADRANT(1,2,3,4,5)", AT))).toMatch(/at most 4 arguments/);
    expect(failed(rewriteFormula("=PERF.WEIGHTED(Scores,Weights)", AT))).toMatch(/the name Scores/);
  });

  it("gives a builder's refusal and an unreadable formula as the reason", () => {
    // ALLOCATE's native form needs the priority as a range.
    expect(failed(rewriteFormula("=PERF.ALLOCATE(100,B2:B4,1,5)", AT))).toMatch(/priority as a range/);
    expect(failed(rewriteFormula(`=PERF.GRADE("open)`, AT))).toMatch(
      /cannot read the formula: unclosed string/,
    );
  });

  it("refuses a native formula longer than Excel allows", () => {
    const long = `=${Array.from({ length: 60 }, () => "PERF.GRADE(B2)").join("&")}`;
    expect(failed(rewriteFormula(long, AT))).toMatch(/Excel allows 8192/);
  });

  it("collects helpers with references qualified by the formula's sheet, once per distinct helper", () => {
    const r = rewritten(rewriteFormula("=PERF.FEEDBACK(B2:B9,C2:C9)+PERF.FEEDBACK(B2:B9,C2:C9)", AT));
    expect(r.helpers).toHaveLength(2);
    const qualified = NATIVE.FEEDBACK({ args: ["'Q 1'!B2:B9", "'Q 1'!C2:C9"], row: 0, rows: 1 });
    expect(r.helpers).toEqual(qualified.helpers);
    expect(r.cells[0].formula).toMatch(/\{h0\}/);
    expect(r.cells[0].formula).toMatch(/\{h1\}/);
  });

  it("shares a spilling call's helpers between its output cells", () => {
    const r = rewritten(rewriteFormula("=PERF.ALLOCATE(1000,B2:B4)", AT));
    expect(r.cells).toHaveLength(3);
    expect(r.helpers).toHaveLength(3);
    for (const c of r.cells) expect(c.formula).toMatch(/\{h2\}/);
  });

  it("puts a long PERF call nested in another's arguments in a helper cell", () => {
    const r = rewritten(rewriteFormula("=PERF.GRADE(PERF.FEEDBACK(B2:B9,C2:C9))", AT));
    // FEEDBACK's two helpers, then FEEDBACK itself (reading them); GRADE reads the third.
    expect(r.helpers).toHaveLength(3);
    expect(r.helpers[2]).toMatch(/\{h0\}/);
    expect(r.helpers[2]).toMatch(/'Q 1'!B2:B9/);
    expect(r.cells[0].formula).toMatch(/\{h2\}/);
    expect(r.cells[0].formula).not.toMatch(/\{h[01]\}/);
  });
});

describe("HelperCells", () => {
  it("places helpers down column A, fills the placeholders and reuses equal helpers", () => {
    const cells = new HelperCells(HELPER_SHEET, 5);
    const rewrite = rewritten(rewriteFormula("=PERF.GRADE(PERF.FEEDBACK(B2:B9,C2:C9))", AT));
    const placed = cells.place(rewrite);
    expect(cells.formulas).toHaveLength(3);
    // Rows 5, 6, 7; the third helper reads the first two.
    expect(placed[0].formula).toContain(`'PerfSheet Helpers'!$A$7`);
    expect(cells.formulas[2]).toContain(`'PerfSheet Helpers'!$A$5`);
    expect(cells.formulas[2]).toContain(`'PerfSheet Helpers'!$A$6`);
    expect(cells.formulas.join("")).not.toMatch(/\{h\d\}/);
    // The same call in another cell reuses the three helper cells.
    cells.place(rewrite);
    expect(cells.formulas).toHaveLength(3);
  });

  it("names a new helper sheet so it clashes with no sheet", () => {
    expect(freeHelperSheetName(["Data"])).toBe("PerfSheet Helpers");
    expect(freeHelperSheetName(["perfsheet helpers"])).toBe("PerfSheet Helpers 2");
  });
});

describe("spillAreaBlocked", () => {
  const empty = { hasFormula: false, empty: true };
  const value = { hasFormula: false, empty: false };
  it("writes over the spilled values of a call that shows a value", () => {
    expect(spillAreaBlocked([value, value], { error: undefined, spillKnown: false })).toBeUndefined();
  });
  it("never writes over a formula, nor into a #SPILL! area", () => {
    expect(
      spillAreaBlocked([{ hasFormula: true, empty: false }], { error: undefined, spillKnown: true }),
    ).toMatch(/another formula/);
    expect(spillAreaBlocked([empty], { error: "#SPILL!", spillKnown: false })).toMatch(/blocked/);
  });
  it("keeps values below an anchor showing an error unless the area is known", () => {
    expect(spillAreaBlocked([value], { error: "#N/A", spillKnown: false })).toMatch(/may not be its own/);
    expect(spillAreaBlocked([empty], { error: "#N/A", spillKnown: false })).toBeUndefined();
    expect(spillAreaBlocked([value], { error: "#N/A", spillKnown: true })).toBeUndefined();
  });
});
