import type { Permission } from "../../../config/schema.js";
import { inlineCode } from "../../../markdown/index.js";
import { ok, usageError, type CommandSpec } from "../command-spec.js";
import { STEP_ID } from "./step.js";

export interface ApproveArgs {
  stepId: string;
}

const usage = "/approve <step-id>";

/** `/approve approve-rollback`: needs the configured `permissions.approve` role. */
export function approveCommand(permission: Permission): CommandSpec<ApproveArgs> {
  return {
    name: "approve",
    usage,
    summary: "Approve a runbook approval step.",
    permission,
    parse(args) {
      const stepId = args[0]?.toLowerCase();
      if (!stepId)
        return usageError(usage, "Name the approval step, by the id shown in the runbook comment.");
      if (!STEP_ID.test(stepId))
        return usageError(usage, `${inlineCode(args[0]!)} is not a step id.`);
      if (args.length > 1) return usageError(usage, "Approve one step at a time.");
      return ok({ stepId });
    },
  };
}
