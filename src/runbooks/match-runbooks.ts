import { incidentMatches, type RunbookIncident } from "./runbook-incident.js";
import type { Runbook } from "./schema.js";

/**
 * The runbooks that start by themselves for this incident: those with triggers, every one
 * of which matches. A runbook without triggers runs only by `/runbook run <name>`.
 */
export function matchingRunbooks<R extends Pick<Runbook, "triggers">>(runbooks: readonly R[], incident: Pick<RunbookIncident, "severity" | "services" | "labels">): R[] {
  return runbooks.filter((runbook) => runbook.triggers !== undefined && Object.keys(runbook.triggers).length > 0 && incidentMatches(runbook.triggers, incident));
}
