import type { Context } from "probot";
import type { AppDeps } from "../../app/deps.js";
import type { EventScope } from "../event-scope.js";
import { openScope } from "../event-scope.js";
import type { EffectContext } from "./apply-runbook-effect.js";
import { listExecutions, parseCorrelationId, type StoredExecution } from "./execution-store.js";
import { runningIncidentsOf, tickIncidents } from "./tick-incidents.js";
import { advanceStored, recordExecutions } from "./incident-runbooks.js";
import {
  carriesRun,
  stepOfWorkflowRun,
  type RunTrust,
} from "../../runbooks/decide/step-of-workflow-run.js";
import { appLoginOf } from "../../github/app-author.js";
import { loadRunbookFile } from "./runbook-files.js";
import { TICK_WORKFLOW } from "../route-event.js";

/**
 * `workflow_run.completed`: finds the step waiting for this run — by the correlation id in
 * the run's title (which names the incident, so one issue is read), else by the run id the
 * dispatch returned, among open incidents — and advances its execution. A run that is no
 * step's (CI, or the scheduled `firewatch-tick.yml` that exists for this) is a clock tick:
 * the open incidents with running runbooks are ticked, so timeouts fail and update
 * reminders are posted even when nobody touches the incident. Not behind the own-event
 * guard: the sender of a run the app dispatched is the app itself.
 */
export async function onWorkflowRun(
  context: Context<"workflow_run.completed">,
  deps: AppDeps,
): Promise<void> {
  const run = context.payload.workflow_run;
  const correlation = parseCorrelationId(`${run.display_title ?? ""} ${run.name ?? ""}`);
  const scope = await openScope(context, deps);
  const defaultBranch = context.payload.repository.default_branch;
  // The pipeline holds the lock of the incident a correlation id names.
  if (correlation) return advanceRun(scope, correlation.issue, run, defaultBranch, correlation);
  // Otherwise the incidents are found by reading, and each is locked before it is touched.
  const open = await runningIncidentsOf(scope);
  const owner = open.find((i) => i.running.some((e) => carriesRun(e.state, run.id)));
  if (owner)
    return scope.lockIncident(owner.issue, () =>
      advanceRun(scope, owner.issue, run, defaultBranch, undefined),
    );
  if ((run.path ?? "").split("/").pop() === TICK_WORKFLOW)
    await tickIncidents(scope, open, context.payload.sender.login, defaultBranch);
}

type Run = Context<"workflow_run.completed">["payload"]["workflow_run"];

/** Advances the step waiting for this run on one incident (its lock held). */
async function advanceRun(
  scope: EventScope,
  issue: number,
  run: Run,
  defaultBranch: string,
  correlation: ReturnType<typeof parseCorrelationId>,
): Promise<void> {
  const executions = await listExecutions(scope.reads, issue);
  const trust = await runTrust(scope, executions, correlation);
  const step = stepOfWorkflowRun(executions, run, correlation, trust);
  if (!step) return;
  // The step ends when GitHub says the run completed.
  const ctx: EffectContext = { scope, issue, defaultBranch, at: run.updated_at };
  const result = await advanceStored(ctx, step.execution, [step.event]);
  if ("error" in result) {
    scope.log.warn(
      { delivery: scope.deliveryId, issue, reason: result.error },
      "a runbook could not continue",
    );
    return;
  }
  if (result.state.status !== step.execution.state.status)
    await recordExecutions(scope, issue, [result.state]);
}

/**
 * What a run must also be when its step has no run id from the dispatch: the app's own, of
 * the step's workflow file (read from the runbook at the execution's commit).
 */
async function runTrust(
  scope: EventScope,
  executions: readonly StoredExecution[],
  correlation: ReturnType<typeof parseCorrelationId>,
): Promise<RunTrust | undefined> {
  const execution = correlation
    ? executions.find((e) => e.state.executionId === correlation.executionId)
    : undefined;
  if (!execution) return undefined;
  const file = await loadRunbookFile(scope, execution.state.file, execution.state.sha);
  const steps = [...(file.runbook?.steps ?? []), ...(file.runbook?.rollback ?? [])];
  return {
    appLogin: appLoginOf(scope.octokit),
    workflowOf: (id) => {
      const run = steps.find((s) => s.id === id)?.run;
      return run?.kind === "workflow" ? run.workflow : undefined;
    },
  };
}
