import { Command, CommanderError } from "commander";
import type { CliCommand, CliIo } from "./cli-command.js";

/** The documented exit code of every usage error: unknown option or command, missing argument, bad value. */
export const USAGE_ERROR = 2;

export interface ProgramOptions {
  commands: readonly CliCommand[];
  /** Answers `--version`; empty for none. */
  version: string;
}

/** Parses `argv` (without node and the script) with commander, runs the command, returns the exit code. Never throws. */
export async function runProgram(argv: readonly string[], io: CliIo, { commands, version }: ProgramOptions): Promise<number> {
  let code = 0;
  // commander writes whole blocks ending in a newline; io prints lines.
  const output = { writeOut: (s: string) => io.stdout(s.replace(/\n$/, "")), writeErr: (s: string) => io.stderr(s.replace(/\n$/, "")) };
  const program = new Command("firewatch")
    .description("Incident response inside GitHub: check runbooks, preview postmortems, report incident metrics.")
    .exitOverride()
    .helpOption("-h, --help", "show this help")
    .configureOutput({ ...output, outputError: (s, write) => write(`${explain(program, s)}\n`) });
  if (version) program.version(version, "-V, --version", "print the version of firewatch");
  for (const spec of commands) {
    const command = program.command(spec.name);
    spec.define(command);
    command.configureOutput({ outputError: (s, write) => write(`${explain(command, s)}\n`) }).action(async (...params: unknown[]) => {
      const parsed = params.at(-1) as Command;
      code = await spec.execute({ args: parsed.args, options: parsed.opts(), usageError: (problem) => usageError(command, problem, io) }, io);
    });
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : USAGE_ERROR;
    io.stderr(`firewatch ${argv[0]}: ${error instanceof Error ? error.message : String(error)}`);
    return USAGE_ERROR;
  }
}

function usageError(command: Command, problem: string, io: CliIo): number {
  io.stderr(explain(command, problem));
  return USAGE_ERROR;
}

/** `firewatch metrics: <problem>` then the usage line and where the help is, all from the command's definition. */
function explain(command: Command, problem: string): string {
  const path = command.parent ? `${command.parent.name()} ${command.name()}` : command.name();
  return `${path}: ${problem.replace(/^error: /, "").replace(/\n$/, "")}\nusage: ${path} ${command.usage()}\n(${path} --help ${command.parent ? "shows every option" : "lists the commands"})`;
}
