/**
 * `perfsheet fn NAME ARG... [--lang zh-CN|en-US]` (SPEC §9): evaluates one PERF function
 * with the same engine as the add-in and prints the result as JSON.
 */
import { isPerfError } from "../../core/errors";
import { formatMessage, MessageLang } from "../../core/messages";
import { evaluateFunction, findFunction, FUNCTIONS } from "../../functions/registry";
import type { Arg, PerfFunctionDef, Result, Scalar } from "../../functions/types";
import type { CliCommand, CliIo } from "../io";

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** `SCORE(actual, target, [direction], …)` */
function signature(def: PerfFunctionDef): string {
  const params = def.params.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${def.name}(${params.join(", ")})`;
}

function fnUsage(): string {
  return [
    "Usage: perfsheet fn NAME ARG... [--lang zh-CN|en-US]",
    'An ARG is a number, a string, or a JSON array of arrays for a range; "" is an omitted argument.',
    "Functions:",
    ...FUNCTIONS.map((def) => "  " + signature(def)),
  ].join("\n");
}

const isCell = (x: unknown): x is Scalar =>
  x === null || typeof x === "number" || typeof x === "string" || typeof x === "boolean";

/** One command-line argument as a function argument, or undefined when it cannot be read. */
function parseArg(text: string): { arg: Arg } | undefined {
  if (text === "") return { arg: undefined };
  if (NUMBER.test(text.trim())) return { arg: Number(text) };
  if (text.trim().startsWith("[")) {
    let range: unknown;
    try {
      range = JSON.parse(text);
    } catch {
      return undefined;
    }
    const ok = Array.isArray(range) && range.every((row) => Array.isArray(row) && row.every(isCell));
    return ok ? { arg: range as Scalar[][] } : undefined;
  }
  return { arg: text };
}

/** The result as JSON: per-cell errors show as {"error", "message"} like a whole-call error. */
function resultJson(result: Result, lang: MessageLang): string {
  if (!Array.isArray(result)) return JSON.stringify(result);
  const rows = result.map((row) =>
    row.map((cell) =>
      cell !== null && typeof cell === "object"
        ? {
            error: cell.error,
            message: lang === "en-US" ? cell.message : formatMessage(cell.code, cell.params, lang),
          }
        : cell,
    ),
  );
  return JSON.stringify(rows);
}

function usageError(io: CliIo, problem: string): number {
  io.err(`perfsheet fn: ${problem}\n\n${fnUsage()}`);
  return 2;
}

export const fnCommand: CliCommand = {
  usage: "fn NAME ARG... [--lang zh-CN|en-US]   evaluate one PERF function, print the result as JSON",
  async run(argv: string[], io: CliIo): Promise<number> {
    const rest = [...argv];
    let lang: MessageLang = "en-US";
    const langAt = rest.indexOf("--lang");
    if (langAt >= 0) {
      const value = rest[langAt + 1];
      if (value !== "zh-CN" && value !== "en-US") return usageError(io, "--lang takes zh-CN or en-US");
      lang = value;
      rest.splice(langAt, 2);
    }
    const [name, ...texts] = rest;
    if (!name || name === "--help" || name === "-h") {
      io.out(fnUsage());
      return name ? 0 : 2;
    }
    const def = findFunction(name);
    if (!def) return usageError(io, `unknown function "${name}"`);
    const required = def.params.filter((p) => !p.optional).length;
    if (texts.length < required || texts.length > def.params.length) {
      return usageError(io, `${signature(def)} takes ${required} to ${def.params.length} arguments`);
    }
    const args: Arg[] = [];
    for (const text of texts) {
      const parsed = parseArg(text);
      if (!parsed) return usageError(io, `cannot read ${JSON.stringify(text)} as a JSON array of arrays`);
      args.push(parsed.arg);
    }
    try {
      io.out(resultJson(evaluateFunction(def.name, args), lang));
      return 0;
    } catch (e) {
      if (!isPerfError(e)) throw e;
      const message = lang === "en-US" ? e.message : formatMessage(e.code, e.params, lang);
      io.out(JSON.stringify({ error: e.kind === "na" ? "#N/A" : "#VALUE!", message }));
      return 1;
    }
  },
};
