import type { Permission } from "../../../config/schema.js";
import { inlineCode } from "../../../markdown/index.js";
import { ok, usageError, type CommandSpec } from "../command-spec.js";
import { MAX_TEXT_LENGTH, textAfter } from "./free-text.js";

export interface StepArgs {
  stepId: string;
  /** `done` (the step succeeded) or `fail`. */
  outcome: "succeeded" | "failed";
  note?: string;
}

const usage = "/step <done|fail> <step-id> [note]";
/** A runbook step id (see src/runbooks/schema.ts). */
export const STEP_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** `/step done confirm-regression eval scores are 12% down`: completes a manual step. */
export function stepCommand(permission: Permission): CommandSpec<StepArgs> {
  return {
    name: "step",
    usage,
    summary: "Mark a manual runbook step done (or failed), with an optional note.",
    permission,
    parse(args, rest) {
      const verb = args[0]?.toLowerCase();
      if (verb !== "done" && verb !== "fail")
        return usageError(
          usage,
          verb
            ? `${inlineCode(args[0]!)} is not \`done\` or \`fail\`.`
            : "Say `done` and the step id.",
        );
      const stepId = args[1]?.toLowerCase();
      if (!stepId)
        return usageError(usage, "Name the step, by the id shown in the runbook comment.");
      if (!STEP_ID.test(stepId))
        return usageError(usage, `${inlineCode(args[1]!)} is not a step id.`);
      const note = textAfter(rest, 2);
      if (note.length > MAX_TEXT_LENGTH)
        return usageError(usage, `The note is longer than ${MAX_TEXT_LENGTH} characters.`);
      return ok({
        stepId,
        outcome: verb === "done" ? "succeeded" : "failed",
        ...(note ? { note } : {}),
      });
    },
  };
}
