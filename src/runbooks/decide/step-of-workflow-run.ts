import type { ExecutionState } from "../engine/execution-state.js";
import type { RunbookEvent } from "../engine/runbook-event.js";

/** What a completed workflow run says about itself. */
export interface CompletedRun {
  id: number;
  conclusion: string | null;
  html_url: string;
  /** `workflow_dispatch` for a run the app started; `pull_request`, `push`, … for others. */
  event?: string;
  /** `.github/workflows/<file>` */
  path?: string;
  actor?: { login?: string } | null;
  triggering_actor?: { login?: string } | null;
}

/** What the run must also be when GitHub returned no run id at dispatch (older GitHub Enterprise Server). */
export interface RunTrust {
  /** The app's own login: only runs it started count. */
  appLogin: string;
  /** The workflow file of a step, by step id, from the runbook at the execution's commit. */
  workflowOf(stepId: string): string | undefined;
}

/** Whether a step of this execution was dispatched as this run (GitHub returned its id). */
export function carriesRun(state: ExecutionState, runId: number): boolean {
  return [...state.steps, ...state.rollback].some((s) => s.runId === runId);
}

/**
 * The execution whose step a completed workflow run is, and the event that completes it.
 * A run is trusted for what it proves and no more: when the dispatch returned a run id, only
 * the run with that id counts (a pull request's CI titled with a step's correlation text
 * does not); when GitHub gave no id, the correlation text counts only for a run of the
 * step's own workflow file, started by `workflow_dispatch`, by the app itself. Undefined
 * when no step is this run's.
 */
export function stepOfWorkflowRun<E extends { state: ExecutionState }>(
  executions: readonly E[],
  run: CompletedRun,
  correlation: { executionId: string; correlationId: string } | undefined,
  trust?: RunTrust,
): { execution: E; event: RunbookEvent } | undefined {
  const execution = executions.find((e) =>
    correlation ? e.state.executionId === correlation.executionId : carriesRun(e.state, run.id),
  );
  if (!execution) return undefined;
  const slot = [...execution.state.steps, ...execution.state.rollback].find((s) =>
    correlation ? s.correlationId === correlation.correlationId : s.runId === run.id,
  );
  if (!slot?.correlationId) return undefined;
  if (slot.runId !== undefined ? slot.runId !== run.id : !startedByApp(run, slot.id, trust))
    return undefined;
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

function startedByApp(run: CompletedRun, stepId: string, trust: RunTrust | undefined): boolean {
  if (!trust) return false;
  const starter = run.triggering_actor?.login ?? run.actor?.login;
  const workflow = trust.workflowOf(stepId);
  const file = (path: string | undefined) => path?.replace(/^\.github\/workflows\//, "");
  return (
    run.event === "workflow_dispatch" &&
    starter === trust.appLogin &&
    workflow !== undefined &&
    file(run.path) === file(workflow)
  );
}
