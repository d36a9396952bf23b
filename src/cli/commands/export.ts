/**
 * `perfsheet export FILE --per-employee -o DIR`: one review file per employee, each holding
 * only that person's data (SPEC §8), named `<employee_id>.xlsx`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatMessage } from "../../core/messages";
import { writePlanToXlsx } from "../../hosts/file/render-xlsx";
import { personalPlans } from "../../workbook/export";
import { runCycle, readUserEdits } from "../../workbook/pipeline";
import { formatProblem } from "../../workbook/problems";
import { parseCommandArgs, readInputWorkbook, UsageError, type CliCommand } from "../io";

const USAGE = "export FILE --per-employee -o DIR  one personal review file per employee";

/** An employee id as a safe file name. */
function fileNameOf(id: string): string {
  return id.replace(/[^\p{L}\p{N}_.-]/gu, "_") + ".xlsx";
}

export const exportCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseCommandArgs(args, {
        "per-employee": { type: "boolean" },
        output: { type: "string", short: "o" },
        today: { type: "string" },
      });
      if (parsed.positionals.length !== 1) throw new UsageError("give one FILE");
      if (!parsed.values["per-employee"]) throw new UsageError("--per-employee is required");
      if (!parsed.values.output) throw new UsageError("-o DIR is required");
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.err(`perfsheet export: ${e.message}\nUsage: perfsheet ${USAGE}`);
      return 2;
    }
    const file = parsed.positionals[0];
    const dir = parsed.values.output;
    const raw = await readInputWorkbook("export", file, io);
    if (!raw) return 1;
    const outcome = runCycle(raw, { today: parsed.values.today });
    if (!outcome.ok) {
      for (const p of outcome.problems) io.err(formatProblem(p));
      return 1;
    }
    await mkdir(dir, { recursive: true });
    const plans = personalPlans(outcome.run, readUserEdits(raw));
    for (const [i, { employeeId, plan }] of plans.entries()) {
      await writeFile(path.join(dir, fileNameOf(employeeId)), await writePlanToXlsx(plan));
      if ((i + 1) % 50 === 0 || i + 1 === plans.length) io.err(`[${i + 1}/${plans.length}] ${employeeId}`);
    }
    io.err(formatMessage("export_ok", { count: plans.length, dir }, outcome.run.lang));
    return 0;
  },
};
