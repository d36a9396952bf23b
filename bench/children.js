"use strict";
/**
 * The benchmark's measurements, one per child process so that each has its own peak RSS:
 *   node bench/children.js generate N FILE        write the synthetic input of N employees
 *   node bench/children.js run IN OUT             `perfsheet run IN -o OUT`, timed per stage
 *   node bench/children.js floor IN OUT FLOOROUT  exceljs's own streaming read of IN and
 *                                                 streaming write of a copy of OUT's cells
 *   node bench/children.js score ROWS RUNS        PERF.SCORE over a ROWS×1 range
 *   node bench/children.js office N...            the Office renderer on the fake Excel
 * Each prints one line of JSON on stdout.
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const ROOT = path.join(__dirname, "..");
const BUILD = path.join(ROOT, "build", "node");

const peakRssMB = () => process.resourceUsage().maxRSS / 1024;
const print = (result) => process.stdout.write(JSON.stringify({ ...result, peakRssMB: peakRssMB() }) + "\n");

async function generate(n, file) {
  const { syntheticData, writeInputWorkbook } = require("./synthetic");
  const started = performance.now();
  const rows = await writeInputWorkbook(syntheticData(n), file);
  print({ rows, ms: performance.now() - started, bytes: fs.statSync(file).size });
}

/** The CLI's own entry point, with the time of each progress step it reports. */
async function run(input, output) {
  const { main } = require(path.join(BUILD, "cli", "main"));
  const stamps = [];
  const started = performance.now();
  const io = {
    out: () => undefined,
    err: (line) => stamps.push({ at: performance.now() - started, line: String(line) }),
  };
  const code = await main(["run", input, "-o", output, "--today", "2027-01-12"], io);
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`perfsheet run exited ${code}: ${stamps.map((s) => s.line).join("\n")}`);
  // Progress lines are "[k/4] step"; a step's time runs to the next line.
  const stages = {};
  const steps = stamps.filter((s) => /^\[\d+\/\d+\]/.test(s.line));
  steps.forEach((s, i) => {
    const next = steps[i + 1]?.at ?? ms;
    stages[s.line.replace(/^\[\d+\/\d+\] /, "")] = next - s.at;
  });
  print({ ms, stages, bytes: fs.statSync(output).size });
}

/** Every cell of `file`, sheet by sheet, as exceljs's streaming reader gives them. */
async function* streamedSheets(file) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    worksheets: "emit",
    styles: "ignore",
    hyperlinks: "ignore",
  });
  for await (const sheet of reader) yield sheet;
}

/**
 * The floor any exceljs-based tool has: streaming-read the input (every cell visited) and
 * streaming-write an output of the same shape as ours (same sheets, rows, columns, cells and
 * values, formulas with their results), without styles.
 */
async function floor(input, output, floorOutput) {
  let started = performance.now();
  let inputCells = 0;
  for await (const sheet of streamedSheets(input))
    for await (const row of sheet) row.eachCell(() => inputCells++);
  const readMs = performance.now() - started;

  // The shape to write is taken from our own output (not timed).
  const sheets = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(output, {
    sharedStrings: "cache",
    worksheets: "emit",
  });
  for await (const sheet of reader) {
    const rows = [];
    for await (const row of sheet) {
      const cells = [];
      row.eachCell((cell, col) => cells.push([col, cell.value]));
      rows.push([row.number, cells]);
    }
    sheets.push({ name: sheet.name ?? `Sheet${sheets.length + 1}`, rows });
  }
  let outputCells = 0;
  started = performance.now();
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: floorOutput, useSharedStrings: true });
  sheets.forEach((s, i) => {
    const ws = writer.addWorksheet(`${i + 1}`);
    for (const [number, cells] of s.rows) {
      const row = ws.getRow(number);
      for (const [col, value] of cells) {
        row.getCell(col).value = value;
        outputCells++;
      }
      row.commit();
    }
    ws.commit();
  });
  await writer.commit();
  const writeMs = performance.now() - started;
  print({ ms: readMs + writeMs, readMs, writeMs, inputCells, outputCells, sheets: sheets.length });
}

/** Median time of PERF.SCORE over ROWS×1 ranges of actuals and targets (threshold and stretch given). */
function score(rows, runs) {
  const { evaluateFunction } = require(path.join(BUILD, "functions", "registry"));
  const actuals = [];
  const targets = [];
  for (let i = 0; i < rows; i++) {
    actuals.push([40 + (i % 100)]);
    targets.push([100]);
  }
  const timed = (args) => {
    evaluateFunction("SCORE", args); // warm-up
    const times = [];
    for (let k = 0; k < runs; k++) {
      const started = performance.now();
      const result = evaluateFunction("SCORE", args);
      times.push(performance.now() - started);
      if (result.length !== rows) throw new Error("SCORE did not spill a score per row");
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  print({
    rows,
    runs,
    medianMs: timed([actuals, targets]),
    medianCurveMs: timed([actuals, targets, "higher", 80, 120]),
  });
}

/**
 * The Office renderer (src/hosts/office/render.ts) writing the real plan of a synthetic cycle
 * into the fake Excel of the tests (test/support/fake-excel.ts), both bundled by esbuild.
 */
async function office(sizes) {
  const esbuild = require("esbuild");
  const cache = path.join(require("os").tmpdir(), "perfsheet-bench");
  fs.mkdirSync(cache, { recursive: true });
  const bundle = path.join(cache, "office-bundle.js");
  esbuild.buildSync({
    stdin: {
      contents: [
        'export { renderPlanInExcel } from "./src/hosts/office/render";',
        'export { FakeExcel, installOfficeRequirements, REQUEST_LIMIT_BYTES } from "./test/support/fake-excel";',
      ].join("\n"),
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "cjs",
    outfile: bundle,
    logLevel: "error",
  });
  const { renderPlanInExcel, FakeExcel, installOfficeRequirements, REQUEST_LIMIT_BYTES } = require(bundle);
  const { syntheticData, writeInputWorkbook } = require("./synthetic");
  const { readXlsx } = require(path.join(BUILD, "hosts", "file", "read-xlsx"));
  const { runCycle } = require(path.join(BUILD, "workbook", "pipeline"));
  const results = [];
  for (const n of sizes) {
    const file = path.join(cache, `office-input-${n}.xlsx`);
    if (!fs.existsSync(file)) await writeInputWorkbook(syntheticData(n), file);
    const outcome = runCycle(await readXlsx(file), { today: "2027-01-12" });
    if (!outcome.ok) throw new Error(`synthetic input of ${n} is invalid`);
    const fake = new FakeExcel();
    const uninstall = installOfficeRequirements(fake);
    const started = performance.now();
    const { syncs } = await renderPlanInExcel(fake.context, outcome.run.plan, { formulas: "perf" });
    const ms = performance.now() - started;
    uninstall();
    results.push({
      employees: n,
      sheets: outcome.run.plan.sheets.length,
      syncs,
      largestRequestBytes: fake.largestRequestBytes,
      totalBytes: fake.requests.reduce((sum, r) => sum + r.bytes, 0),
      limitBytes: REQUEST_LIMIT_BYTES,
      ms,
    });
  }
  print({ results });
}

const [command, ...args] = process.argv.slice(2);
const commands = {
  generate: () => generate(Number(args[0]), args[1]),
  run: () => run(args[0], args[1]),
  floor: () => floor(args[0], args[1], args[2]),
  score: () => score(Number(args[0]), Number(args[1])),
  office: () => office(args.map(Number)),
};
Promise.resolve()
  .then(() => commands[command]())
  .catch((e) => {
    process.stderr.write(`${e.stack ?? e}\n`);
    process.exit(1);
  });
