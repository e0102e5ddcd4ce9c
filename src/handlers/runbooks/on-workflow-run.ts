import type { Context } from "probot";
import type { AppDeps } from "../../app/deps.js";
import type { GitHubClient, RepoRef } from "../../github/client.js";
import { openScope } from "../event-scope.js";
import type { EffectContext } from "./apply-runbook-effect.js";
import { listExecutions, parseCorrelationId, type StoredExecution } from "./execution-store.js";
import { advanceStored, recordExecutions } from "./incident-runbooks.js";

/** Open incidents searched for a run whose title carries no correlation id. */
const MAX_INCIDENTS_SEARCHED = 20;

/**
 * `workflow_run.completed`: finds the step waiting for this run — by the correlation id in
 * the run's title (which names the incident, so one issue is read), else by the run id the
 * dispatch returned, among open incidents — and advances its execution. Runs Firewatch did
 * not dispatch are ignored. Not behind the own-event guard: the sender of a run the app
 * dispatched is the app itself.
 */
export async function onWorkflowRun(
  context: Context<"workflow_run.completed">,
  deps: AppDeps,
): Promise<void> {
  const run = context.payload.workflow_run;
  const correlation = parseCorrelationId(`${run.display_title ?? ""} ${run.name ?? ""}`);
  const scope = await openScope(context, deps);
  const found = correlation
    ? (await listExecutions(scope.octokit, scope.repo, correlation.issue)).find(
        (e) => e.state.executionId === correlation.executionId,
      )
    : await findByRunId(scope.octokit, scope.repo, scope.names.incident, run.id);
  if (!found) return;
  const slot = [...found.state.steps, ...found.state.rollback].find((s) =>
    correlation ? s.correlationId === correlation.correlationId : s.runId === run.id,
  );
  if (!slot?.correlationId) return;
  const issue = found.state.incident.number;
  const ctx: EffectContext = {
    scope,
    issue,
    defaultBranch: context.payload.repository.default_branch,
  };
  const result = await advanceStored(ctx, found, [
    {
      type: "workflowCompleted",
      correlationId: slot.correlationId,
      runId: run.id,
      conclusion: run.conclusion ?? "unknown",
      url: run.html_url,
    },
  ]);
  if ("error" in result) {
    scope.log.warn(
      { delivery: scope.deliveryId, issue, reason: result.error },
      "a runbook could not continue",
    );
    return;
  }
  if (result.state.status !== found.state.status)
    await recordExecutions(scope, issue, [result.state]);
}

async function findByRunId(
  octokit: GitHubClient,
  repo: RepoRef,
  label: string,
  runId: number,
): Promise<StoredExecution | undefined> {
  const { data: issues } = await octokit.rest.issues.listForRepo({
    ...repo,
    state: "open",
    labels: label,
    per_page: MAX_INCIDENTS_SEARCHED,
  });
  for (const issue of issues) {
    const match = (await listExecutions(octokit, repo, issue.number)).find(
      (e) =>
        e.state.status === "running" &&
        [...e.state.steps, ...e.state.rollback].some((s) => s.runId === runId),
    );
    if (match) return match;
  }
  return undefined;
}
