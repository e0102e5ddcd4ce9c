import { permissionAtLeast, type RepositoryRole } from "../../config/permission-at-least.js";
import { inlineCode } from "../../markdown/index.js";
import {
  commandNames,
  type CommandArgs,
  type CommandName,
  type CommandRegistry,
} from "./command-registry.js";
import type { CommandSpec } from "./command-spec.js";
import type { ParsedCommand } from "./parse-commands.js";
import { suggest } from "./suggest-command.js";

export type CheckedCommand = {
  [K in CommandName]: {
    ok: true;
    name: K;
    args: CommandArgs[K];
    line: number;
    spec: CommandSpec<CommandArgs[K]>;
  };
}[CommandName];

export type CommandRejection =
  | { ok: false; reason: "unknown"; line: number; name: string; suggestion?: string; error: string }
  | { ok: false; reason: "forbidden"; line: number; name: string; error: string }
  | { ok: false; reason: "invalid"; line: number; name: string; error: string };

/**
 * Turns a parsed command into a runnable one, or into the reply its author should get:
 * an unknown name (with the closest known command), a role below the command's
 * permission (checked before the arguments, so nothing about them leaks), or arguments
 * that do not fit (with the correct form). Pure: the role comes from the caller.
 */
export function checkCommand(
  registry: CommandRegistry,
  parsed: ParsedCommand,
  role: RepositoryRole,
): CheckedCommand | CommandRejection {
  const { name, line } = parsed;
  const spec = (registry as Record<string, CommandSpec | undefined>)[name];
  if (!spec || !Object.hasOwn(registry, name)) {
    const suggestion = suggest(name, commandNames(registry));
    const hint = suggestion ? ` Did you mean \`/${suggestion}\`?` : " `/help` lists the commands.";
    return {
      ok: false,
      reason: "unknown",
      line,
      name,
      suggestion,
      error: `${inlineCode(`/${name}`)} is not a command.${hint}`,
    };
  }
  if (!permissionAtLeast(role, spec.permission)) {
    return {
      ok: false,
      reason: "forbidden",
      line,
      name,
      error: `Sorry, \`/${name}\` needs at least the **${spec.permission}** role in this repository.`,
    };
  }
  const result = spec.parse(parsed.args, parsed.rest);
  if (!result.ok) return { ok: false, reason: "invalid", line, name, error: result.error };
  return { ok: true, name, args: result.value, line, spec } as CheckedCommand;
}
