import { statusOf } from "../../github/client.js";
import { dispatchOutcomeEvent } from "../../runbooks/decide/dispatch-outcome-event.js";
import { isIssueEffect, issueEffectOf } from "../../runbooks/decide/issue-effect-of.js";
import { labelsForLifecycle } from "../../runbooks/decide/labels-for-lifecycle.js";
import type { RunbookEvent } from "../../runbooks/engine/runbook-event.js";
import type { RunbookEffect } from "../../runbooks/runbook-effect.js";
import type { EventScope } from "../event-scope.js";
import { defaultBranch } from "./runbook-files.js";
import { performHttpCheck } from "./http-check.js";
import { resolveWithSystem } from "./resolve-host.js";
import { followLifecycle } from "../follow-lifecycle.js";

export interface EffectContext {
  scope: EventScope;
  issue: number;
  /** The default branch, when the webhook said; otherwise asked of GitHub if a workflow needs it. */
  defaultBranch?: string;
  /**
   * When GitHub says the event that drives the execution happened (a comment's creation, an
   * edit, a run's completion): the step times it sets are GitHub's, not the app's clock. What
   * the app then does itself (dispatches, checks) is timed by the app's clock.
   */
  at?: string;
}

/**
 * Carries out one runbook effect (not the execution comment: the driver writes that) and
 * returns the engine event its outcome is, for dispatches and HTTP checks.
 */
export async function applyRunbookEffect(
  ctx: EffectContext,
  effect: Exclude<RunbookEffect, { kind: "upsertExecutionComment" }>,
): Promise<RunbookEvent | undefined> {
  const { scope, issue } = ctx;
  if (isIssueEffect(effect)) {
    await scope.apply([issueEffectOf(issue, effect)]);
    if (effect.kind === "setLabels")
      for (const label of labelsForLifecycle(effect.add, scope.names))
        await followLifecycle(scope, issue, { kind: "labeled", label }, "firewatch");
    return undefined;
  }
  if (effect.kind === "dispatchWorkflow") return dispatch(ctx, effect);
  const result = await performHttpCheck(effect, scope.config.runbooks.http_allow, {
    fetch: scope.deps.fetch ?? fetch,
    resolve: scope.deps.resolve ?? resolveWithSystem,
    allowCidrs: scope.deps.httpAllowCidrs ?? [],
  });
  return { type: "httpResult", correlationId: effect.correlationId, ...result };
}

/**
 * `workflow_dispatch` with `return_run_details`, so the run id comes back with the dispatch;
 * the correlation id is an input too, and the example workflow puts it in its run name.
 */
async function dispatch(
  ctx: EffectContext,
  effect: Extract<RunbookEffect, { kind: "dispatchWorkflow" }>,
): Promise<RunbookEvent> {
  const { scope } = ctx;
  try {
    const ref = effect.ref ?? (await defaultBranch(scope, ctx.defaultBranch));
    const { data } = await scope.octokit.request(
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
      {
        ...scope.repo,
        workflow_id: effect.workflow,
        ref,
        inputs: effect.inputs,
        return_run_details: true,
        request: { retries: 0 },
      },
    );
    return dispatchOutcomeEvent(effect.correlationId, {
      ok: true,
      data: data as { workflow_run_id?: number; html_url?: string } | undefined,
    });
  } catch (error) {
    const refused = dispatchOutcomeEvent(effect.correlationId, {
      ok: false,
      status: statusOf(error),
      message: (error as { response?: { data?: { message?: string } } }).response?.data?.message,
    });
    if (!refused) throw error;
    return refused;
  }
}
