import { parseArgs } from "node:util";

/** The CLI's connection to the outside, passed in so commands can be tested in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const nodeIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
};

export interface CliCommand {
  /** One line: `fn NAME ARG...  evaluate one PERF function`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export class UsageError extends Error {}

export function usageText(commands: Record<string, CliCommand>): string {
  const lines = Object.values(commands).map((c) => "  perfsheet " + c.usage);
  return ["Usage:", ...lines, "", "Exit codes: 0 ok, 1 invalid input, 2 usage."].join("\n");
}

/**
 * Options and positionals of a command, parsed with Node's own parser; anything it refuses
 * (an unknown option, a missing value) is a UsageError.
 */
export function parseCommandArgs<T extends Record<string, { type: "string" | "boolean"; short?: string }>>(
  args: string[],
  options: T,
): { values: { [K in keyof T]?: T[K]["type"] extends "string" ? string : boolean }; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return parsed as never;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
