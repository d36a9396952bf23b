import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { formatMessage } from "../core/messages";
import { WorkbookFileError } from "../hosts/file/read-xlsx";
import { readXlsxFast } from "../hosts/file/stream/read-fast";
import type { RawWorkbook } from "../workbook/raw";

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

/**
 * The bytes of an input file, or undefined after saying on stderr that it is missing or
 * unreadable (`perfsheet COMMAND: cannot find the file …`).
 */
export async function readInputFile(
  command: string,
  file: string,
  io: CliIo,
): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === "ENOENT" ? "file_not_found" : "file_unreadable";
    io.err(`perfsheet ${command}: ${formatMessage(code, { file })}`);
    return undefined;
  }
}

/**
 * The cells of an input workbook (read by the fast reader of hosts/file/stream), or undefined
 * after saying on stderr that the file is missing or is not an .xlsx workbook.
 */
export async function readInputWorkbook(
  command: string,
  file: string,
  io: CliIo,
): Promise<RawWorkbook | undefined> {
  const bytes = await readInputFile(command, file, io);
  if (!bytes) return undefined;
  try {
    return readXlsxFast(bytes, file).raw;
  } catch (e) {
    if (!(e instanceof WorkbookFileError)) throw e;
    io.err(`perfsheet ${command}: ${formatMessage("file_unreadable", { file })}`);
    return undefined;
  }
}
