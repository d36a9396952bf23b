/**
 * `perfsheet validate FILE [--json]` (SPEC §9): reads the workbook and reports every located
 * problem. Exit 0 when valid (a short summary line), 1 when there are errors or the file
 * cannot be read, 2 for bad usage.
 */
import { formatMessage } from "../../core/messages";
import { loadModel } from "../../workbook/load";
import { formatProblem, hasErrors } from "../../workbook/problems";
import { readInputWorkbook, type CliCommand, type CliIo } from "../io";

const USAGE = "validate FILE [--json]  check an input workbook and list its problems";

function usage(io: CliIo, text: string): number {
  io.err(`perfsheet validate: ${text}\nUsage: perfsheet ${USAGE}`);
  return 2;
}

export const validateCommand: CliCommand = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const json = args.includes("--json");
    const unknown = args.find((a) => a.startsWith("-") && a !== "--json");
    if (unknown) return usage(io, `unknown option ${unknown}`);
    const files = args.filter((a) => !a.startsWith("-"));
    if (files.length !== 1) return usage(io, files.length === 0 ? "FILE is missing" : "give one FILE");
    const file = files[0];

    const raw = await readInputWorkbook("validate", file, io);
    if (!raw) return 1;

    const { model, problems, lang } = loadModel(raw);
    if (json) io.out(JSON.stringify(problems, null, 2));
    else for (const problem of problems) io.err(formatProblem(problem));
    if (!model || hasErrors(problems)) return 1;
    if (!json) {
      const warnings = problems.filter((p) => p.severity === "warning").length;
      io.out(
        formatMessage(
          "validate_ok",
          {
            file,
            employees: model.employees.length,
            kpis: model.kpis.length,
            positions: model.positions.length,
            tasks: model.tasks.length,
            actuals: model.actuals.length,
            ratings: model.feedback.length,
            warnings,
          },
          lang,
        ),
      );
    }
    return 0;
  },
};
