import type { ExecutionState } from "../engine/execution-state.js";
import type { RunbookEvent } from "../engine/runbook-event.js";

/** What a completed workflow run says about itself. */
export interface CompletedRun {
  id: number;
  conclusion: string | null;
  html_url: string;
}

/** Whether a step of this execution was dispatched as this run (GitHub returned its id). */
export function carriesRun(state: ExecutionState, runId: number): boolean {
  return [...state.steps, ...state.rollback].some((s) => s.runId === runId);
}

/**
 * The execution whose step a completed workflow run is, and the event that completes it: by
 * the correlation id in the run's title when it has one (exact), else by the run id the
 * dispatch returned. Undefined when no step is this run's.
 */
export function stepOfWorkflowRun<E extends { state: ExecutionState }>(
  executions: readonly E[],
  run: CompletedRun,
  correlation: { executionId: string; correlationId: string } | undefined,
): { execution: E; event: RunbookEvent } | undefined {
  const execution = executions.find((e) =>
    correlation ? e.state.executionId === correlation.executionId : carriesRun(e.state, run.id),
  );
  if (!execution) return undefined;
  const slot = [...execution.state.steps, ...execution.state.rollback].find((s) =>
    correlation ? s.correlationId === correlation.correlationId : s.runId === run.id,
  );
  if (!slot?.correlationId) return undefined;
  return {
    execution,
    event: {
      type: "workflowCompleted",
      correlationId: slot.correlationId,
      runId: run.id,
      conclusion: run.conclusion ?? "unknown",
      url: run.html_url,
    },
  };
}
