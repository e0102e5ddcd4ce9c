import type { IncidentReads } from "../../github/incident-reads.js";
import { readDataBlock } from "../../markdown/hidden-block.js";
import { parseExecutionState, type ExecutionState } from "../../runbooks/engine/execution-state.js";
import { EXECUTION_BLOCK } from "../../runbooks/engine/render-execution-comment.js";

// The pure ids live in src/runbooks; re-exported for the router, which reads them from here.
export { executionIdFor, executionKey, parseCorrelationId } from "../../runbooks/execution-ids.js";

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
