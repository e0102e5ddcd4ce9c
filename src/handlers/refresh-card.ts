import type { IncidentState } from "../incident/incident-state.js";
import { CARD_KEY, renderCard } from "../incident/render-card.js";
import { teamsFor } from "../incident/service-owners.js";
import { creditStatusHistory } from "../incident/status-history.js";
import type { EventScope } from "./event-scope.js";

/**
 * Re-reads the incident after the app's changes and writes the card from what GitHub now
 * says, so its times are GitHub's event times. `state` replaces the stored state when given.
 */
export async function refreshCard(
  scope: EventScope,
  issue: number,
  state?: IncidentState,
): Promise<void> {
  const loaded = await scope.incident(issue);
  const current = state ?? loaded.state;
  if (!current) return;
  const severity =
    loaded.issue.labels.map(scope.names.parseSeverity).find((s) => s !== undefined) ??
    scope.config.default_severity;
  const body = renderCard({
    state: current,
    severity,
    // The state being written may hold credits the card on GitHub does not have yet.
    history: creditStatusHistory(loaded.history, current.statusCredits),
    assignees: loaded.issue.assignees,
    teams: teamsFor(scope.config, current.services),
    configProblems: scope.configProblems,
  });
  await scope.apply([{ kind: "upsertComment", issue, key: CARD_KEY, body }]);
}
