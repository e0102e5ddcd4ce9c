import { issueEffectOf } from "../../runbooks/decide/issue-effect-of.js";
import { advanceRunbook } from "../../runbooks/engine/advance-runbook.js";
import type { ExecutionState } from "../../runbooks/engine/execution-state.js";
import type { RunbookEvent } from "../../runbooks/engine/runbook-event.js";
import type { Runbook } from "../../runbooks/schema.js";
import { applyRunbookEffect, type EffectContext } from "./apply-runbook-effect.js";

export interface DriveResult {
  state: ExecutionState;
  /** Why the first event changed nothing, for a reply. */
  ignored?: string;
}

/** A runbook cannot feed itself more events than it has steps, twice over; this bounds a bug. */
const MAX_EVENTS = 250;

/**
 * Feeds events to the engine and carries out what it asks. The execution comment is written
 * before anything outside is done (write-ahead), so a crash or restart never repeats a
 * dispatch: the step is already marked running with its correlation id. Dispatch and HTTP
 * outcomes are fed back as events until the execution waits on the outside world.
 */
export async function driveExecution(
  ctx: EffectContext,
  runbook: Runbook,
  initial: ExecutionState,
  events: readonly RunbookEvent[],
): Promise<DriveResult> {
  const queue = [...events];
  let state = initial;
  let ignored: string | undefined;
  for (let count = 0; queue.length > 0 && count < MAX_EVENTS; count++) {
    const event = queue.shift()!;
    const when = count === 0 && ctx.at ? new Date(ctx.at) : ctx.scope.deps.now();
    const result = advanceRunbook(runbook, state, event, when);
    if (count === 0) ignored = result.ignored;
    state = result.state;
    const comment = result.effects.find((e) => e.kind === "upsertExecutionComment");
    if (comment) await ctx.scope.apply([issueEffectOf(ctx.issue, comment)]);
    for (const effect of result.effects) {
      if (effect.kind === "upsertExecutionComment") continue;
      const feedback = await applyRunbookEffect(ctx, effect);
      if (feedback) queue.push(feedback);
    }
  }
  return { state, ...(ignored ? { ignored } : {}) };
}
