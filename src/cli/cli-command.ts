import type { Command } from "commander";

/** What a command may touch: injected so tests run it without a process or a real disk. */
export interface CliIo {
  cwd: string;
  stdout(line: string): void;
  stderr(line: string): void;
  readFile(path: string): Promise<string>;
  /** Files under a directory (recursively), or undefined when the path is not a directory. */
  listFiles(path: string): Promise<string[] | undefined>;
}

/** What commander parsed for one run of a command. */
export interface CliInput {
  /** The operands, in order (paths, the runbook, the report's name). */
  args: string[];
  /** Option values by camel-cased name, with their defaults filled in. */
  options: Record<string, unknown>;
  /** Prints `problem` with the command's usage line to stderr and returns exit code 2. */
  usageError(problem: string): number;
}

/** One `firewatch <name>` subcommand; add a module under commands/ and list it in run-cli.ts. */
export interface CliCommand {
  name: string;
  /**
   * Declares the description, arguments and options on commander's `command`: the one place
   * the command's usage is written. Help, `--help` and the usage line of every error come from it.
   */
  define(command: Command): void;
  /** Runs once the arguments are known to be well-formed; returns the process exit code. */
  execute(input: CliInput, io: CliIo): Promise<number>;
  /** `firewatch <name> …args` with this command alone; returns the exit code. Never throws. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
