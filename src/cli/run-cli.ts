import type { CliCommand, CliIo } from "./cli-command.js";
import { dryRunCommand } from "./commands/dry-run.js";
import { metricsCommand } from "./commands/metrics.js";
import { renderCommand } from "./commands/render.js";
import { validateCommand } from "./commands/validate.js";
import { packageVersion } from "./package-version.js";
import { runProgram } from "./run-program.js";

/** Every subcommand, in the order the help lists them. */
export const COMMANDS: readonly CliCommand[] = [validateCommand, dryRunCommand, metricsCommand, renderCommand];

/** Runs `firewatch <command> …` and returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  return runProgram(argv, io, { commands, version: packageVersion() });
}
