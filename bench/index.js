"use strict";
/**
 * `npm run bench`: read → compute → write of synthetic departments (1k, 10k, 50k employees),
 * exceljs's own streaming floor for the same files, PERF.SCORE over 100k rows and the Office
 * renderer's syncs. Each measurement runs in its own child process (peak RSS is per process).
 * Prints a table and writes docs/PERFORMANCE.md.
 *
 * Options: --sizes 1000,10000 (default 1000,10000,50000), --floor-sizes (default 1000,10000),
 * --office-sizes (default 100,10000), --no-doc (print only), --timeout-min (per child, default 30),
 * --heap-mb (V8 heap cap of each child, default 6144), --from-last (no measuring: rewrite
 * docs/PERFORMANCE.md from the last run's figures, e.g. after editing bench/notes.md).
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
// Inputs and outputs are large: they live outside the checkout.
const CACHE = path.join(os.tmpdir(), "perfsheet-bench");
const CHILD = path.join(__dirname, "children.js");

const TARGETS = {
  floorRatio: 1.5,
  rss10kMB: 1024,
  rss50kMB: 1536,
  requestBytes: 5_000_000,
  scoreMs: 50,
};

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}
const sizesOf = (text) => text.split(",").filter(Boolean).map(Number);

const sizes = sizesOf(option("sizes", "1000,10000,50000"));
const floorSizes = sizesOf(option("floor-sizes", "1000,10000"));
const officeSizes = sizesOf(option("office-sizes", "100,10000"));
const timeoutMs = Number(option("timeout-min", "30")) * 60_000;
/** A cap on each child's heap, so that a size the tool cannot hold fails instead of swapping the machine. */
const HEAP_MB = Number(option("heap-mb", "6144"));

/** Runs one measurement in a child with a large heap, returning its JSON (or the failure). */
function child(args, heapMB = HEAP_MB) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [`--max-old-space-size=${heapMB}`, CHILD, ...args], {
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    const stderr = run.stderr || "";
    const why = run.error
      ? run.error.message
      : /heap out of memory/i.test(stderr)
        ? `out of memory (V8 heap capped at ${heapMB} MB)`
        : stderr.trim().split("\n").slice(-3).join(" | ");
    return { failed: `${args[0]} failed after ${((Date.now() - started) / 1000).toFixed(0)} s: ${why}` };
  }
  return JSON.parse(run.stdout.trim().split("\n").pop());
}

const log = (text) => process.stderr.write(text + "\n");
const seconds = (ms) => (ms === undefined ? "—" : (ms / 1000).toFixed(2) + " s");
const mb = (x) => (x === undefined ? "—" : Math.round(x) + " MB");

function machine() {
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  const exceljs = require("exceljs/package.json").version;
  return {
    cpu: model.trim(),
    cores: os.cpus().length,
    memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    exceljs,
  };
}

/** `--from-last`: writes docs/PERFORMANCE.md again from the last run's figures (after editing notes.md). */
function fromLast() {
  const report = JSON.parse(fs.readFileSync(path.join(CACHE, "last.json"), "utf8"));
  const text = render(report);
  process.stdout.write(text.table + "\n");
  fs.writeFileSync(path.join(ROOT, "docs", "PERFORMANCE.md"), document(report, text));
  log("wrote docs/PERFORMANCE.md from " + path.join(CACHE, "last.json"));
}

function main() {
  if (process.argv.includes("--from-last")) return fromLast();
  fs.mkdirSync(CACHE, { recursive: true });
  const rows = [];
  for (const n of sizes) {
    const input = path.join(CACHE, `input-${n}.xlsx`);
    const output = path.join(CACHE, `output-${n}.xlsx`);
    if (!fs.existsSync(input)) {
      log(`generating the synthetic input of ${n} employees…`);
      const made = child(["generate", String(n), input]);
      if (made.failed) throw new Error(made.failed);
    }
    log(`perfsheet run, ${n} employees…`);
    // The machine is shared: the load average before each run is reported with its figures.
    const load = os.loadavg()[0];
    const run = child(["run", input, output]);
    let floor;
    if (floorSizes.includes(n) && !run.failed) {
      log(`exceljs floor, ${n} employees…`);
      floor = child(["floor", input, output, path.join(CACHE, `floor-${n}.xlsx`)]);
    }
    rows.push({ n, inputBytes: fs.statSync(input).size, load, run, floor });
  }
  log("PERF.SCORE over 100k rows…");
  const score = child(["score", "100000", "9"]);
  log("Office renderer on the fake Excel…");
  const office = child(["office", ...officeSizes.map(String)]);
  const report = { date: new Date().toISOString().slice(0, 10), machine: machine(), rows, score, office };
  const text = render(report);
  process.stdout.write(text.table + "\n");
  if (!process.argv.includes("--no-doc")) {
    fs.writeFileSync(path.join(ROOT, "docs", "PERFORMANCE.md"), document(report, text));
    log("wrote docs/PERFORMANCE.md");
  }
  fs.writeFileSync(path.join(CACHE, "last.json"), JSON.stringify(report, null, 2));
}

/** Whether a figure meets its target: "yes", "NO" or "—" when there is no target. */
const verdict = (ok) => (ok === undefined ? "—" : ok ? "yes" : "NO");

function render(report) {
  const lines = [
    "| employees | input | load (1 min) | end to end | read | compute | write sheets | charts + package | peak RSS | exceljs floor (read + write) | ratio | targets met |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|",
  ];
  for (const { n, inputBytes, load, run, floor } of report.rows) {
    const loadText = load === undefined ? "—" : load.toFixed(2);
    if (run.failed) {
      lines.push(`| ${n} | ${mb(inputBytes / 1e6)} | ${loadText} | ${run.failed} | | | | | | | | NO |`);
      continue;
    }
    const st = run.stages;
    const ratio = floor && !floor.failed ? run.ms / floor.ms : undefined;
    const checks = [];
    if (n === 10000)
      checks.push(ratio !== undefined && ratio <= TARGETS.floorRatio, run.peakRssMB <= TARGETS.rss10kMB);
    if (n === 50000) checks.push(run.peakRssMB <= TARGETS.rss50kMB);
    lines.push(
      [
        n,
        mb(inputBytes / 1e6),
        loadText,
        seconds(run.ms),
        seconds(st["reading the workbook"]),
        seconds(st["computing scores, grades and bonuses"]),
        seconds(st["writing the sheets"]),
        seconds(st["adding the charts"]),
        mb(run.peakRssMB),
        floor
          ? floor.failed
            ? floor.failed
            : `${seconds(floor.ms)} (${seconds(floor.readMs)} + ${seconds(floor.writeMs)})`
          : "—",
        ratio === undefined ? "—" : ratio.toFixed(2) + "×",
        checks.length ? verdict(checks.every(Boolean)) : "—",
      ]
        .join(" | ")
        .replace(/^/, "| ") + " |",
    );
  }
  const s = report.score;
  const scoreLine = s.failed
    ? `PERF.SCORE: ${s.failed}`
    : `PERF.SCORE over ${s.rows.toLocaleString("en")} rows (median of ${s.runs}): ${s.medianMs.toFixed(1)} ms ` +
      `(actual, target); ${s.medianCurveMs.toFixed(1)} ms with threshold and stretch — target < ${TARGETS.scoreMs} ms: ` +
      verdict(s.medianMs < TARGETS.scoreMs && s.medianCurveMs < TARGETS.scoreMs);
  const officeLines = [
    "| employees | sheets | syncs | largest request | all requests | time |",
    "|---:|---:|---:|---:|---:|---:|",
  ];
  let officeVerdict = "—";
  if (report.office.failed) officeLines.push(`| ${report.office.failed} | | | | | |`);
  else {
    for (const r of report.office.results)
      officeLines.push(
        `| ${r.employees} | ${r.sheets} | ${r.syncs} | ${(r.largestRequestBytes / 1e6).toFixed(2)} MB | ${(r.totalBytes / 1e6).toFixed(2)} MB | ${seconds(r.ms)} |`,
      );
    const rs = report.office.results;
    const sameSyncs = rs.every((r) => r.syncs === rs[0].syncs);
    const underLimit = rs.every((r) => r.largestRequestBytes < TARGETS.requestBytes);
    officeVerdict = `same sync count: ${verdict(sameSyncs)}; every request under 5 MB: ${verdict(underLimit)}`;
  }
  const table = [
    "Read → compute → write (.xlsx), `perfsheet run`, one child process per size:",
    "",
    ...lines,
    "",
    scoreLine,
    "",
    "Office renderer (real plan of the synthetic cycle, fake Excel of test/support):",
    "",
    ...officeLines,
    "",
    officeVerdict,
  ].join("\n");
  return { table };
}

function document(report, text) {
  const m = report.machine;
  return `# Performance

Figures of \`npm run bench\` (bench/index.js) on ${report.date}. Regenerate them with \`npm run bench\`;
this file is overwritten by it. The analysis and what was changed are in the last section, kept by hand
in bench/notes.md and appended here.

## Machine

- CPU: ${m.cpu}, ${m.cores} cores (shared with other work while measured)
- Memory: ${m.memoryGiB} GiB
- Node ${m.node}, exceljs ${m.exceljs}, ${m.os}

## What is measured

- A synthetic operations department (bench/synthetic.js) of N employees in ten teams: 8 KPIs each
  (8 actuals rows), 6 raters each (6 feedback rows), 3 tasks each, one efficiency row each; it
  validates with no warnings. Input written with exceljs's streaming writer.
- **end to end**: \`perfsheet run INPUT -o OUTPUT\` through the CLI's own entry point, in a child
  process; stages are the CLI's progress steps; peak RSS is the child's \`maxRSS\`. The CLI
  streams (hosts/file/stream): a scan of the package's XML into the RawWorkbook (read), the
  engine (compute), each generated sheet planned, written as XML and deflated by zlib part by
  part, one sheet at a time, while the input's parts are copied compressed (write sheets), then
  the charts, styles, workbook part and content types (charts + package).
- **load (1 min)**: the machine's load average just before the run (2 cores, shared).
- **exceljs floor**: in another child, exceljs's streaming reader visits every cell of the same
  input, and its streaming writer writes an output of the same shape (same sheets, rows, columns,
  cells, values and formulas, no styles). Target: end to end ≤ 1.5 × floor at 10k employees.
- **PERF.SCORE**: \`evaluateFunction("SCORE", [actuals, targets, …])\` over 100,000×1 ranges,
  median of 9 runs after a warm-up.
- **Office renderer**: \`renderPlanInExcel\` writing the real plan of the synthetic cycle into the
  fake Excel of the tests, which counts syncs and serialises every request.

## Figures

${text.table}

${fs.existsSync(path.join(__dirname, "notes.md")) ? fs.readFileSync(path.join(__dirname, "notes.md"), "utf8") : ""}`;
}

main();
