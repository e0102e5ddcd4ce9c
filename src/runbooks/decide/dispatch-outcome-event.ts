import type { RunbookEvent } from "../engine/runbook-event.js";

/** What GitHub answered a `workflow_dispatch`: the run's details, or a refusal's status and message. */
export type DispatchAnswer = DispatchAccepted | DispatchFailed;
interface DispatchAccepted {
  ok: true;
  data: { workflow_run_id?: number; html_url?: string } | undefined;
}
interface DispatchFailed {
  ok: false;
  status: number | undefined;
  message: string | undefined;
}

/**
 * The engine event a dispatch's answer is: dispatched (with the run id and URL GitHub
 * returned), or — when GitHub refused it (4xx: no such workflow, no dispatch trigger) — the
 * step's run completed unsuccessfully with GitHub's reason. Undefined for a failure that may
 * pass (no status, 5xx): the caller lets it throw so the delivery is retried.
 */
export function dispatchOutcomeEvent(correlationId: string, answer: DispatchAccepted): RunbookEvent;
export function dispatchOutcomeEvent(
  correlationId: string,
  answer: DispatchAnswer,
): RunbookEvent | undefined;
export function dispatchOutcomeEvent(
  correlationId: string,
  answer: DispatchAnswer,
): RunbookEvent | undefined {
  if (answer.ok) {
    const details = answer.data ?? {};
    return {
      type: "workflowDispatched",
      correlationId,
      ...(details.workflow_run_id !== undefined ? { runId: details.workflow_run_id } : {}),
      ...(details.html_url !== undefined ? { url: details.html_url } : {}),
    };
  }
  const { status } = answer;
  if (status === undefined || status >= 500) return undefined;
  const message = answer.message ?? "refused";
  return {
    type: "workflowCompleted",
    correlationId,
    runId: 0,
    conclusion: `not dispatched (${status}: ${message.slice(0, 120)})`,
  };
}
