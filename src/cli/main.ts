/**
 * `perfsheet` command line (SPEC §9). Each command lives in cli/commands/<name>.ts and is
 * listed in COMMANDS. Exit codes: 0 ok, 1 invalid input, 2 usage.
 */
import { COMMANDS } from "./commands";
import { usageText, CliIo, nodeIo } from "./io";

export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(usageText(COMMANDS));
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`perfsheet: unknown command "${name}"\n\n${usageText(COMMANDS)}`);
    return 2;
  }
  return command.run(rest, io);
}
