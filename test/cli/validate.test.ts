import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { baseFixture, cellOf, writeFixture } from "../workbook/fixtures";

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

async function run(...args: string[]) {
  const io = capture();
  const code = await main(["validate", ...args], io);
  return { code, out: io.stdout.join("\n"), err: io.stderr.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "perfsheet-cli-validate-"));
const valid = join(dir, "valid.xlsx");
const invalid = join(dir, "invalid.xlsx");
const chinese = join(dir, "invalid-zh.xlsx");

beforeAll(async () => {
  writeFileSync(valid, await writeFixture(baseFixture(), "en-US"));
  const fx = baseFixture();
  fx.sheets.kpis![0].target = "abc";
  fx.sheets.employees![0].fte = 0;
  writeFileSync(invalid, await writeFixture(fx, "en-US"));
  writeFileSync(chinese, await writeFixture(fx, "zh-CN"));
});

describe("perfsheet validate", () => {
  it("exits 0 on a valid workbook with a short summary", async () => {
    const { code, out, err } = await run(valid);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toMatch(/^OK: .*valid\.xlsx is valid: 3 employees, 2 positions, 3 KPIs, 2 tasks, 6 actuals/);
  });

  it("exits 1 and lists each located problem on stderr", async () => {
    const { code, out, err } = await run(invalid);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err.split("\n")).toEqual([
      `KPIs!${cellOf("kpis", "target", 0)}: target must be a number, not “abc”.`,
      `Employees!${cellOf("employees", "fte", 0)}: fte must be above 0, not 0.`,
    ]);
  });

  it("speaks the workbook's language", async () => {
    const { code, err } = await run(chinese);
    expect(code).toBe(1);
    expect(err.split("\n")[0]).toBe(
      `部门KPI!${cellOf("kpis", "target", 0)}: “目标值”必须是数字，而不是“abc”。`,
    );
  });

  it("prints the problems as a JSON array with --json", async () => {
    const { code, out, err } = await run("--json", invalid);
    expect(code).toBe(1);
    expect(err).toBe("");
    const problems = JSON.parse(out) as { sheet: string; cell: string; code: string; message: string }[];
    expect(problems.map((p) => [p.sheet, p.cell, p.code])).toEqual([
      ["KPIs", cellOf("kpis", "target", 0), "cell_not_number"],
      ["Employees", cellOf("employees", "fte", 0), "value_not_positive"],
    ]);
    expect(problems[0].message).toBe("target must be a number, not “abc”.");
    const ok = await run(valid, "--json");
    expect([ok.code, JSON.parse(ok.out)]).toEqual([0, []]);
  });

  it("says clearly when the file is missing or not a workbook, without a stack trace", async () => {
    const missing = await run(join(dir, "nope.xlsx"));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^perfsheet validate: cannot find the file .*nope\.xlsx\.$/);
    const junk = join(dir, "junk.xlsx");
    writeFileSync(junk, "not a workbook");
    const unreadable = await run(junk);
    expect(unreadable.code).toBe(1);
    expect(unreadable.err).toMatch(
      /^perfsheet validate: cannot read .*junk\.xlsx as an Excel workbook \(\.xlsx\)\.$/,
    );
    expect(missing.err + unreadable.err).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on bad usage", async () => {
    expect((await run()).code).toBe(2);
    expect((await run()).err).toContain("Usage: perfsheet validate FILE [--json]");
    expect((await run(valid, "--fast")).code).toBe(2);
    expect((await run(valid, invalid)).code).toBe(2);
  });
});
