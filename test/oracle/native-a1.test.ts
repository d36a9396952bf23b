import { describe, it, expect } from "vitest";
import { cellOfRange, columnLetters, columnNumber, parseRange } from "../../src/workbook/a1";
import { NATIVE } from "../../src/functions/native";
import { readOperand } from "../../src/functions/native/operands";

describe("cellOfRange: the i-th cell of a range a spilled row reads", () => {
  it("walks down a column range", () => {
    // B2:B9 holds rows 2..9, so element 3 (0-based) is row 2 + 3 = 5.
    expect(cellOfRange("B2:B9", 3)).toBe("B5");
    expect(cellOfRange("B2:B9", 0)).toBe("B2");
    expect(cellOfRange("B2:B9", 7)).toBe("B9");
  });

  it("keeps $ marks and the sheet prefix", () => {
    expect(cellOfRange("$B$2:$B$9", 3)).toBe("$B$5");
    expect(cellOfRange("'Sheet 1'!B2:B9", 1)).toBe("'Sheet 1'!B3");
    expect(cellOfRange("Data!$C10:$C12", 2)).toBe("Data!$C12");
  });

  it("walks along a row range and row by row through a block", () => {
    expect(cellOfRange("C4:F4", 2)).toBe("E4");
    // A2:B3 row by row: A2, B2, A3, B3.
    expect(cellOfRange("A2:B3", 2)).toBe("A3");
    expect(cellOfRange("A2:B3", 3)).toBe("B3");
  });

  it("broadcasts a single cell and refuses elements outside the range", () => {
    expect(cellOfRange("C1", 5)).toBe("C1");
    expect(() => cellOfRange("B2:B9", 8)).toThrow(/outside/);
    expect(() => cellOfRange("B:B", 0)).toThrow(/not a cell or range/);
  });

  it("converts column letters both ways past Z", () => {
    expect(columnNumber("AA")).toBe(27);
    expect(columnLetters(28)).toBe("AB");
    expect(columnLetters(columnNumber("XFD"))).toBe("XFD");
    expect(parseRange("B9:B2")?.start.row).toBe(2);
  });
});

describe("argument texts", () => {
  it("reads literals, references and omissions", () => {
    expect(readOperand("0.8")).toMatchObject({ kind: "number", value: 0.8 });
    expect(readOperand("85%")).toMatchObject({ kind: "number", value: 0.85 });
    expect(readOperand('"say ""hi"""')).toMatchObject({ kind: "text", value: 'say "hi"' });
    expect(readOperand("$B$2:$B$9")).toMatchObject({ kind: "ref" });
    expect(readOperand(null)).toEqual({ kind: "omitted" });
    expect(readOperand('""')).toEqual({ kind: "omitted" });
  });
});

describe("native builders", () => {
  it("resolve a literal direction at build time", () => {
    const { formula } = NATIVE.SCORE({ args: ["B2", "C2", '"反向"', null, null, null], row: 0, rows: 1 });
    // Lower without threshold or stretch: 100·(2 − a/T), no runtime word matching.
    expect(formula).toContain("100*(2-B2/C2)");
    expect(formula).not.toContain("MATCH");
  });

  it("read each spilled row's own cells", () => {
    const { formula } = NATIVE.SCORE({ args: ["B2:B9", "C2:C9"], row: 3, rows: 8 });
    expect(formula).toContain("B5");
    expect(formula).not.toContain("B2:B9");
  });

  it("embed a literal grade table highest minimum first", () => {
    const { formula } = NATIVE.GRADE({ args: ["B2", '"C:60,A:80,B:70"'], row: 0, rows: 1 });
    expect(formula.indexOf('"A"')).toBeLessThan(formula.indexOf('"B"'));
    expect(formula.indexOf('"B"')).toBeLessThan(formula.indexOf('"C"'));
  });

  it("throw a clear error for tables they cannot read natively", () => {
    expect(() => NATIVE.GRADE({ args: ["B2", "H1"], row: 0, rows: 1 })).toThrow(/no native form/);
    expect(() => NATIVE.DISTRIBUTE({ args: ["B2:B9", "H1:I5"], row: 0, rows: 8 })).toThrow(/literal text/);
  });

  it("use only classic functions", () => {
    const calls = [
      NATIVE.FEEDBACK({ args: ["B2:B9", "C2:C9", "H1:I5", null], row: 0, rows: 1 }),
      NATIVE.ALLOCATE({ args: ["B1", "C2:C9", "1", "D2:D9"], row: 2, rows: 8 }),
      NATIVE.DISTRIBUTE({ args: ["B2:B9", null, null], row: 1, rows: 8 }),
    ];
    for (const { formula, helpers } of calls) {
      for (const text of [formula, ...(helpers ?? [])]) {
        expect(text).not.toMatch(/\b(LET|LAMBDA|FILTER|SORT|XLOOKUP|UNIQUE|SEQUENCE|AGGREGATE|IFS|SWITCH)\(/);
      }
    }
  });
});
