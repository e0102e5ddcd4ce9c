import type { IncidentReads } from "../../github/incident-reads.js";
import { readDataBlock } from "../../markdown/hidden-block.js";
import { parseExecutionState, type ExecutionState } from "../../runbooks/engine/execution-state.js";
import { EXECUTION_BLOCK } from "../../runbooks/engine/render-execution-comment.js";

/** The marker key of an execution's comment. */
export const executionKey = (executionId: string): string => `runbook:${executionId}`;

/** An execution as stored in its comment. */
export interface StoredExecution {
  commentId: number;
  state: ExecutionState;
}

/** Every runbook execution on an issue, from the delivery's one listing of its comments (only the app's own comments count). */
export async function listExecutions(reads: IncidentReads, issue: number): Promise<StoredExecution[]> {
  const comments = await reads.issueComments(issue);
  return comments.flatMap((c) => {
    if (!c.byApp) return [];
    const state = parseExecutionState(readDataBlock(c.body, EXECUTION_BLOCK));
    return state && state.incident.number === issue ? [{ commentId: c.id, state }] : [];
  });
}

/** The execution and step a correlation id (`fw<issue>-<runbook>-<n>.<step>`) names, if it is well formed. */
export function parseCorrelationId(
  text: string,
): { correlationId: string; executionId: string; issue: number } | undefined {
  const match = /\b(fw(\d{1,9})-[a-z0-9-]{1,60}-\d{1,4})\.([a-z0-9][a-z0-9_-]{0,62})\b/.exec(text);
  if (!match) return undefined;
  return {
    correlationId: `${match[1]}.${match[3]}`,
    executionId: match[1]!,
    issue: Number(match[2]),
  };
}

/** The id of an issue's n-th execution of a runbook: stable, so a redelivery finds the same comment. */
export function executionIdFor(issue: number, runbook: string, n: number): string {
  return `fw${issue}-${runbook}-${n}`;
}
