/**
 * `perfsheet portable FILE -o OUT.xlsx` (SPEC §9): writes a copy of the workbook whose PERF
 * formulas are native Excel formulas, for people without the add-in. Prints how many cells
 * were rewritten and lists the ones left as they were. Exit 0 when written, 1 when FILE
 * cannot be read, 2 for bad usage.
 */
import { writeFile } from "node:fs/promises";
import { formatMessage } from "../../core/messages";
import { makePortableXlsx } from "../../hosts/file/portable";
import { WorkbookFileError } from "../../hosts/file/read-xlsx";
import { parseCommandArgs, readInputFile, UsageError, type CliCommand } from "../io";

const USAGE = "portable FILE -o OUT.xlsx  replace PERF formulas by native Excel formulas";

export const portableCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseCommandArgs(args, { output: { type: "string", short: "o" } });
      if (parsed.positionals.length !== 1) throw new UsageError("give one FILE");
      if (!parsed.values.output) throw new UsageError("-o OUT.xlsx is required");
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.err(`perfsheet portable: ${e.message}\nUsage: perfsheet ${USAGE}`);
      return 2;
    }
    const file = parsed.positionals[0];
    const out = parsed.values.output;
    const bytes = await readInputFile("portable", file, io);
    if (!bytes) return 1;
    let report;
    try {
      report = await makePortableXlsx(bytes);
    } catch (e) {
      if (!(e instanceof WorkbookFileError)) throw e;
      io.err(`perfsheet portable: ${formatMessage("file_unreadable", { file })}`);
      return 1;
    }
    await writeFile(out, report.xlsx);
    for (const s of report.skipped) io.err(`${s.sheet}!${s.cell}: left as it is: ${s.reason}`);
    if (report.chartsDropped > 0) {
      io.err(
        `note: ${report.chartsDropped} chart(s) of ${file} are not in ${out} (the file writer cannot keep them).`,
      );
    }
    io.out(
      `${out}: ${report.rewritten} cell(s) now hold native formulas, ${report.helpers} helper cell(s), ` +
        `${report.skipped.length} left as they were.`,
    );
    return 0;
  },
};
