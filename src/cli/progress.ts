import type { CliIo } from "./io";

const STEPS: Record<string, string> = {
  read: "reading the workbook",
  compute: "computing scores, grades and bonuses",
  render: "writing the sheets",
  charts: "adding the charts",
  done: "done",
};

/** Progress lines on stderr, so stdout stays clean for data. */
export function stderrProgress(io: CliIo) {
  return (step: string, done: number, total: number) => io.err(`[${done}/${total}] ${STEPS[step] ?? step}`);
}
