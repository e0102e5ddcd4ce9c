import type { LoadedIncident } from "../../github/load-incident.js";
import type { IncidentState } from "../../incident/incident-state.js";
import { executionToStart } from "../../runbooks/decide/execution-to-start.js";
import { runbookEntries } from "../../runbooks/decide/runbook-entries.js";
import { runbookIncidentOf } from "../../runbooks/decide/runbook-incident-of.js";
import type { ExecutionState } from "../../runbooks/engine/execution-state.js";
import type { RunbookEvent } from "../../runbooks/engine/runbook-event.js";
import { executionsToReport } from "../../runbooks/recovery/reported-outcomes.js";
import type { RunbookIncident } from "../../runbooks/runbook-incident.js";
import type { Runbook } from "../../runbooks/schema.js";
import type { EventScope } from "../event-scope.js";
import { openRecoveryReport } from "../recovery/open-recovery-report.js";
import type { EffectContext } from "./apply-runbook-effect.js";
import { driveExecution, type DriveResult } from "./drive-execution.js";
import { listExecutions, type StoredExecution } from "./execution-store.js";
import { loadRunbookFile } from "./runbook-files.js";

/** What a runbook sees of the incident: taken once, when the execution starts. */
export function runbookIncident(
  scope: EventScope,
  loaded: LoadedIncident,
  state: IncidentState,
): RunbookIncident {
  return runbookIncidentOf(loaded.issue, state.services, scope.names, scope.config.default_severity);
}

/**
 * Starts a runbook on the incident, unless its n-th execution already has a comment (a
 * redelivery, or a card write that was lost): then that one is returned untouched.
 */
export async function startRunbook(
  ctx: EffectContext,
  file: { path: string; runbook: Runbook },
  sha: string,
  by: string,
  incident: RunbookIncident,
  existing: readonly StoredExecution[],
  n: number,
): Promise<ExecutionState> {
  const start = executionToStart({ issue: ctx.issue, file, sha, incident, existing, n });
  if (!start.isNew) return start.state;
  return (await driveExecution(ctx, file.runbook, start.state, [{ type: "start", by }])).state;
}

/**
 * Advances a stored execution with the runbook as it was when it started (its commit), so
 * a change merged mid-incident never alters a running plan.
 */
export async function advanceStored(
  ctx: EffectContext,
  stored: StoredExecution,
  events: RunbookEvent[],
): Promise<DriveResult | { error: string }> {
  const file = await loadRunbookFile(ctx.scope, stored.state.file, stored.state.sha);
  if (!file.runbook)
    return {
      error: `\`${stored.state.file}\` at \`${stored.state.sha.slice(0, 12)}\` no longer loads: ${file.errors[0]?.message ?? "unknown error"}`,
    };
  return driveExecution(ctx, file.runbook, stored.state, events);
}

/** Every running execution on the incident gets a `tick`: timeouts fail when any event for the incident arrives. */
export async function tickRunbooks(
  ctx: EffectContext,
  executions: readonly StoredExecution[],
): Promise<ExecutionState[]> {
  const changed: ExecutionState[] = [];
  for (const stored of executions.filter((e) => e.state.status === "running")) {
    const result = await advanceStored(ctx, stored, [{ type: "tick" }]);
    if ("state" in result && result.state !== stored.state) changed.push(result.state);
  }
  return changed;
}

/** Mirrors executions' status in the incident state and re-renders the card when anything changed. */
export async function recordExecutions(
  scope: EventScope,
  issue: number,
  executions: readonly ExecutionState[],
): Promise<void> {
  if (executions.length === 0) return;
  const loaded = await scope.incident(issue);
  if (!loaded.state) return;
  const comments = await listExecutions(scope.reads, issue);
  const runbooks = runbookEntries(
    loaded.state.runbooks,
    executions,
    (id) => comments.find((c) => c.state.executionId === id)?.commentId,
    scope.deps.now(),
  );
  if (runbooks) scope.recordState(issue, { ...loaded.state, runbooks });
  // After the card: the report reads the card afresh and adds its pull request to it.
  for (const execution of executionsToReport(executions))
    await openRecoveryReportSafely(scope, issue, execution);
}

/** A report that cannot be opened must not undo the run it reports on: logged, and said on the incident. */
async function openRecoveryReportSafely(
  scope: EventScope,
  issue: number,
  execution: ExecutionState,
): Promise<void> {
  try {
    await openRecoveryReport(scope, issue, execution);
  } catch (error) {
    scope.log.error(
      { err: error, delivery: scope.deliveryId, issue, execution: execution.executionId },
      "the recovery report could not be opened",
    );
    await scope.apply([
      {
        kind: "createComment",
        issue,
        key: `recovery-report-failed-${execution.executionId}`,
        body: `⚠️ The recovery report of \`${execution.runbook}\` could not be opened (GitHub refused or failed; the error is logged with delivery \`${scope.deliveryId}\`).`,
      },
    ]);
  }
}
