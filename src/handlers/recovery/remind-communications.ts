import type { IncidentState } from "../../incident/incident-state.js";
import type { ExecutionState } from "../../runbooks/engine/execution-state.js";
import { dueReminders } from "../../runbooks/recovery/due-reminders.js";
import type { EventScope } from "../event-scope.js";
import { loadRunbookFile } from "../runbooks/runbook-files.js";

/** The incident role reminded when an update is due. */
export const COMMUNICATIONS_ROLE = "communications";

/**
 * Part of every tick of an open incident: for each running recovery plan, reminds the
 * communications role of every audience whose update cadence has passed without a
 * `/update`. Costs one read of the plan (at its version) per running recovery plan; each
 * reminder is posted once per missed period (its key), however many events arrive.
 */
export async function remindCommunications(
  scope: EventScope,
  issue: number,
  state: IncidentState,
  executions: readonly ExecutionState[],
): Promise<void> {
  for (const execution of executions.filter(
    (e) => e.kind === "recovery" && e.status === "running",
  )) {
    const file = await loadRunbookFile(scope, execution.file, execution.sha);
    if (!file.runbook?.communication?.length) continue;
    const reminders = dueReminders({
      plan: file.runbook,
      execution,
      updates: state.updates,
      communications: state.roles[COMMUNICATIONS_ROLE],
      role: COMMUNICATIONS_ROLE,
      roleConfigured: scope.config.roles.includes(COMMUNICATIONS_ROLE),
      now: scope.deps.now(),
    });
    await scope.apply(
      reminders.map((r) => ({ kind: "createComment" as const, issue, key: r.key, body: r.body })),
    );
  }
}
