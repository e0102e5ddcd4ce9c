import { SEVERITIES, type Permission, type Severity } from "../../../config/schema.js";
import { inlineCode } from "../../../markdown/index.js";
import { ok, usageError, type CommandSpec } from "../command-spec.js";
import { MAX_TEXT_LENGTH, textAfter } from "./free-text.js";
import { listOf } from "./list-of.js";

export interface SeverityArgs {
  severity: Severity;
  reason?: string;
}

const usage = "/severity <severity> [reason]";

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** `/severity critical error rate above 50%`. */
export function severityCommand(permission: Permission): CommandSpec<SeverityArgs> {
  return {
    name: "severity",
    usage,
    summary: "Change the severity; `critical` mentions the escalation contacts.",
    permission,
    parse(args, rest) {
      const word = args[0]?.toLowerCase();
      if (!word) return usageError(usage, `Say which severity, one of ${listOf(SEVERITIES)}.`);
      if (!isSeverity(word))
        return usageError(
          usage,
          `${inlineCode(args[0]!)} is not a severity; use one of ${listOf(SEVERITIES)}.`,
        );
      const reason = textAfter(rest, 1);
      if (reason.length > MAX_TEXT_LENGTH)
        return usageError(usage, `The reason is longer than ${MAX_TEXT_LENGTH} characters.`);
      return ok(reason ? { severity: word, reason } : { severity: word });
    },
  };
}
