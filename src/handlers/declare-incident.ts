import { decideDeclaration } from "../incident/decide-declaration.js";
import { escalationEffect } from "../incident/escalation.js";
import type { IncidentState } from "../incident/incident-state.js";
import { loadIncident } from "../github/load-incident.js";
import type { EventScope } from "./event-scope.js";
import { refreshCard } from "./refresh-card.js";

/**
 * Declares the issue an incident, or does nothing new if its card already exists (a
 * redelivery, or the `opened` and `labeled` events of one new issue). Returns the state.
 */
export async function declareIncident(
  scope: EventScope,
  issue: number,
  sender: string,
): Promise<IncidentState> {
  const loaded = await loadIncident(scope.octokit, scope.repo, issue, scope.names);
  if (loaded.state) return loaded.state;
  const decision = decideDeclaration(loaded.issue, {
    config: scope.config,
    names: scope.names,
    sender,
    now: scope.deps.now(),
  });
  await scope.apply(decision.effects);
  await refreshCard(scope, issue, decision.state);
  if (decision.severity === "critical")
    await scope.apply([escalationEffect(scope.config, issue, `escalation-declared-${issue}`)]);
  return decision.state;
}
