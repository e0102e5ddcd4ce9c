import { statusOf } from "../../github/client.js";
import type { RunbookEvent } from "../../runbooks/engine/runbook-event.js";
import type { RunbookEffect } from "../../runbooks/runbook-effect.js";
import type { EventScope } from "../event-scope.js";
import { defaultBranch } from "./runbook-files.js";
import { performHttpCheck } from "./http-check.js";
import { followLifecycle } from "../follow-lifecycle.js";

export interface EffectContext {
  scope: EventScope;
  issue: number;
  /** The default branch, when the webhook said; otherwise asked of GitHub if a workflow needs it. */
  defaultBranch?: string;
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
  switch (effect.kind) {
    case "postComment":
      await scope.apply([{ kind: "createComment", issue, key: effect.key, body: effect.body }]);
      return undefined;
    case "setLabels": {
      await scope.apply([{ kind: "setLabels", issue, add: effect.add, remove: effect.remove }]);
      // The app ignores its own label events, so a status or severity label a step adds
      // goes through the lifecycle here, by the same rules as a person's label.
      for (const label of effect.add.filter(
        (l) => scope.names.isStatusLabel(l) || scope.names.isSeverityLabel(l),
      ))
        await followLifecycle(scope, issue, { kind: "labeled", label }, "firewatch");
      return undefined;
    }
    case "assign":
      await scope.apply([{ kind: "assign", issue, logins: effect.logins }]);
      return undefined;
    case "dispatchWorkflow":
      return dispatch(ctx, effect);
    case "httpCheck": {
      const result = await performHttpCheck(
        effect,
        scope.config.runbooks.http_allow,
        scope.deps.fetch ?? fetch,
      );
      return { type: "httpResult", correlationId: effect.correlationId, ...result };
    }
  }
}

/**
 * `workflow_dispatch` with `return_run_details`, so the run id comes back with the dispatch;
 * the correlation id is an input too, and the example workflow puts it in its run name.
 * A refused dispatch (no such workflow, no trigger) fails the step with GitHub's reason.
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
    const details = (data ?? {}) as { workflow_run_id?: number; html_url?: string };
    return {
      type: "workflowDispatched",
      correlationId: effect.correlationId,
      ...(details.workflow_run_id !== undefined ? { runId: details.workflow_run_id } : {}),
      ...(details.html_url !== undefined ? { url: details.html_url } : {}),
    };
  } catch (error) {
    const status = statusOf(error);
    if (status === undefined || status >= 500) throw error;
    const message =
      (error as { response?: { data?: { message?: string } } }).response?.data?.message ??
      "refused";
    return {
      type: "workflowCompleted",
      correlationId: effect.correlationId,
      runId: 0,
      conclusion: `not dispatched (${status}: ${message.slice(0, 120)})`,
    };
  }
}
