import type { CliCommand } from "../io";
import { fnCommand } from "./fn";
import { initCommand } from "./init";
import { validateCommand } from "./validate";

/** Every CLI command, by name. Add a command by adding its module here. */
export const COMMANDS: Record<string, CliCommand> = {
  fn: fnCommand,
  init: initCommand,
  validate: validateCommand,
};
