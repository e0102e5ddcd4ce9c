import { scanCommandLines, type LineProblem } from "./scan-command-lines.js";
import { tokenizeArguments } from "./tokenize-arguments.js";

/** One command as typed, before its arguments are checked against the registry. */
export interface ParsedCommand {
  /** The name without the slash, lower-cased (`/ACK` and `/ack` are the same command). */
  name: string;
  /** Arguments split at whitespace, quotes removed. */
  args: string[];
  /** The raw text after the name, trimmed: free-text commands (`/note`) read this. */
  rest: string;
  /** 1-based line number in the comment. */
  line: number;
}

export interface ParseOptions {
  /** Commands run from one comment; later ones are reported and never run. */
  maxCommands?: number;
  /** Longest command line, in characters. */
  maxLineLength?: number;
}

export interface ParsedComment {
  commands: ParsedCommand[];
  problems: LineProblem[];
}

export const DEFAULT_MAX_COMMANDS = 20;
export const DEFAULT_MAX_LINE_LENGTH = 2_000;

const NAME = /^\/([A-Za-z][A-Za-z0-9_-]*)(?=\s|$)/;

/**
 * Finds the slash commands in a comment: one per line, each line starting with `/` and a
 * name (`/` alone, `/ `, and paths such as `/usr/bin` are not commands), outside code
 * blocks and quotes. Pure and linear in the size of the comment.
 */
export function parseCommands(body: string, options: ParseOptions = {}): ParsedComment {
  const maxCommands = options.maxCommands ?? DEFAULT_MAX_COMMANDS;
  const { lines, problems, skipped, firstSkipped } = scanCommandLines(body, {
    maxLineLength: options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH,
    maxCommands,
  });
  const commands = lines.map(({ line, text }): ParsedCommand => {
    const match = NAME.exec(text)!;
    const rest = text.slice(match[0].length).trim();
    return {
      name: match[1]!.toLowerCase(),
      args: tokenizeArguments(rest).map((t) => t.value),
      rest,
      line,
    };
  });
  if (skipped > 0) {
    problems.push({
      line: firstSkipped,
      kind: "skipped",
      message: `${skipped.toLocaleString("en")} more command${skipped === 1 ? " was" : "s were"} not run (from line ${firstSkipped}): at most ${maxCommands} commands are run from one comment.`,
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return { commands, problems };
}
