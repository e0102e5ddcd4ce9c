import { createExecution, type ExecutionState } from "../engine/execution-state.js";
import { executionIdFor } from "../execution-ids.js";
import type { RunbookIncident } from "../runbook-incident.js";
import type { Runbook } from "../schema.js";

export interface StartRequest {
  issue: number;
  file: { path: string; runbook: Runbook };
  /** The commit the runbook was read at: its version. */
  sha: string;
  incident: RunbookIncident;
  /** The executions already on the incident. */
  existing: readonly { state: ExecutionState }[];
  /** Which execution of this runbook on the incident this is (1 for the first). */
  n: number;
}

/**
 * The execution to start for the n-th run of a runbook: a new one, or — when the n-th
 * execution already has a comment (a redelivery, or a card write that was lost) — that one,
 * untouched, so nothing is started twice.
 */
export function executionToStart(request: StartRequest): { state: ExecutionState; isNew: boolean } {
  const { issue, file, sha, incident, existing, n } = request;
  const executionId = executionIdFor(issue, file.runbook.name, n);
  const found = existing.find((e) => e.state.executionId === executionId);
  if (found) return { state: found.state, isNew: false };
  const state = createExecution(file.runbook, { executionId, file: file.path, sha, incident });
  return { state, isNew: true };
}
