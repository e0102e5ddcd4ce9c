import type { ExecutionState } from "../engine/execution-state.js";

/**
 * The one running execution whose step `stepId` is waiting (for `/step` or `/approve`), or
 * the reply that says why there is none: no runbook has such a step, the step is not waiting,
 * or several running runbooks wait on a step of that id (the runbook comment's box is exact).
 */
export function executionWaitingOn<E extends { state: ExecutionState }>(
  executions: readonly E[],
  stepId: string,
): { execution: E } | { reply: string } {
  const slots = (e: E) => [...e.state.steps, ...e.state.rollback];
  const waiting = executions.filter(
    (e) =>
      e.state.status === "running" &&
      slots(e).some((s) => s.id === stepId && s.status === "running"),
  );
  if (waiting.length === 1) return { execution: waiting[0]! };
  if (waiting.length > 1)
    return {
      reply: `More than one running runbook waits on \`${stepId}\` (${waiting.map((w) => `\`${w.state.runbook}\``).join(", ")}); tick it in the runbook comment instead.`,
    };
  const known = executions.some((e) => slots(e).some((s) => s.id === stepId));
  return {
    reply: known
      ? `Step \`${stepId}\` is not waiting right now.`
      : `No runbook on this incident has a step \`${stepId}\`.`,
  };
}
