/**
 * perfFormula builds the native text of a call once per shape and puts each row's numbers
 * into it; the text must be exactly what the native builder gives for that row.
 */
import { describe, expect, it, vi } from "vitest";
import { NATIVE } from "../../../src/functions/native";
import type { PerfFunctionName } from "../../../src/functions/types";
import { oneText, perfFormula } from "../../../src/workbook/report/common";

const direct = (name: PerfFunctionName, args: (string | null)[], row = 0, rows = 1) =>
  NATIVE[name]({ args, row, rows }).formula;

const CALLS: { name: PerfFunctionName; args: (row: number) => (string | null)[] }[] = [
  { name: "SCORE", args: (r) => [`J${r}`, `G${r}`, '"higher"', `H${r}`, `I${r}`, "120"] },
  { name: "SCORE", args: (r) => [`J${r}`, `G${r}`, '"lower"', null, `I${r}`, "120"] },
  { name: "SCORE", args: (r) => [`J${r}`, `G${r}`, '"binary"', null, null, "150"] },
  // A direction read from a cell, and a threshold in another row than the rest.
  { name: "SCORE", args: (r) => [`J${r}`, `G${r}`, `F${r}`, `H${r + 1}`, null, null] },
  { name: "FINAL", args: (r) => [`E${r}`, `F${r}`, "0.7", "0.3"] },
  { name: "GRADE", args: (r) => [`G${r}`, '"S:90,A:80,B:70,C:60,D:0"'] },
  { name: "QUADRANT", args: (r) => [`O${r}`, `P${r}`, "4", "4"] },
  // A fixed cell and a literal that looks like a placeholder row.
  { name: "SCORE", args: (r) => [`J${r}`, "$G$2", '"higher"', null, null, "1048576"] },
];

describe("perfFormula", () => {
  it("gives every row the native builder's own text", () => {
    for (const call of CALLS) {
      for (const row of [1, 2, 5, 9, 10, 99, 100, 1234, 80004, 1048575]) {
        const args = call.args(row);
        expect(perfFormula(call.name, args, 1).formula).toBe(direct(call.name, args));
      }
    }
  });

  it("asks the native builder once per shape, not once per row", () => {
    const builder = vi.spyOn(NATIVE, "QUADRANT");
    for (let row = 5; row < 105; row++) perfFormula("QUADRANT", [`O${row}`, `P${row}`, "3", "2"], "Q1");
    // Two builds cut and check the shape; the hundred rows are joined from its pieces.
    expect(builder.mock.calls.length).toBe(2);
    builder.mockRestore();
  });

  it("writes the PERF form without trailing omitted arguments", () => {
    expect(perfFormula("SCORE", ["J6", "G6", '"higher"', null, null, null], 80)).toMatchObject({
      perf: 'PERF.SCORE(J6,G6,"higher")',
      result: 80,
    });
  });
});

describe("oneText", () => {
  it("is the template literal's text", () => {
    const range = "'KPI Detail'!$A$5:$A$8004";
    expect(oneText`SUMPRODUCT((${range}=${"A6"})*${7})`).toBe(`SUMPRODUCT((${range}=${"A6"})*${7})`);
    expect(oneText``).toBe("");
  });
});
