import type { CliCommand } from "./cli-command.js";
import { runProgram } from "./run-program.js";

/** A command from its definition and its body; `run` parses through the same program the CLI uses. */
export function defineCommand(spec: Omit<CliCommand, "run">): CliCommand {
  const command: CliCommand = { ...spec, run: (args, io) => runProgram([spec.name, ...args], io, { commands: [command], version: "" }) };
  return command;
}
