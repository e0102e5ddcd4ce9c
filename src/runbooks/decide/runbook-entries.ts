import type { IncidentState } from "../../incident/incident-state.js";
import type { ExecutionState } from "../engine/execution-state.js";

export type RunbookEntry = NonNullable<IncidentState["runbooks"]>[number];

/**
 * The card's list of runbook executions with these executions' status mirrored in it (an
 * entry per execution, replaced in place, new ones last), or undefined when nothing in it
 * changed, so the card is not marked for a write. An execution not yet started (never the
 * case once driven) counts from `now`, by the app.
 */
export function runbookEntries(
  previous: readonly RunbookEntry[] | undefined,
  executions: readonly ExecutionState[],
  commentIdOf: (executionId: string) => number | undefined,
  now: Date,
): RunbookEntry[] | undefined {
  const entries = [...(previous ?? [])];
  for (const execution of executions) {
    const commentId = commentIdOf(execution.executionId);
    const entry: RunbookEntry = {
      name: execution.runbook,
      executionId: execution.executionId,
      status: execution.status,
      startedAt: execution.startedAt ?? now.toISOString(),
      startedBy: execution.startedBy ?? "firewatch",
      ...(execution.endedAt ? { endedAt: execution.endedAt } : {}),
      ...(commentId === undefined ? {} : { commentId }),
    };
    const at = entries.findIndex((r) => r.executionId === execution.executionId);
    if (at === -1) entries.push(entry);
    else entries[at] = entry;
  }
  return JSON.stringify(entries) === JSON.stringify(previous ?? []) ? undefined : entries;
}
