import type { Permission } from "../../../config/schema.js";
import { inlineCode } from "../../../markdown/index.js";
import { ok, usageError, type CommandSpec } from "../command-spec.js";

export interface HelpArgs {
  /** One command to explain, without the slash. */
  command?: string;
}

const usage = "/help [command]";

/** `/help` lists what the commenter may run; `/help status` shows one command. */
export function helpCommand(
  permission: Permission,
  known: () => readonly string[],
): CommandSpec<HelpArgs> {
  return {
    name: "help",
    usage,
    summary: "List the commands you may use.",
    permission,
    parse(args) {
      const word = args[0]?.replace(/^\//, "").toLowerCase();
      if (!word) return ok({});
      if (!known().includes(word))
        return usageError(usage, `${inlineCode(args[0]!)} is not a command.`);
      return ok({ command: word });
    },
  };
}
