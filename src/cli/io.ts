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
