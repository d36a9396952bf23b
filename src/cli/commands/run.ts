/**
 * `perfsheet run FILE -o OUT.xlsx [--json SUMMARY.json]` (SPEC §9): the one-click run on a
 * file. The input file is only read; the review workbook (input sheets + generated sheets)
 * goes to OUT. With any validation error nothing is written and exit is 1.
 */
import { writeFile } from "node:fs/promises";
import { formatMessage } from "../../core/messages";
import { collectAfter, fileTarget } from "../../hosts/file/stream/node";
import { runWorkbookStreaming } from "../../hosts/file/stream/run-stream";
import { WorkbookFileError } from "../../hosts/file/read-xlsx";
import { formatProblem } from "../../workbook/problems";
import type { Lang } from "../../workbook/schema";
import { parseCommandArgs, readInputFile, UsageError, type CliCommand, type CliIo } from "../io";
import { stderrProgress } from "../progress";

const USAGE = "run FILE -o OUT.xlsx [--json SUMMARY.json]  generate the review workbook";

/**
 * Runs the cycle on `bytes` and writes OUT (and the summary). Shared with `demo`. The review
 * workbook is streamed to OUT (hosts/file/stream): the input's parts copied as they are, the
 * generated sheets written from the plan; OUT appears only once complete.
 */
export async function runToFiles(
  bytes: Uint8Array,
  out: string,
  json: string | undefined,
  io: CliIo,
  opts: { lang?: Lang; today?: string } = {},
): Promise<number> {
  const outcome = runWorkbookStreaming(bytes, fileTarget(out), {
    ...opts,
    onProgress: stderrProgress(io),
    onLetGo: collectAfter,
  });
  if (!outcome.ok) {
    for (const p of outcome.problems) io.err(formatProblem(p));
    return 1;
  }
  for (const p of outcome.run.problems) io.err(formatProblem(p));
  if (json) await writeFile(json, JSON.stringify(outcome.run.summary, null, 2) + "\n");
  const s = outcome.run.summary;
  io.err(
    formatMessage(
      "run_ok",
      { out, employees: s.employees.length, sheets: outcome.run.deferredPlan.sheets.length },
      outcome.run.lang,
    ),
  );
  return 0;
}

export const runCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseCommandArgs(args, {
        output: { type: "string", short: "o" },
        json: { type: "string" },
        today: { type: "string" },
      });
      if (parsed.positionals.length !== 1) throw new UsageError("give one FILE");
      if (!parsed.values.output) throw new UsageError("-o OUT.xlsx is required");
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.err(`perfsheet run: ${e.message}\nUsage: perfsheet ${USAGE}`);
      return 2;
    }
    const file = parsed.positionals[0];
    const bytes = await readInputFile("run", file, io);
    if (!bytes) return 1;
    try {
      return await runToFiles(bytes, parsed.values.output, parsed.values.json, io, {
        today: parsed.values.today,
      });
    } catch (e) {
      if (!(e instanceof WorkbookFileError)) throw e;
      io.err(`perfsheet run: ${formatMessage("file_unreadable", { file })}`);
      return 1;
    }
  },
};
