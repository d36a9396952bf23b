/**
 * The CLI's writing commands as a user runs them: `run`, `demo`, `export --per-employee` and
 * `portable` — exit codes, what lands on disk, progress and problems on stderr, and that a
 * refused run writes nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { baseFixture, cellOf, writeFixture } from "../workbook/fixtures";

async function cli(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
  const code = await main(args, io);
  return { code, out: stdout.join("\n"), err: stderr.join("\n") };
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ws.name);
}

const dir = mkdtempSync(join(tmpdir(), "perfsheet-cli-commands-"));
const valid = join(dir, "valid.xlsx");
const invalid = join(dir, "invalid.xlsx");

beforeAll(async () => {
  writeFileSync(valid, await writeFixture(baseFixture(), "en-US"));
  const fx = baseFixture();
  fx.sheets.kpis![0].target = "abc";
  writeFileSync(invalid, await writeFixture(fx, "en-US"));
});

describe("perfsheet run", () => {
  it("writes the review workbook and SUMMARY.json, with progress on stderr", async () => {
    const out = join(dir, "review.xlsx");
    const json = join(dir, "summary.json");
    const {
      code,
      out: stdout,
      err,
    } = await cli("run", valid, "-o", out, "--json", json, "--today", "2026-11-23");
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(err).toMatch(/\[1\/4\]/);
    expect(err).toMatch(/3 employees/);
    const names = await sheetNames(out);
    expect(names).toEqual(
      expect.arrayContaining(["Employees", "Scorecard", "Dashboard", "Plan", "Analysis"]),
    );
    const summary = JSON.parse(readFileSync(json, "utf8")) as { employees: { id: string }[] };
    expect(summary.employees.map((e) => e.id).sort()).toEqual(
      baseFixture()
        .sheets.employees!.map((e) => String(e.employee_id))
        .sort(),
    );
  });

  it("exits 1 with the located problems and writes nothing when the workbook is invalid", async () => {
    const out = join(dir, "never.xlsx");
    const json = join(dir, "never.json");
    const { code, err } = await cli("run", invalid, "-o", out, "--json", json);
    expect(code).toBe(1);
    expect(err).toContain(`KPIs!${cellOf("kpis", "target", 0)}: target must be a number, not “abc”.`);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(json)).toBe(false);
  });

  it("exits 2 with the usage when -o is missing, and 1 for a missing file", async () => {
    const usage = await cli("run", valid);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/-o OUT\.xlsx is required\nUsage: perfsheet run FILE -o OUT\.xlsx/);
    const missing = await cli("run", join(dir, "nope.xlsx"), "-o", join(dir, "x.xlsx"));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^perfsheet run: cannot find the file .*nope\.xlsx\.$/);
  });
});

describe("perfsheet demo", () => {
  it("reviews the bundled sample in Chinese", async () => {
    const out = join(dir, "demo-zh.xlsx");
    const { code, err } = await cli("demo", "-o", out, "--lang", "zh-CN", "--today", "2026-11-23");
    expect(code).toBe(0);
    expect(err).toMatch(/33/);
    const names = await sheetNames(out);
    expect(names).toEqual(expect.arrayContaining(["员工", "考核汇总", "仪表盘", "激励效果"]));
  });
});

describe("perfsheet export --per-employee", () => {
  it("writes one file per employee, named by id", async () => {
    const out = join(dir, "personal");
    const { code, err } = await cli("export", valid, "--per-employee", "-o", out, "--today", "2026-11-23");
    expect(code).toBe(0);
    expect(err).toMatch(/3/);
    const ids = baseFixture().sheets.employees!.map((e) => `${String(e.employee_id)}.xlsx`);
    expect(readdirSync(out).sort()).toEqual(ids.sort());
  });

  it("refuses an invalid workbook without creating the folder", async () => {
    const out = join(dir, "personal-never");
    const { code } = await cli("export", invalid, "--per-employee", "-o", out);
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe("perfsheet portable", () => {
  it("rewrites PERF formulas as native ones and says how many", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Mine").getCell("B2").value = { formula: 'PERF.SCORE(85,100,"higher",80)', result: 70 };
    const input = join(dir, "mine.xlsx");
    await wb.xlsx.writeFile(input);
    const out = join(dir, "mine-portable.xlsx");
    const { code, out: stdout } = await cli("portable", input, "-o", out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/1 cell\(s\) now hold native formulas/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const cell = back.getWorksheet("Mine")!.getCell("B2").value as ExcelJS.CellFormulaValue;
    expect(cell.formula).not.toMatch(/PERF/i);
    expect(cell.result).toBe(70);
  });
});
