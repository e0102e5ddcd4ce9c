import type { ExecutionState } from "../engine/execution-state.js";

/** How a recovery plan can end that gets a report (a cancelled plan reports nothing). */
export const REPORTED_OUTCOMES: ReadonlySet<ExecutionState["status"]> = new Set([
  "succeeded",
  "failed",
  "rolled-back",
  "rollback-failed",
]);

/** The executions among these that are finished recovery plans owing a report. */
export function executionsToReport(executions: readonly ExecutionState[]): ExecutionState[] {
  return executions.filter((e) => e.kind === "recovery" && REPORTED_OUTCOMES.has(e.status));
}
