import type { ExecutionState, StepState } from "../../runbooks/engine/execution-state.js";
import type { PostmortemData } from "../postmortem-data.js";

const OUTCOME: Record<ExecutionState["status"], string> = {
  ready: "not started",
  running: "running",
  succeeded: "succeeded",
  failed: "failed",
  "rolled-back": "rolled back",
  "rollback-failed": "rollback failed",
  cancelled: "cancelled",
};

/** The runbooks executed on an incident, as the postmortem lists them (version = the runbook file's commit SHA). */
export function runbookSummaries(executions: readonly ExecutionState[]): PostmortemData["runbooks"] {
  return executions.map((e) => ({
    name: e.runbook,
    version: e.sha.slice(0, 12),
    startedAt: e.startedAt ?? null,
    finishedAt: e.endedAt ?? null,
    outcome: OUTCOME[e.status],
    steps: [...e.steps, ...e.rollback.filter((s) => s.status !== "pending").map((s) => ({ ...s, id: `rollback: ${s.id}` }))].map(step),
  }));
}

function step(s: StepState): PostmortemData["runbooks"][number]["steps"][number] {
  // Steps the app carried out itself are recorded as by "firewatch" (its engine name, not a person): no "by".
  const detail = [s.by && s.by !== "firewatch" ? `by ${s.by}` : "", s.reason ?? ""].filter(Boolean).join("; ");
  return { name: s.id, result: s.status, startedAt: s.startedAt ?? null, finishedAt: s.endedAt ?? null, detail: detail || null };
}
