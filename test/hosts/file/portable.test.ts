/**
 * makePortableXlsx on a workbook holding every PERF function in the ways Excel stores them
 * (`_xldudf_PERF_…` and `PERF.…`, shared formulas, dynamic arrays, plain spilled values,
 * nested calls, helper cells). Cached results are the JS answers (evaluateFunction); after
 * the rewrite LibreOffice recalculates the file and every rewritten cell must show the JS
 * answer again (numbers within 1e-9, texts equal, errors of the same kind).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { isPerfError } from "../../../src/core/errors";
import { HELPER_MARKER, HELPER_SHEET } from "../../../src/functions/portable";
import { evaluateFunction } from "../../../src/functions/registry";
import type { Arg, Matrix, Scalar } from "../../../src/functions/types";
import { makePortableXlsx, type PortableXlsx } from "../../../src/hosts/file/portable";
import { addChartsToXlsx } from "../../../src/hosts/file/charts";
import { WorkbookFileError } from "../../../src/hosts/file/read-xlsx";
import { removeStaleGeneratedSheets } from "../../support/exceljs-run";
import { markerName, markerRef } from "../../../src/workbook/markers";
import type { ChartPlan } from "../../../src/workbook/plan";
import { cellAddress, parseAddress } from "../../../src/workbook/a1";
import { libreOfficeOrSkip, recalcXlsx } from "../../support/libreoffice";

type Expected = Scalar | { error: string };

const column = (values: Scalar[]): Matrix => values.map((v) => [v]);

// Inputs on "Q1 data", rows 2..6 (K is 2..8).
const actual: Scalar[] = [85, 120, null, 95, 60];
const target: Scalar[] = [100, 100, 100, 90, 80];
const direction: Scalar[] = ["higher", "lower", "higher", "反向", "higher"];
const threshold: Scalar[] = [80, 130, 80, 110, 60];
const kpiScores: Scalar[] = [80, 100, 90, 70, 110];
const weights: Scalar[] = [0.3, 0.2, 0.2, 0.2, 0.1];
const finals: Scalar[] = [95, 82, 82, 70, 55, 88, 64];
const raws: Scalar[] = [1200, 1000, 800, null, 1500];
const feedbackScores: Scalar[] = [4, 5, 3, 4, 4, 5, 3, 2, 4];
const relationships: Scalar[] = [
  "manager",
  "peer",
  "peer",
  "subordinate",
  "同事",
  "customer",
  "self",
  "peer",
  "manager",
];

/** The JS answer as cells: a scalar is 1×1; a thrown PerfError is an error in every cell. */
function js(name: string, args: Arg[], rows = 1): Expected[] {
  try {
    const result = evaluateFunction(name, args);
    const cells = Array.isArray(result) ? result.flat() : [result];
    return cells.map((c) => (c !== null && typeof c === "object" ? { error: c.error } : (c as Expected)));
  } catch (e) {
    if (!isPerfError(e)) throw e;
    return Array.from({ length: rows }, () => ({ error: e.kind === "na" ? "#N/A" : "#VALUE!" }));
  }
}

/** A scalar answer, to pass on as another call's argument. */
const one = (name: string, args: Arg[]) => js(name, args)[0] as Scalar;
const num = (x: Expected) => x as number;

interface Case {
  sheet: string;
  at: string;
  /** As stored in the file (no `=`). */
  formula: string;
  storage: "plain" | "array" | "shared";
  /** The JS answer, row by row down from `at`. */
  expected: Expected[];
}

function cases(): Case[] {
  const scores = js("SCORE", [column(actual), column(target), column(direction), column(threshold)], 5);
  const feedback = one("FEEDBACK", [column(feedbackScores), column(relationships)]);
  const final = one("FINAL", [88.5, 76]);
  const grade = one("GRADE", [final, "S:90,A:80,B:70,C:60,D:0"]);
  const quadrant = one("QUADRANT", [5, 2]);
  // Worked by hand (SPEC §6): 3000 × (1200, 1000, 800, 1500) / 4500 = 800, 666.67, 533.33, 1000;
  // floors leave one unit, which goes to the largest remainder (.67): 800, 667, 533, #N/A, 1000.
  const allocated = js("ALLOCATE", [3000, column(raws), 1, column(finals.slice(0, 5))], 5);
  expect(allocated).toEqual([800, 667, 533, { error: "#N/A" }, 1000]);
  return [
    ...[0, 1, 2, 3, 4].map((i): Case => ({
      sheet: "Q1 data",
      at: `F${i + 2}`,
      formula: "_xldudf_PERF_SCORE(B2,C2,D2,E2)",
      storage: "shared",
      expected: [scores[i]],
    })),
    {
      sheet: "Q1 data",
      at: "G2",
      formula: "_xldudf_PERF_SCORE(B2:B6,C2:C6,D2:D6,E2:E6)",
      storage: "array",
      expected: scores,
    },
    {
      sheet: "Q1 data",
      at: "H2",
      formula: "PERF.SCORE(B2:B6,C2:C6)",
      storage: "plain",
      expected: js("SCORE", [column(actual), column(target)], 5),
    },
    {
      sheet: "Q1 data",
      at: "Q2",
      formula: "ROUND(_xldudf_PERF_WEIGHTED(I2:I6,J2:J6),1)",
      storage: "plain",
      // Σ w·s / Σ w = (24 + 20 + 18 + 14 + 11) / 1 = 87, rounded to 1 place: 87.
      expected: [Math.round(num(one("WEIGHTED", [column(kpiScores), column(weights)])) * 10) / 10],
    },
    { sheet: "Q1 data", at: "Q3", formula: "PERF.FINAL(N2,N3)", storage: "plain", expected: [final] },
    {
      sheet: "Q1 data",
      at: "Q4",
      formula: 'PERF.GRADE(Q3,"S:90,A:80,B:70,C:60,D:0")',
      storage: "plain",
      expected: [grade],
    },
    {
      sheet: "Q1 data",
      at: "Q5",
      formula: "PERF.BONUS(M2,Q4)",
      storage: "plain",
      expected: [one("BONUS", [10000, grade])],
    },
    { sheet: "Q1 data", at: "Q6", formula: "PERF.QUADRANT(O2,P2)", storage: "plain", expected: [quadrant] },
    {
      sheet: "Q1 data",
      at: "Q7",
      formula: "PERF.COMPLETION(B2:B6,C2:C6,D2:D6)",
      storage: "plain",
      expected: [one("COMPLETION", [column(actual), column(target), column(direction)])],
    },
    {
      sheet: "Q1 data",
      at: "Q8",
      // A string with a comma, brackets and doubled quotes between two nested calls.
      formula: 'IF(PERF.QUADRANT(O2,P2)="Q2","Plan it, (soon) ""ok""",PERF.QUADRANT(O2,P2))',
      storage: "plain",
      expected: [quadrant === "Q2" ? 'Plan it, (soon) "ok"' : (quadrant as string)],
    },
    {
      sheet: "Q1 data",
      at: "R2",
      formula: "PERF.DISTRIBUTE(K2:K8)",
      storage: "array",
      expected: js("DISTRIBUTE", [column(finals)], 7),
    },
    {
      sheet: "Q1 data",
      at: "S2",
      formula: "PERF.ALLOCATE(3000,L2:L6,1,K2:K6)",
      storage: "array",
      expected: allocated,
    },
    {
      sheet: "Feedback",
      at: "D2",
      formula: '_xldudf_PERF_FEEDBACK(B2:B10,C2:C10,"manager:50,peer:50")',
      storage: "plain",
      expected: [one("FEEDBACK", [column(feedbackScores), column(relationships), "manager:50,peer:50"])],
    },
    {
      sheet: "Review's",
      at: "A1",
      formula: "PERF.FEEDBACK(Feedback!B2:B10,Feedback!C2:C10)",
      storage: "plain",
      expected: [feedback],
    },
    {
      sheet: "Review's",
      at: "A2",
      formula: "PERF.GRADE(PERF.FINAL('Q1 data'!N2,PERF.FEEDBACK(Feedback!B2:B10,Feedback!C2:C10)))",
      storage: "plain",
      expected: [one("GRADE", [one("FINAL", [88.5, feedback])])],
    },
  ];
}

/** Cells that cannot be made portable, with the cached value they show. */
const LEFT_AS_THEY_ARE = [
  {
    at: "Q9",
    formula: "SUM(PERF.SCORE(B2:B6,C2:C6))",
    reason: /spills over 5×1 cells inside a larger formula/,
  },
  { at: "Q10", formula: "PERF.NOPE(1)", reason: /PERF\.NOPE is not a PerfSheet function/ },
];

function put(ws: ExcelJS.Worksheet, at: string, values: Scalar[]): void {
  const start = parseAddress(at)!;
  values.forEach((v, i) => {
    if (v !== null) ws.getCell(start.row + i, start.col).value = v;
  });
}

const asResult = (e: Expected) => e as ExcelJS.CellFormulaValue["result"];

async function inputWorkbook(all: Case[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Q1 data");
  const feedback = wb.addWorksheet("Feedback");
  const review = wb.addWorksheet("Review's");
  void review;
  put(data, "B2", actual);
  put(data, "C2", target);
  put(data, "D2", direction);
  put(data, "E2", threshold);
  put(data, "I2", kpiScores);
  put(data, "J2", weights);
  put(data, "K2", finals);
  put(data, "L2", raws);
  put(data, "M2", [10000]);
  put(data, "N2", [88.5, 76]);
  put(data, "O2", [5]);
  put(data, "P2", [2]);
  put(feedback, "B2", feedbackScores);
  put(feedback, "C2", relationships);
  for (const c of all) {
    const ws = wb.getWorksheet(c.sheet)!;
    const at = parseAddress(c.at)!;
    const cell = ws.getCell(c.at);
    if (c.storage === "shared") {
      cell.value =
        c.at === "F2"
          ? ({
              formula: c.formula,
              result: asResult(c.expected[0]),
              shareType: "shared",
              ref: "F2:F6",
            } as never)
          : { sharedFormula: "F2", result: asResult(c.expected[0]) };
      continue;
    }
    const ref = `${c.at}:${cellAddress(at.row + c.expected.length - 1, at.col)}`;
    cell.value =
      c.storage === "array"
        ? ({ formula: c.formula, result: asResult(c.expected[0]), shareType: "array", ref } as never)
        : { formula: c.formula, result: asResult(c.expected[0]) };
    // The rest of a spill is stored as plain values beside the anchor.
    c.expected
      .slice(1)
      .forEach((v, i) => (ws.getCell(at.row + 1 + i, at.col).value = v as ExcelJS.CellValue));
  }
  for (const c of LEFT_AS_THEY_ARE)
    data.getCell(c.at).value = { formula: c.formula, result: { error: "#VALUE!" } };
  data.getCell("Q11").value = { formula: "SUM(I2:I6)", result: 450 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every (sheet, address) a case covers with its expected value. */
function expectedCells(all: Case[]): { sheet: string; address: string; expected: Expected }[] {
  return all.flatMap((c) => {
    const at = parseAddress(c.at)!;
    return c.expected.map((expected, i) => ({
      sheet: c.sheet,
      address: cellAddress(at.row + i, at.col),
      expected,
    }));
  });
}

function shown(value: unknown): Expected | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && "error" in (value as object))
    return { error: (value as { error: string }).error };
  return value as Expected;
}

function sameValue(actualValue: Expected | null, expected: Expected): boolean {
  if (typeof expected === "number")
    return typeof actualValue === "number" && Math.abs(actualValue - expected) <= 1e-9;
  return JSON.stringify(actualValue) === JSON.stringify(expected);
}

describe("makePortableXlsx", () => {
  const all = cases();
  let input: Buffer;
  let report: PortableXlsx;
  let output: ExcelJS.Workbook;

  beforeAll(async () => {
    input = await inputWorkbook(all);
    report = await makePortableXlsx(input);
    output = new ExcelJS.Workbook();
    await output.xlsx.load(report.xlsx as unknown as ArrayBuffer);
  });

  it("stores the input as Excel would: a shared formula and dynamic arrays with their areas", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(input as unknown as ArrayBuffer);
    const data = wb.getWorksheet("Q1 data")!;
    expect(data.getCell("F4").value).toMatchObject({ sharedFormula: "F2" });
    expect(data.getCell("G2").value).toMatchObject({ shareType: "array", ref: "G2:G6" });
  });

  it("rewrites every covered cell, keeps its cached result and leaves no PERF call behind", () => {
    const cells = expectedCells(all);
    expect(report.rewritten).toBe(cells.length);
    for (const { sheet, address, expected } of cells) {
      const value = output.getWorksheet(sheet)!.getCell(address).value as ExcelJS.CellFormulaValue;
      expect(typeof value.formula, `${sheet}!${address}`).toBe("string");
      expect(
        sameValue(shown(output.getWorksheet(sheet)!.getCell(address).result), expected),
        `${sheet}!${address}`,
      ).toBe(true);
    }
    // Shared cells got their own rows: F5 reads row 5.
    expect((output.getWorksheet("Q1 data")!.getCell("F5").value as ExcelJS.CellFormulaValue).formula).toMatch(
      /\bB5\b/,
    );
    for (const ws of output.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const formula = (cell.value as { formula?: string } | null)?.formula ?? "";
          const kept = ws.name === "Q1 data" && ["Q9", "Q10"].includes(cell.address);
          if (!kept) expect(formula, `${ws.name}!${cell.address}`).not.toMatch(/PERF[._]|_xldudf/i);
        }),
      );
    }
    expect((output.getWorksheet("Q1 data")!.getCell("Q11").value as ExcelJS.CellFormulaValue).formula).toBe(
      "SUM(I2:I6)",
    );
  });

  it("reports what it could not rewrite and leaves those cells alone", () => {
    expect(report.skipped).toHaveLength(LEFT_AS_THEY_ARE.length);
    LEFT_AS_THEY_ARE.forEach((c, i) => {
      expect(report.skipped[i]).toMatchObject({ sheet: "Q1 data", cell: c.at });
      expect(report.skipped[i].reason).toMatch(c.reason);
      expect((output.getWorksheet("Q1 data")!.getCell(c.at).value as ExcelJS.CellFormulaValue).formula).toBe(
        c.formula,
      );
    });
  });

  it("puts helper cells on a hidden, marked sheet, each once", () => {
    const helpers = output.getWorksheet(HELPER_SHEET)!;
    expect(helpers.state).toBe("hidden");
    const marker = (output.definedNames.model as { name: string; ranges: string[] }[]).find(
      (n) => n.name === HELPER_MARKER,
    );
    expect(marker?.ranges).toEqual([`'${HELPER_SHEET}'!$A$1`]);
    // FEEDBACK needs 2 helpers (the one with its own weights 2 more), ALLOCATE 3 shared by its
    // 5 rows; the nested FINAL(…FEEDBACK…) reuses A1's two and adds itself: 2 + 2 + 3 + 1 = 8.
    expect(report.helpers).toBe(8);
    const formulas: string[] = [];
    helpers.eachRow((row) => formulas.push((row.getCell(1).value as ExcelJS.CellFormulaValue).formula));
    expect(formulas).toHaveLength(8);
    expect(new Set(formulas).size).toBe(8);
    // The unqualified FEEDBACK on sheet Feedback reads Feedback's cells from the helper sheet.
    expect(formulas.some((f) => f.includes("'Feedback'!B2:B10"))).toBe(true);
  });

  it("counts the charts exceljs cannot keep", async () => {
    expect(report.chartsDropped).toBe(0);
    const chart: ChartPlan = {
      type: "column",
      title: "KPI scores",
      anchor: "U2:Z12",
      series: [{ name: "score", values: { ref: "'Q1 data'!$I$2:$I$6", cache: kpiScores as number[] } }],
    };
    const withChart = await addChartsToXlsx(input, [{ sheetName: "Q1 data", charts: [chart] }]);
    expect((await makePortableXlsx(withChart)).chartsDropped).toBe(1);
  });

  it("refuses bytes that are not a workbook", async () => {
    await expect(makePortableXlsx(Buffer.from("not a zip"))).rejects.toBeInstanceOf(WorkbookFileError);
  });

  describe.skipIf(!libreOfficeOrSkip())("recalculated by LibreOffice", () => {
    it("every rewritten cell shows the JS value", async () => {
      const dir = mkdtempSync(join(tmpdir(), "perfsheet-portable-"));
      const path = join(dir, "portable.xlsx");
      // Wrong cached results everywhere: what is compared must come from LibreOffice's recalculation.
      const wrongCache = new ExcelJS.Workbook();
      await wrongCache.xlsx.load(report.xlsx as unknown as ArrayBuffer);
      for (const ws of wrongCache.worksheets) {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const value = cell.value as ExcelJS.CellFormulaValue;
            if (typeof value?.formula === "string") cell.value = { formula: value.formula, result: -12345 };
          }),
        );
      }
      writeFileSync(path, Buffer.from(await wrongCache.xlsx.writeBuffer()));
      const recalculated = await recalcXlsx(path);
      const wrong: string[] = [];
      for (const { sheet, address, expected } of expectedCells(all)) {
        const got = shown(recalculated.getWorksheet(sheet)!.getCell(address).result);
        if (!sameValue(got, expected))
          wrong.push(
            `${sheet}!${address}: JS ${JSON.stringify(expected)}, LibreOffice ${JSON.stringify(got)}`,
          );
      }
      expect(wrong).toEqual([]);
    }, 240_000);
  });
});

describe("the helper sheet and later review runs", () => {
  it("a run removes its own stale sheets but keeps make-portable's helper sheet and users' sheets", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Mine");
    wb.addWorksheet("Review - Gone");
    wb.addWorksheet(HELPER_SHEET).getCell("A1").value = { formula: "1+1", result: 2 };
    wb.definedNames.add(markerRef("Review - Gone"), markerName("review:E-999"));
    wb.definedNames.add(markerRef(HELPER_SHEET), HELPER_MARKER);
    removeStaleGeneratedSheets(wb, { sheets: [], lang: "en-US" });
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Mine", HELPER_SHEET]);
    expect((wb.definedNames.model as { name: string }[]).map((n) => n.name)).toEqual([HELPER_MARKER]);
  });
});
