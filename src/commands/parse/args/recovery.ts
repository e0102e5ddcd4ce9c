import type { Permission } from "../../../config/schema.js";
import { inlineCode } from "../../../markdown/index.js";
import { ok, usageError, type CommandSpec } from "../command-spec.js";
import { listOf } from "./list-of.js";

export const RECOVERY_ACTIONS = ["start", "list"] as const;

export type RecoveryArgs = { action: "list" } | { action: "start"; plan: string };

const usage = "/recovery start <plan> | /recovery list";
/** A runbook name (see src/runbooks/schema.ts). */
const NAME = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** `/recovery start restore-inference-capacity`, `/recovery list`. */
export function recoveryCommand(permission: Permission): CommandSpec<RecoveryArgs> {
  return {
    name: "recovery",
    usage,
    summary: "Start a recovery plan (a `kind: recovery` runbook) on this incident, or list them.",
    permission,
    parse(args) {
      const action = args[0]?.toLowerCase();
      if (!action) return usageError(usage, `Say what to do: ${listOf(RECOVERY_ACTIONS)}.`);
      if (!(RECOVERY_ACTIONS as readonly string[]).includes(action))
        return usageError(
          usage,
          `${inlineCode(args[0]!)} is not a recovery action; use ${listOf(RECOVERY_ACTIONS)}.`,
        );
      if (action === "list")
        return args.length > 1
          ? usageError(usage, "`/recovery list` takes no arguments.")
          : ok({ action: "list" });
      const plan = args[1]?.toLowerCase();
      if (!plan) return usageError(usage, "Name the recovery plan to start.");
      if (!NAME.test(plan))
        return usageError(
          usage,
          `${inlineCode(args[1]!)} is not a plan name (lowercase letters, digits and \`-\`).`,
        );
      if (args.length > 2) return usageError(usage, "Name one recovery plan.");
      return ok({ action: "start", plan });
    },
  };
}
