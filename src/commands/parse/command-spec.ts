import type { Permission } from "../../config/schema.js";

export type ArgsResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * One slash command as the parser knows it. `parse` checks the arguments only (no I/O):
 * whether `@nobody` exists or a transition is allowed is for the command to decide later.
 * An error is Markdown, safe to post as-is, and ends with the correct form.
 */
export interface CommandSpec<T = unknown> {
  /** Name without the slash (`status`). */
  name: string;
  /** The correct form, e.g. `/status <status> [reason]`. */
  usage: string;
  /** One line for `/help`. */
  summary: string;
  /** Minimum repository role (`role_name`) that may run it. */
  permission: Permission;
  parse(args: readonly string[], rest: string): ArgsResult<T>;
}

export const ok = <T>(value: T): ArgsResult<T> => ({ ok: true, value });

/** A Markdown error: what was wrong, then the usage. `problem` must already be safe Markdown. */
export function usageError(usage: string, problem: string): { ok: false; error: string } {
  return { ok: false, error: `${problem} Usage: \`${usage}\`` };
}
