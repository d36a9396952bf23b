import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { formatMessage, MESSAGES } from "../../src/core/messages";

/** Codes raised through invalid(…)/missing(…) in the scoring engine and the PERF functions. */
function raisedCodes(): Set<string> {
  const root = join(__dirname, "../../src");
  const files = [
    ...[
      "scoring",
      "rounding",
      "feedback",
      "final",
      "tables",
      "grading",
      "incentives",
      "honours",
      "completion",
    ].map((f) => join(root, "core", f + ".ts")),
    ...readdirSync(join(root, "functions/defs")).map((f) => join(root, "functions/defs", f)),
    join(root, "functions/registry.ts"),
  ];
  const codes = new Set<string>();
  for (const file of files) {
    for (const m of readFileSync(file, "utf8").matchAll(/\b(?:invalid|missing)\("(\w+)"/g)) codes.add(m[1]);
  }
  return codes;
}

describe("message catalogue", () => {
  it("has en-US and zh-CN text for every code the engine and functions raise", () => {
    const codes = raisedCodes();
    expect(codes.size).toBeGreaterThan(20);
    for (const code of codes) {
      expect(MESSAGES[code]?.en, code).toBeTruthy();
      expect(MESSAGES[code]?.zh, code).toBeTruthy();
    }
  });

  it("fills params in either language and shows unknown codes as themselves", () => {
    expect(formatMessage("negative_target", { target: -5 }, "en-US")).toBe(
      "The target must not be negative (-5).",
    );
    expect(formatMessage("negative_target", { target: -5 }, "zh-CN")).toBe("目标值不能为负数（-5）。");
    expect(formatMessage("no_such_code", {}, "zh-CN")).toBe("no_such_code");
  });
});
