import type { ApproveArgs } from "../../commands/parse/args/approve.js";
import type { StepArgs } from "../../commands/parse/args/step.js";
import { permissionAtLeast } from "../../config/permission-at-least.js";
import { getPermission } from "../../github/get-permission.js";
import type { Permission } from "../../config/schema.js";
import { executionWaitingOn } from "../../runbooks/commands/execution-waiting-on.js";
import type { RunbookEvent } from "../../runbooks/engine/runbook-event.js";
import type { EventScope } from "../event-scope.js";
import { listExecutions } from "./execution-store.js";
import { advanceStored, recordExecutions } from "./incident-runbooks.js";
import type { CommandOutcome } from "./runbook-commands.js";

/** `/step done <id> [note]` (or `fail`): completes a running manual step of a running runbook. */
export function runStepCommand(
  scope: EventScope,
  issue: number,
  args: StepArgs,
  actor: string,
  at?: string,
): Promise<CommandOutcome> {
  return completeStep(
    scope,
    issue,
    args.stepId,
    actor,
    at,
    scope.config.permissions.commands,
    (by) => ({
      type: "stepCompleted",
      stepId: args.stepId,
      by,
      outcome: args.outcome,
      ...(args.note ? { note: args.note } : {}),
    }),
  );
}

/** `/approve <id>`: approves a waiting approval step; needs `permissions.approve`. */
export function runApproveCommand(
  scope: EventScope,
  issue: number,
  args: ApproveArgs,
  actor: string,
  at?: string,
): Promise<CommandOutcome> {
  return completeStep(scope, issue, args.stepId, actor, at, scope.config.permissions.approve, (by) => ({
    type: "approval",
    stepId: args.stepId,
    by,
  }));
}

export { runStepCommand as stepCommand, runApproveCommand as approveCommand };

async function completeStep(
  scope: EventScope,
  issue: number,
  stepId: string,
  actor: string,
  at: string | undefined,
  needed: Permission,
  event: (by: string) => RunbookEvent,
): Promise<CommandOutcome> {
  if (!permissionAtLeast(await getPermission(scope.octokit, scope.repo, actor), needed)) {
    return {
      ok: false,
      reply: `@${actor} this needs at least \`${needed}\` access to the repository.`,
    };
  }
  const found = executionWaitingOn(await listExecutions(scope.reads, issue), stepId);
  if ("reply" in found) return { ok: false, reply: found.reply };
  const stored = found.execution;
  const result = await advanceStored({ scope, issue, ...(at ? { at } : {}) }, stored, [event(actor)]);
  if ("error" in result) return { ok: false, reply: result.error };
  if (result.ignored) return { ok: false, reply: `Nothing changed: ${result.ignored}.` };
  if (result.state.status !== stored.state.status)
    await recordExecutions(scope, issue, [result.state]);
  return { ok: true };
}
