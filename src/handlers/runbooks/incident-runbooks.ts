import type { LoadedIncident } from "../../github/load-incident.js";
import type { IncidentState } from "../../incident/incident-state.js";
import { createExecution, type ExecutionState } from "../../runbooks/engine/execution-state.js";
import type { RunbookEvent } from "../../runbooks/engine/runbook-event.js";
import type { RunbookIncident } from "../../runbooks/runbook-incident.js";
import type { Runbook } from "../../runbooks/schema.js";
import type { EventScope } from "../event-scope.js";
import { openRecoveryReport, REPORTED_OUTCOMES } from "../recovery/open-recovery-report.js";
import { refreshCard } from "../refresh-card.js";
import type { EffectContext } from "./apply-runbook-effect.js";
import { driveExecution, type DriveResult } from "./drive-execution.js";
import { executionIdFor, listExecutions, type StoredExecution } from "./execution-store.js";
import { loadRunbookFile } from "./runbook-files.js";

/** What a runbook sees of the incident: taken once, when the execution starts. */
export function runbookIncident(
  scope: EventScope,
  loaded: LoadedIncident,
  state: IncidentState,
): RunbookIncident {
  const severity =
    loaded.issue.labels.map(scope.names.parseSeverity).find((s) => s !== undefined) ??
    scope.config.default_severity;
  return {
    number: loaded.issue.number,
    title: loaded.issue.title,
    severity,
    services: state.services,
    labels: loaded.issue.labels,
    url: loaded.issue.url,
  };
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
  const executionId = executionIdFor(ctx.issue, file.runbook.name, n);
  const found = existing.find((e) => e.state.executionId === executionId);
  if (found) return found.state;
  const created = createExecution(file.runbook, { executionId, file: file.path, sha, incident });
  return (await driveExecution(ctx, file.runbook, created, [{ type: "start", by }])).state;
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
  const runbooks = [...(loaded.state.runbooks ?? [])];
  for (const execution of executions) {
    const entry = {
      name: execution.runbook,
      executionId: execution.executionId,
      status: execution.status,
      startedAt: execution.startedAt ?? scope.deps.now().toISOString(),
      startedBy: execution.startedBy ?? "firewatch",
      ...(execution.endedAt ? { endedAt: execution.endedAt } : {}),
      ...withCommentId(
        comments.find((c) => c.state.executionId === execution.executionId)?.commentId,
      ),
    };
    const at = runbooks.findIndex((r) => r.executionId === execution.executionId);
    if (at === -1) runbooks.push(entry);
    else runbooks[at] = entry;
  }
  if (JSON.stringify(runbooks) !== JSON.stringify(loaded.state.runbooks ?? []))
    await refreshCard(scope, issue, { ...loaded.state, runbooks });
  // After the card: the report reads the card afresh and adds its pull request to it.
  for (const execution of executions) {
    if (execution.kind === "recovery" && REPORTED_OUTCOMES.has(execution.status))
      await openRecoveryReportSafely(scope, issue, execution);
  }
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

function withCommentId(id: number | undefined): { commentId?: number } {
  return id === undefined ? {} : { commentId: id };
}
