import type { Permission } from "../../../config/schema.js";
import { isStatus, STATUSES, type Status } from "../../../incident/lifecycle.js";
import { inlineCode } from "../../../markdown/index.js";
import { ok, usageError, type CommandSpec } from "../command-spec.js";
import { MAX_TEXT_LENGTH, textAfter } from "./free-text.js";
import { listOf } from "./list-of.js";

export interface StatusArgs {
  status: Status;
  reason?: string;
}

const usage = "/status <status> [reason]";

/** `/status identified the GPU pool ran out of memory`: whether the move is allowed is decided later. */
export function statusCommand(permission: Permission): CommandSpec<StatusArgs> {
  return {
    name: "status",
    usage,
    summary: "Move the incident to another status (the same rules as the status labels).",
    permission,
    parse(args, rest) {
      const word = args[0]?.toLowerCase();
      if (!word) return usageError(usage, `Say which status, one of ${listOf(STATUSES)}.`);
      if (!isStatus(word))
        return usageError(
          usage,
          `${inlineCode(args[0]!)} is not a status; use one of ${listOf(STATUSES)}.`,
        );
      const reason = textAfter(rest, 1);
      if (reason.length > MAX_TEXT_LENGTH)
        return usageError(usage, `The reason is longer than ${MAX_TEXT_LENGTH} characters.`);
      return ok(reason ? { status: word, reason } : { status: word });
    },
  };
}
