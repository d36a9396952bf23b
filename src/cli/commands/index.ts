import type { CliCommand } from "../io";
import { demoCommand } from "./demo";
import { exportCommand } from "./export";
import { fnCommand } from "./fn";
import { initCommand } from "./init";
import { portableCommand } from "./portable";
import { runCommand } from "./run";
import { validateCommand } from "./validate";

/** Every CLI command, by name. Add a command by adding its module here. */
export const COMMANDS: Record<string, CliCommand> = {
  init: initCommand,
  validate: validateCommand,
  run: runCommand,
  demo: demoCommand,
  export: exportCommand,
  fn: fnCommand,
  portable: portableCommand,
};
