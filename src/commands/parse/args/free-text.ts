import { tokenizeArguments } from "../tokenize-arguments.js";

/** Longest free text kept from one command (a note, an update, a resolution). */
export const MAX_TEXT_LENGTH = 1_000;

/**
 * The text after the first `skip` arguments. A single quoted argument is unquoted
 * (`/status identified "db failover"` gives `db failover`); anything else is kept as typed.
 */
export function textAfter(rest: string, skip: number): string {
  const tokens = tokenizeArguments(rest);
  const remaining = tokens.slice(skip);
  const first = remaining[0];
  if (!first) return "";
  if (remaining.length === 1) return first.value.trim();
  return rest.slice(first.start).trim();
}
