import { describe, it, expect, beforeAll } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";

/** Runs the CLI in-process, capturing what it prints. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => void (out += t + "\n"), err: (t) => void (err += t + "\n") };
  const code = await main(argv, io);
  return { code, out: out.trim(), err: err.trim() };
}

describe("perfsheet fn (in-process)", () => {
  it("prints the SPEC example: fn SCORE 85 100 higher 80 → 70", async () => {
    expect(await run("fn", "SCORE", "85", "100", "higher", "80")).toEqual({ code: 0, out: "70", err: "" });
  });

  it("prints a JSON error and exits 1 on bad arguments", async () => {
    const result = await run("fn", "SCORE", "85", "0");
    expect(result.code).toBe(1);
    const printed = JSON.parse(result.out);
    expect(printed.error).toBe("#VALUE!");
    expect(printed.message).toMatch(/threshold/);
  });

  it("prints #N/A for missing data given as an omitted argument", async () => {
    const result = await run("fn", "SCORE", "", "100");
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out).error).toBe("#N/A");
  });

  it("translates the message with --lang zh-CN", async () => {
    const result = await run("fn", "SCORE", "85", "-5", "--lang", "zh-CN");
    expect(JSON.parse(result.out)).toEqual({ error: "#VALUE!", message: "目标值不能为负数（-5）。" });
  });

  it("reads JSON ranges and prints spilled results as arrays of arrays", async () => {
    const result = await run("fn", "ALLOCATE", "0.03", "[[1],[1],[1],[1]]");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual([[0.01], [0.01], [0.01], [0]]);
    // a blank actual in a range is #N/A in its cell only
    const score = await run("fn", "SCORE", "[[85],[null]]", "100", "", "80");
    expect(JSON.parse(score.out)).toEqual([
      [70],
      [{ error: "#N/A", message: "The actual value is missing." }],
    ]);
  });

  it("keeps text arguments as text: Chinese words, percents, tables", async () => {
    expect((await run("fn", "SCORE", "8", "10", "反向")).out).toBe("120");
    expect((await run("fn", "GRADE", "75", "优秀:85,良好:70,合格:0")).out).toBe('"良好"');
    expect((await run("fn", "FINAL", "85", "90", "70%", "30%")).out).toBe("86.5");
    expect((await run("fn", "QUADRANT", "5", "2")).out).toBe('"Q2"');
  });

  it("is a usage error (exit 2) for unknown functions, wrong argument counts and bad JSON", async () => {
    for (const argv of [
      ["fn", "NOPE", "1"],
      ["fn", "SCORE", "85"],
      ["fn", "QUADRANT", "1", "2", "3", "4", "5"],
      ["fn", "WEIGHTED", "[[1]", "[[1]]"],
      ["fn", "WEIGHTED", "[1,2]", "[[1]]"],
      ["fn"],
    ]) {
      const result = await run(...argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.err + result.out).toMatch(/Usage: perfsheet fn/);
    }
  });
});

describe("perfsheet fn (child process through bin/perfsheet.js)", () => {
  const root = join(__dirname, "../..");
  const built = join(root, "build/node/cli/commands/fn.js");

  /** Newest modification time under a folder. */
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    );

  beforeAll(() => {
    const sources = Math.max(...["src/cli", "src/core", "src/functions"].map((d) => newest(join(root, d))));
    if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
    // Type errors elsewhere in the tree do not stop tsc from emitting; a missing output does.
    try {
      execFileSync(
        process.execPath,
        [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.node.json"],
        {
          cwd: root,
          stdio: "pipe",
        },
      );
    } catch {
      if (!existsSync(built)) throw new Error("npx tsc -p tsconfig.node.json did not build the CLI");
    }
  }, 300_000);

  it("prints 70 for the SPEC example and a JSON error with exit 1", () => {
    const ok = spawnSync(process.execPath, ["bin/perfsheet.js", "fn", "SCORE", "85", "100", "higher", "80"], {
      cwd: root,
      encoding: "utf8",
    });
    expect({ status: ok.status, out: ok.stdout.trim() }).toEqual({ status: 0, out: "70" });
    const bad = spawnSync(process.execPath, ["bin/perfsheet.js", "fn", "SCORE", "85", "0"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).error).toBe("#VALUE!");
  });
});
