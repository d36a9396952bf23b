import type { CliCommand } from "../io";

/** Every CLI command, by name. Add a command by adding its module here. */
export const COMMANDS: Record<string, CliCommand> = {};
