import type { Permission } from "../../../config/schema.js";
import { inlineCode } from "../../../markdown/index.js";
import { ok, usageError, type CommandSpec } from "../command-spec.js";
import { listOf } from "./list-of.js";

export const RUNBOOK_ACTIONS = ["run", "list", "cancel", "test"] as const;
export type RunbookAction = (typeof RUNBOOK_ACTIONS)[number];

export type RunbookArgs = { action: "list" } | { action: "run" | "cancel" | "test"; name: string };

const usage = "/runbook <run|cancel|test> <name> | /runbook list";
const NAME = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** `/runbook run gpu-oom-inference`, `/runbook list`, `/runbook cancel <name>`, `/runbook test <name>`. */
export function runbookCommand(permission: Permission): CommandSpec<RunbookArgs> {
  return {
    name: "runbook",
    usage,
    summary: "Run, list, cancel or dry-run (`test`) the repository's runbooks on this incident.",
    permission,
    parse(args) {
      const action = args[0]?.toLowerCase();
      if (!action) return usageError(usage, `Say what to do: ${listOf(RUNBOOK_ACTIONS)}.`);
      if (!(RUNBOOK_ACTIONS as readonly string[]).includes(action))
        return usageError(
          usage,
          `${inlineCode(args[0]!)} is not a runbook action; use ${listOf(RUNBOOK_ACTIONS)}.`,
        );
      if (action === "list")
        return args.length > 1
          ? usageError(usage, "`/runbook list` takes no arguments.")
          : ok({ action: "list" });
      const name = args[1]?.toLowerCase();
      if (!name) return usageError(usage, `Name the runbook to ${action}.`);
      if (!NAME.test(name))
        return usageError(
          usage,
          `${inlineCode(args[1]!)} is not a runbook name (lowercase letters, digits and \`-\`).`,
        );
      if (args.length > 2) return usageError(usage, "Name one runbook.");
      return ok({ action: action as "run" | "cancel" | "test", name });
    },
  };
}
