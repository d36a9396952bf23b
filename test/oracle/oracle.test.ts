/**
 * The oracle: every PERF function's native-formula form (functions/native) must give what
 * its JS form (evaluateFunction) gives. Several hundred cases, seeded pseudo-random plus
 * chosen edge cases, are written into ONE workbook (inputs in cells, the native formula of
 * each case beside them with a deliberately wrong cached result), LibreOffice recalculates
 * it in one run, and each recalculated value is compared with the JS answer: numbers within
 * 1e-9, texts equal, and a JS error must be an error natively.
 */
import { describe, it, expect } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { isPerfError } from "../../src/core/errors";
import { NATIVE } from "../../src/functions/native";
import { columnLetters } from "../../src/workbook/a1";
import { evaluateFunction } from "../../src/functions/registry";
import type { Arg, PerfFunctionName, Scalar } from "../../src/functions/types";
import { libreOfficeOrSkip, recalcXlsx } from "../support/libreoffice";

/** How a case passes one argument: in a cell, in a column range, as literal formula text, or not at all. */
type CaseArg =
  | { cell: Scalar }
  | { range: Scalar[] }
  | { table: [Scalar, Scalar][] }
  | { literal: string; js: Scalar }
  | "omitted";

interface OracleCase {
  fn: PerfFunctionName;
  args: CaseArg[];
  note: string;
}

type Expected = number | string | boolean | null | { error: string };

// ---------------------------------------------------------------------------------------
// Seeded pseudo-random numbers (mulberry32), so a failure can be reproduced.

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
    /** A number with `places` decimals in [lo, hi]. */
    dec: (lo: number, hi: number, places: number) =>
      Math.round((lo + next() * (hi - lo)) * 10 ** places) / 10 ** places,
  };
}

const lit = (x: number): CaseArg => ({ literal: String(x), js: x });
const litText = (s: string): CaseArg => ({ literal: `"${s}"`, js: s });

// ---------------------------------------------------------------------------------------
// Cases per function.

function scoreCases(rnd: ReturnType<typeof prng>): OracleCase[] {
  const cases: OracleCase[] = [];
  const words = ["higher", "lower", "binary", "正向", "反向", "是否", "Higher", "越小越好"];
  // Hand-picked: SPEC §4 examples and boundaries (CLI example: 85 vs 100, threshold 80 → 70).
  const fixed: [number, number, string | null, number | null, number | null, number | null][] = [
    [85, 100, "higher", 80, null, null],
    [90, 100, "lower", null, null, null],
    [100, 100, "higher", 80, 120, null],
    [120, 100, "higher", 80, 120, null],
    [130, 100, "higher", 80, 120, 150],
    [79.999, 100, "higher", 80, null, null],
    [80, 100, "higher", 80, null, null],
    [0, 0, "higher", -10, null, null],
    [5, 0, "higher", -10, null, null],
    [-5, 0, "higher", -10, null, null],
    [0, 0, "higher", null, null, null],
    [50, -10, "higher", null, null, null],
    [50, -10, "binary", null, null, null],
    [110, 100, "higher", 120, null, null],
    [110, 100, "lower", 80, null, null],
    [90, 100, "lower", 120, 80, null],
    [70, 100, "lower", 120, 80, null],
    [121, 100, "lower", 120, 80, null],
    [210, 100, "lower", null, null, null],
    [100, 100, "higher", null, 100, null],
    [50, 100, "higher", null, null, 90],
    [99, 100, "binary", null, null, null],
    [100, 100, "是否", null, null, null],
    [250, 100, null, null, null, null],
    [250, 100, "sideways", null, null, null],
  ];
  for (const [a, t, d, h, s, cap] of fixed) {
    cases.push({
      fn: "SCORE",
      args: [
        { cell: a },
        { cell: t },
        d === null ? "omitted" : { cell: d },
        h === null ? "omitted" : { cell: h },
        s === null ? "omitted" : { cell: s },
        cap === null ? "omitted" : { cell: cap },
      ],
      note: `fixed ${a}/${t}/${d}/${h}/${s}/${cap}`,
    });
  }
  for (let k = 0; k < 75; k++) {
    const direction = rnd.pick(["higher", "lower", "binary", "omit"] as const);
    const t = rnd.chance(0.08) ? 0 : rnd.dec(10, 500, rnd.int(0, 2));
    const below = direction === "lower" ? 1 : -1;
    const h = rnd.chance(0.5)
      ? null
      : t + below * rnd.dec(1, t > 0 ? t * 0.6 : 50, 1) * (rnd.chance(0.1) ? -1 : 1);
    const s = rnd.chance(0.5) ? null : t - below * rnd.dec(1, t > 0 ? t * 0.5 : 50, 1);
    const cap = rnd.chance(0.7) ? null : rnd.pick([100, 110, 150, 95]);
    const a = rnd.pick([t, h ?? t, s ?? t, rnd.dec(0, 2 * t + 20, rnd.int(0, 3))]);
    const word =
      direction === "omit"
        ? null
        : rnd.pick(
            words.filter((w) => ["higher", "正向", "Higher"].includes(w) === (direction === "higher")),
          );
    const dir: CaseArg =
      word === null
        ? rnd.chance(0.5)
          ? "omitted"
          : { cell: null }
        : direction === "binary"
          ? rnd.pick([{ cell: "binary" }, { cell: "是否" }, litText("binary")])
          : direction === "lower"
            ? rnd.pick([
                { cell: "lower" },
                { cell: "反向" },
                { cell: "越小越好" },
                litText("lower"),
                litText("反向"),
              ])
            : { cell: word };
    const asArg = (x: number | null): CaseArg =>
      x === null ? (rnd.chance(0.5) ? "omitted" : { cell: null }) : rnd.chance(0.3) ? lit(x) : { cell: x };
    cases.push({
      fn: "SCORE",
      args: [asArg(a), asArg(t), dir, asArg(h), asArg(s), asArg(cap)],
      note: `random ${k}`,
    });
  }
  // Bad inputs: a text actual, a blank actual, a blank target, a bad cap.
  cases.push({ fn: "SCORE", args: [{ cell: "abc" }, { cell: 100 }], note: "text actual" });
  cases.push({ fn: "SCORE", args: [{ cell: null }, { cell: 100 }], note: "blank actual" });
  cases.push({ fn: "SCORE", args: [{ cell: 50 }, { cell: null }], note: "blank target" });
  cases.push({
    fn: "SCORE",
    args: [{ cell: 50 }, { cell: 100 }, "omitted", "omitted", "omitted", { cell: "x" }],
    note: "text cap",
  });
  // Spilled: a column of actuals and targets with per-row directions.
  for (let k = 0; k < 6; k++) {
    const n = rnd.int(3, 7);
    const targets = Array.from({ length: n }, () => rnd.dec(50, 150, 0));
    cases.push({
      fn: "SCORE",
      args: [
        { range: targets.map((t) => (rnd.chance(0.1) ? null : rnd.dec(0.5 * t, 1.5 * t, 1))) },
        { range: targets },
        { range: targets.map(() => rnd.pick(["higher", "lower", "binary", null, "反向"])) },
        k % 2 === 0 ? "omitted" : { range: targets.map((t) => (rnd.chance(0.5) ? null : t * 0.8)) },
      ],
      note: `spilled ${k}`,
    });
  }
  return cases;
}

function weightedCases(rnd: ReturnType<typeof prng>): OracleCase[] {
  const cases: OracleCase[] = [
    { fn: "WEIGHTED", args: [{ range: [80, 100] }, { range: [3, 1] }], note: "SPEC example 85" },
    { fn: "WEIGHTED", args: [{ range: [80, 100] }, { range: [0, 0] }], note: "zero weights" },
    { fn: "WEIGHTED", args: [{ range: [80, 100] }, { range: [-1, 2] }], note: "negative weight" },
    { fn: "WEIGHTED", args: [{ range: [80, null] }, { range: [1, 2] }], note: "score missing" },
    { fn: "WEIGHTED", args: [{ range: [80, null, 90] }, { range: [1, null, 2] }], note: "blank row skipped" },
    { fn: "WEIGHTED", args: [{ range: [80, "x"] }, { range: [1, 2] }], note: "text score" },
    { fn: "WEIGHTED", args: [{ range: [null, null] }, { range: [null, null] }], note: "no rows" },
  ];
  for (let k = 0; k < 20; k++) {
    const n = rnd.int(1, 6);
    cases.push({
      fn: "WEIGHTED",
      args: [
        { range: Array.from({ length: n }, () => rnd.dec(0, 120, rnd.int(0, 3))) },
        { range: Array.from({ length: n }, () => rnd.pick([0.1, 0.2, 0.25, 0.3, 0.4, 10, 20, 35, 1, 0])) },
      ],
      note: `random ${k}`,
    });
  }
  return cases;
}

function feedbackCases(rnd: ReturnType<typeof prng>): OracleCase[] {
  const relationships = [
    "manager",
    "peer",
    "subordinate",
    "customer",
    "self",
    "上级",
    "同事",
    "下级",
    "客户",
    "本人",
  ];
  const cases: OracleCase[] = [
    {
      fn: "FEEDBACK",
      args: [{ range: [4, 3] }, { range: ["manager", "peer"] }],
      note: "core example 100·(0.4·4+0.3·3)/0.7/5",
    },
    { fn: "FEEDBACK", args: [{ range: [4] }, { range: ["self"] }], note: "self only weighs 0 → #N/A" },
    { fn: "FEEDBACK", args: [{ range: [6, 3] }, { range: ["manager", "peer"] }], note: "rating above scale" },
    {
      fn: "FEEDBACK",
      args: [{ range: [4, 3] }, { range: ["manager", "boss"] }],
      note: "unknown relationship",
    },
    {
      fn: "FEEDBACK",
      args: [{ range: [4, null] }, { range: ["manager", "boss"] }],
      note: "blank score row skipped",
    },
    {
      fn: "FEEDBACK",
      args: [{ range: [4, 3] }, { range: ["manager", "peer"] }, litText("manager:1,peer:x")],
      note: "bad table",
    },
    {
      fn: "FEEDBACK",
      args: [{ range: [8, 3] }, { range: ["manager", "peer"] }, "omitted", lit(10)],
      note: "scale 10",
    },
  ];
  for (let k = 0; k < 25; k++) {
    const n = rnd.int(1, 9);
    const weights = rnd.pick([
      "omitted",
      "manager:40,peer:30,subordinate:15,customer:15,self:0",
      "上级:50,同事:50",
      "manager:0.5,peer:0.2,self:0.3",
      "range",
    ] as const);
    const table: CaseArg =
      weights === "omitted"
        ? "omitted"
        : weights === "range"
          ? {
              table: [
                ["manager", 40],
                ["同事", 30],
                ["subordinate", 20],
                ["customer", 10],
              ],
            }
          : litText(weights);
    cases.push({
      fn: "FEEDBACK",
      args: [
        { range: Array.from({ length: n }, () => (rnd.chance(0.1) ? null : rnd.int(1, 5))) },
        { range: Array.from({ length: n }, () => rnd.pick(relationships)) },
        table,
        rnd.chance(0.8) ? "omitted" : { cell: 5 },
      ],
      note: `random ${k} ${weights}`,
    });
  }
  return cases;
}

function finalCases(rnd: ReturnType<typeof prng>): OracleCase[] {
  const cases: OracleCase[] = [
    { fn: "FINAL", args: [{ cell: 85 }, { cell: 90 }], note: "core example 86.5" },
    { fn: "FINAL", args: [{ cell: 85.555 }, { cell: null }], note: "no feedback: ROUND(k,2) = 85.56" },
    // Excel-ROUND half cases: (80.01 + 80.00)/2 = 80.005 → 80.01; 2.675 → 2.68; 1.005 → 1.01.
    { fn: "FINAL", args: [{ cell: 80.01 }, { cell: 80 }, lit(50), lit(50)], note: "half 80.005" },
    { fn: "FINAL", args: [{ cell: 2.675 }, { cell: 2.675 }], note: "half 2.675" },
    { fn: "FINAL", args: [{ cell: 1.005 }, { cell: null }], note: "half 1.005 no feedback" },
    { fn: "FINAL", args: [{ cell: -2.675 }, { cell: -2.675 }], note: "negative half" },
    { fn: "FINAL", args: [{ cell: 85 }, { cell: 90 }, lit(0), lit(0)], note: "zero weights" },
    { fn: "FINAL", args: [{ cell: 85 }, { cell: 90 }, lit(60)], note: "one weight: complement" },
    {
      fn: "FINAL",
      args: [{ cell: 85 }, { cell: 90 }, "omitted", { cell: 0.25 }],
      note: "feedback weight only",
    },
    { fn: "FINAL", args: [{ cell: null }, { cell: 90 }], note: "blank kpi" },
    { fn: "FINAL", args: [{ cell: "n/a" }, { cell: 90 }], note: "text kpi" },
    { fn: "FINAL", args: [{ cell: 85 }, { cell: 90 }, lit(150)], note: "weight 150% → complement negative" },
  ];
  for (let k = 0; k < 30; k++) {
    const places = rnd.int(0, 3);
    cases.push({
      fn: "FINAL",
      args: [
        { cell: rnd.dec(40, 120, places) },
        rnd.chance(0.15) ? { cell: null } : { cell: rnd.dec(20, 100, places) },
        rnd.pick<CaseArg>(["omitted", lit(70), { cell: 0.6 }, { cell: 55 }, lit(0.5)]),
        rnd.pick<CaseArg>(["omitted", lit(30), { cell: 0.4 }, { cell: 45 }, lit(0.5)]),
      ],
      note: `random ${k}`,
    });
  }
  return cases;
}

const GRADE_TABLE: [Scalar, Scalar][] = [
  ["S", 90],
  ["A", 80],
  ["B", 70],
  ["C", 60],
  ["D", 0],
];

function gradeCases(rnd: ReturnType<typeof prng>): OracleCase[] {
  const cases: OracleCase[] = [
    { fn: "GRADE", args: [{ cell: 90 }], note: "at the S minimum" },
    { fn: "GRADE", args: [{ cell: 89.99 }], note: "just below S" },
    { fn: "GRADE", args: [{ cell: -1 }], note: "below every minimum" },
    { fn: "GRADE", args: [{ cell: 55 }, litText("A:80,B:60")], note: "no grade" },
    { fn: "GRADE", args: [{ cell: 75 }, litText("B:70,X:70,A:80")], note: "equal minimums: first listed" },
    { fn: "GRADE", args: [{ cell: null }], note: "blank score" },
    { fn: "GRADE", args: [{ cell: 75 }, litText("A80")], note: "bad table" },
  ];
  for (let k = 0; k < 24; k++) {
    const table = rnd.pick(["omitted", "literal", "range", "unordered"] as const);
    const arg: CaseArg =
      table === "omitted"
        ? "omitted"
        : table === "literal"
          ? litText("优:85,良:75,中:60,差:0")
          : table === "unordered"
            ? litText("C:60,A:80,D:10,B:70")
            : { table: GRADE_TABLE };
    cases.push({
      fn: "GRADE",
      args: [{ cell: rnd.pick([rnd.dec(0, 110, 2), 80, 70, 60, 5]) }, arg],
      note: `random ${k} ${table}`,
    });
  }
  return cases;
}

function distributeCases(rnd: ReturnType<typeof prng>): OracleCase[] {
  const cases: OracleCase[] = [
    // core's example: counts S1 A2 B2 with scores 95,90,90,90,80 → S,A,A,A,B (ties take the better grade).
    {
      fn: "DISTRIBUTE",
      args: [{ range: [95, 90, 90, 90, 80] }, litText("S:20,A:40,B:40")],
      note: "tie across boundary",
    },
    { fn: "DISTRIBUTE", args: [{ range: [70, 70, 70, 70] }], note: "all tied" },
    { fn: "DISTRIBUTE", args: [{ range: [88, null, 75, 60, 91, null, 70] }], note: "blanks take no part" },
    { fn: "DISTRIBUTE", args: [{ range: [88, "x", 75] }], note: "text score" },
    {
      fn: "DISTRIBUTE",
      args: [
        { range: [50, 60, 70, 80, 90, 55, 65] },
        litText("D:10,B:40,S:10,A:20,C:20"),
        { literal: '"S:90,A:80,B:70,C:60,D:0"', js: "S:90,A:80,B:70,C:60,D:0" },
      ],
      note: "quotas ordered by grades",
    },
    {
      fn: "DISTRIBUTE",
      args: [{ range: [1, 2, 3] }, litText("S:10,Z:90"), litText("S:90,A:0")],
      note: "unknown grade",
    },
  ];
  for (let k = 0; k < 14; k++) {
    const n = rnd.int(3, 14);
    const values = rnd.pick([
      [60, 70, 80, 90],
      [75, 80, 85],
      [50, 60, 70, 80, 90, 100],
    ]);
    cases.push({
      fn: "DISTRIBUTE",
      args: [
        {
          range: Array.from({ length: n }, () =>
            rnd.chance(0.08) ? null : rnd.chance(0.5) ? rnd.pick(values) : rnd.dec(40, 100, 1),
          ),
        },
        rnd.pick<CaseArg>(["omitted", litText("S:10,A:20,B:40,C:20,D:10"), litText("A:1,B:2,C:1")]),
      ],
      note: `random ${k}`,
    });
  }
  return cases;
}

function bonusCases(rnd: ReturnType<typeof prng>): OracleCase[] {
  const cases: OracleCase[] = [
    { fn: "BONUS", args: [{ cell: 10000 }, { cell: "A" }], note: "core example 12000" },
    {
      fn: "BONUS",
      args: [{ cell: 3333.33 }, { cell: "X" }, litText("X:1.15"), lit(1)],
      note: "core example 3833",
    },
    // Half cases: 1000.5 × 1 to whole units → 1001; 2.675 × 1 to cents → 2.68 (decimal 2.675).
    { fn: "BONUS", args: [{ cell: 1000.5 }, { cell: "B" }, "omitted", lit(1)], note: "half unit" },
    { fn: "BONUS", args: [{ cell: 2.675 }, { cell: "B" }], note: "half cent" },
    {
      fn: "BONUS",
      args: [{ cell: 12345 }, { cell: "s" }, "omitted", lit(100)],
      note: "lower-case grade, hundreds",
    },
    { fn: "BONUS", args: [{ cell: 12345 }, { cell: "Q" }], note: "unknown grade" },
    { fn: "BONUS", args: [{ cell: -5 }, { cell: "A" }], note: "negative base" },
    { fn: "BONUS", args: [{ cell: 500 }, { cell: null }], note: "blank grade" },
    { fn: "BONUS", args: [{ cell: 500 }, { cell: "A" }, "omitted", lit(0)], note: "zero rounding" },
    { fn: "BONUS", args: [{ cell: 500 }, litText("A")], note: "literal grade" },
  ];
  const coefficientTable: [Scalar, Scalar][] = [
    ["S", 1.5],
    ["A", 1.2],
    ["B", 1],
    ["C", 0.8],
    ["D", 0],
  ];
  for (let k = 0; k < 25; k++) {
    cases.push({
      fn: "BONUS",
      args: [
        { cell: rnd.dec(1000, 50000, rnd.int(0, 2)) },
        { cell: rnd.pick(["S", "A", "B", "C", "D", "a"]) },
        rnd.pick<CaseArg>([
          "omitted",
          { table: coefficientTable },
          litText("S:1.33,A:1.17,B:1,C:0.75,D:0.1"),
        ]),
        rnd.pick<CaseArg>(["omitted", lit(1), lit(0.05), lit(10), { cell: 0.01 }]),
      ],
      note: `random ${k}`,
    });
  }
  return cases;
}

function allocateCases(rnd: ReturnType<typeof prng>): OracleCase[] {
  const cases: OracleCase[] = [
    // core examples: 0.03 over four equal shares → 0.01,0.01,0.01,0 (earlier rows first); 100 over 1,1,2 → 25,25,50.
    { fn: "ALLOCATE", args: [{ cell: 0.03 }, { range: [1, 1, 1, 1] }], note: "ties: earlier rows" },
    { fn: "ALLOCATE", args: [{ cell: 100 }, { range: [1, 1, 2] }, lit(1)], note: "exact" },
    {
      fn: "ALLOCATE",
      args: [{ cell: 10 }, { range: [1, 1, 1] }, lit(1), { range: [70, 90, 90] }],
      note: "ties: priority",
    },
    {
      fn: "ALLOCATE",
      args: [{ cell: 10 }, { range: [1, null, 1, 1] }, lit(1), { range: [null, 5, 80, null] }],
      note: "blank raw and blank priority",
    },
    { fn: "ALLOCATE", args: [{ cell: 10.005 }, { range: [1, 2] }], note: "pool not a multiple" },
    { fn: "ALLOCATE", args: [{ cell: 100 }, { range: [0, 0] }], note: "zero total" },
    { fn: "ALLOCATE", args: [{ cell: 100 }, { range: [1, -1] }], note: "negative raw" },
    { fn: "ALLOCATE", args: [{ cell: null }, { range: [1, 1] }], note: "blank pool" },
  ];
  for (let k = 0; k < 18; k++) {
    const n = rnd.int(2, 9);
    const rounding = rnd.pick([1, 0.01, 10, 0.05]);
    const pool = Math.round(rnd.dec(0, 100000, 0) / rounding) * rounding;
    const raws = Array.from({ length: n }, () =>
      rnd.chance(0.1)
        ? null
        : rnd.chance(0.4)
          ? rnd.pick([1000, 1500, 1200])
          : rnd.dec(100, 20000, rnd.int(0, 2)),
    );
    cases.push({
      fn: "ALLOCATE",
      args: [
        { cell: Number(pool.toFixed(2)) },
        { range: raws },
        rounding === 0.01 && rnd.chance(0.5) ? "omitted" : lit(rounding),
        rnd.chance(0.5)
          ? "omitted"
          : { range: raws.map(() => (rnd.chance(0.1) ? null : rnd.pick([80, 85, 90]))) },
      ],
      note: `random ${k}`,
    });
  }
  return cases;
}

function quadrantCases(rnd: ReturnType<typeof prng>): OracleCase[] {
  const cases: OracleCase[] = [
    { fn: "QUADRANT", args: [{ cell: 5 }, { cell: 2 }], note: "core example Q2" },
    { fn: "QUADRANT", args: [{ cell: 4 }, { cell: 4 }], note: "at both minimums Q1" },
    { fn: "QUADRANT", args: [{ cell: null }, { cell: 4 }], note: "blank importance" },
    { fn: "QUADRANT", args: [{ cell: "high" }, { cell: 4 }], note: "text importance" },
  ];
  for (let k = 0; k < 18; k++) {
    cases.push({
      fn: "QUADRANT",
      args: [
        { cell: rnd.int(1, 5) },
        { cell: rnd.int(1, 5) },
        rnd.pick<CaseArg>(["omitted", lit(3), { cell: 5 }]),
        rnd.pick<CaseArg>(["omitted", lit(2), { cell: null }]),
      ],
      note: `random ${k}`,
    });
  }
  return cases;
}

function completionCases(rnd: ReturnType<typeof prng>): OracleCase[] {
  const cases: OracleCase[] = [
    // core example: 90, blank, 120 against 100 → 1/3.
    {
      fn: "COMPLETION",
      args: [{ range: [90, null, 120] }, { range: [100, 100, 100] }],
      note: "core example",
    },
    {
      fn: "COMPLETION",
      args: [{ range: [3, 6] }, { range: [5, 5] }, litText("lower")],
      note: "lower literal",
    },
    { fn: "COMPLETION", args: [{ range: [1, 2] }, { range: [null, null] }], note: "no rows" },
    {
      fn: "COMPLETION",
      args: [{ range: [1, 2] }, { range: [1, 2] }, { range: ["up", "sideways"] }],
      note: "bad direction",
    },
    {
      fn: "COMPLETION",
      args: [{ range: ["x", 2] }, { range: [null, 2] }],
      note: "text actual on a skipped row",
    },
  ];
  for (let k = 0; k < 22; k++) {
    const n = rnd.int(1, 8);
    const targets = Array.from({ length: n }, () => (rnd.chance(0.1) ? null : rnd.dec(10, 100, 0)));
    cases.push({
      fn: "COMPLETION",
      args: [
        {
          range: targets.map((t) =>
            rnd.chance(0.15) ? null : t === null ? rnd.dec(5, 120, 1) : rnd.pick([t, t * 0.9, t * 1.1]),
          ),
        },
        { range: targets },
        rnd.pick<CaseArg>([
          "omitted",
          litText("反向"),
          { range: targets.map(() => rnd.pick(["higher", "lower", "binary", null, "越小越好"])) },
          { cell: "lower" },
        ]),
      ],
      note: `random ${k}`,
    });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------
// Writing the cases into one workbook.

const FIRST_ARG_COLUMN = 2; // B; column A names the case
const RESULT_COLUMN = 14; // N
const HELPER_COLUMN = 15; // O…

interface Placed {
  oracleCase: OracleCase;
  /** The result cells (one per output row) and what the JS form says each must be. */
  outputs: { address: string; expected: Expected }[];
}

function expectedValues(c: OracleCase): Expected[] {
  const jsArgs: Arg[] = c.args.map((a) => {
    if (a === "omitted") return undefined;
    if ("cell" in a) return a.cell;
    if ("range" in a) return a.range.map((v) => [v]);
    if ("table" in a) return a.table.map(([k, v]) => [k, v]);
    return a.js;
  });
  try {
    const result = evaluateFunction(c.fn, jsArgs);
    if (Array.isArray(result)) {
      return result
        .flat()
        .map((cell) => (cell !== null && typeof cell === "object" ? { error: cell.error } : cell));
    }
    return [result];
  } catch (e) {
    if (!isPerfError(e)) throw e;
    const error = e.kind === "na" ? "#N/A" : "#VALUE!";
    // A spilling call that fails as a whole fails in every output row.
    const rows = NATIVE_ROWS(c);
    return Array.from({ length: rows }, () => ({ error }));
  }
}

/** The number of output rows of a call: the first multi-cell range of a spilling function. */
function NATIVE_ROWS(c: OracleCase): number {
  if (!["SCORE", "DISTRIBUTE", "ALLOCATE"].includes(c.fn)) return 1;
  const ranges = c.args.filter((a): a is { range: Scalar[] } => a !== "omitted" && "range" in a);
  return Math.max(1, ...ranges.map((r) => r.range.length));
}

function placeCases(ws: ExcelJS.Worksheet, cases: OracleCase[]): Placed[] {
  const placed: Placed[] = [];
  let row = 2;
  ws.getCell(1, 1).value = "case";
  ws.getCell(1, RESULT_COLUMN).value = "native result";
  for (const oracleCase of cases) {
    let col = FIRST_ARG_COLUMN;
    let height = 1;
    const argTexts: (string | null)[] = oracleCase.args.map((a) => {
      if (a === "omitted") return null;
      if ("literal" in a) return a.literal;
      if ("cell" in a) {
        const address = `${columnLetters(col)}${row}`;
        if (a.cell !== null) ws.getCell(address).value = a.cell;
        col += 1;
        return address;
      }
      const rows: Scalar[][] = "range" in a ? a.range.map((v) => [v]) : a.table;
      const width = rows[0]?.length ?? 1;
      rows.forEach((values, r) =>
        values.forEach((v, k) => {
          if (v !== null) ws.getCell(row + r, col + k).value = v;
        }),
      );
      height = Math.max(height, rows.length);
      const text = `$${columnLetters(col)}$${row}:$${columnLetters(col + width - 1)}$${row + rows.length - 1}`;
      col += width;
      return text;
    });
    if (col > RESULT_COLUMN) throw new Error(`case ${oracleCase.note} needs too many columns`);
    const expected = expectedValues(oracleCase);
    const rows = NATIVE_ROWS(oracleCase);
    expect(expected.length, `${oracleCase.fn} ${oracleCase.note}: JS answer size`).toBe(rows);
    ws.getCell(row, 1).value = `${oracleCase.fn} ${oracleCase.note}`;
    const outputs: Placed["outputs"] = [];
    for (let i = 0; i < rows; i++) {
      const native = NATIVE[oracleCase.fn]({ args: argTexts, row: i, rows });
      const helperAddresses = (native.helpers ?? []).map(
        (_, k) => `${columnLetters(HELPER_COLUMN + k)}${row + i}`,
      );
      const fill = (text: string) =>
        text.replace(/\{h(\d+)\}/g, (_, k: string) => helperAddresses[Number(k)]);
      (native.helpers ?? []).forEach((helper, k) => {
        ws.getCell(helperAddresses[k]).value = { formula: fill(helper), result: -12345 };
      });
      const address = `${columnLetters(RESULT_COLUMN)}${row + i}`;
      // A wrong cached result: the value compared must come from LibreOffice's recalculation.
      ws.getCell(address).value = { formula: fill(native.formula), result: -12345 };
      outputs.push({ address, expected: expected[i] });
    }
    height = Math.max(height, rows);
    placed.push({ oracleCase, outputs });
    row += height + 1;
  }
  return placed;
}

function allCases(): OracleCase[] {
  const rnd = prng(20240607);
  return [
    ...scoreCases(rnd),
    ...weightedCases(rnd),
    ...feedbackCases(rnd),
    ...finalCases(rnd),
    ...gradeCases(rnd),
    ...distributeCases(rnd),
    ...bonusCases(rnd),
    ...allocateCases(rnd),
    ...quadrantCases(rnd),
    ...completionCases(rnd),
  ];
}

function describeValue(v: unknown): string {
  return JSON.stringify(v);
}

describe.skipIf(!libreOfficeOrSkip())(
  "native formulas agree with the JS functions (LibreOffice oracle)",
  () => {
    it("gives the same value for every case", async () => {
      const cases = allCases();
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Cases");
      const placed = placeCases(ws, cases);
      const dir = mkdtempSync(join(tmpdir(), "perfsheet-oracle-"));
      const input = join(dir, "oracle.xlsx");
      await wb.xlsx.writeFile(input);
      const sheet = (await recalcXlsx(input)).getWorksheet("Cases")!;

      const mismatches: string[] = [];
      const perFunction = new Map<string, number>();
      let compared = 0;
      let errorCases = 0;
      let errorKindDifferences = 0;
      for (const { oracleCase, outputs } of placed) {
        perFunction.set(oracleCase.fn, (perFunction.get(oracleCase.fn) ?? 0) + 1);
        for (const { address, expected } of outputs) {
          compared += 1;
          const actual = sheet.getCell(address).result as unknown;
          const label = `${oracleCase.fn} ${oracleCase.note} @${address}: JS ${describeValue(expected)}, native ${describeValue(actual)}`;
          if (expected !== null && typeof expected === "object") {
            errorCases += 1;
            const isError = actual !== null && typeof actual === "object" && "error" in actual;
            if (!isError) mismatches.push(label);
            else if ((actual as { error: string }).error !== expected.error) errorKindDifferences += 1;
          } else if (typeof expected === "number") {
            if (typeof actual !== "number" || !(Math.abs(actual - expected) <= 1e-9)) mismatches.push(label);
          } else if (actual !== expected) {
            mismatches.push(label);
          }
        }
      }
      console.log(
        `oracle: ${cases.length} cases, ${compared} values compared (${errorCases} JS errors, ` +
          `${errorKindDifferences} with another error kind natively); per function: ` +
          [...perFunction].map(([fn, n]) => `${fn} ${n}`).join(", "),
      );
      expect(cases.length).toBeGreaterThanOrEqual(300);
      expect(mismatches, mismatches.slice(0, 30).join("\n")).toEqual([]);
      // Not only an error where the JS form errs, but the same one (#VALUE! or #N/A).
      expect(errorKindDifferences).toBe(0);
    });
  },
);
