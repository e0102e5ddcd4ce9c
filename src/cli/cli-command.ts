/** What a command may touch: injected so tests run it without a process or a real disk. */
export interface CliIo {
  cwd: string;
  stdout(line: string): void;
  stderr(line: string): void;
  readFile(path: string): Promise<string>;
  /** Files under a directory (recursively), or undefined when the path is not a directory. */
  listFiles(path: string): Promise<string[] | undefined>;
}

/** One `firewatch <name>` subcommand; add a module under commands/ and list it in main.ts. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
