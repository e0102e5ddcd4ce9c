import { CARD_KEY, renderCard } from "../incident/render-card.js";
import { teamsFor } from "../incident/service-owners.js";
import { creditStatusHistory } from "../incident/status-history.js";
import type { EventScope } from "./event-scope.js";

/**
 * Renders the card from the delivery's view of the incident (the state recorded with
 * `scope.recordState`) and writes it if it changed. The scope's `flush` calls it once per
 * marked incident, when the delivery's work on it is done.
 */
export async function writeCard(scope: EventScope, issue: number): Promise<void> {
  const loaded = await scope.incident(issue);
  const current = loaded.state;
  if (!current) return;
  const severity =
    loaded.issue.labels.map(scope.names.parseSeverity).find((s) => s !== undefined) ??
    scope.config.default_severity;
  // What the card says, for firewatch_open_incidents; awaited inside the incident's lock, so
  // replicas sharing Redis record an incident's states in the order they were written.
  await scope.deps.telemetry?.incidentState?.(
    `${scope.repo.owner}/${scope.repo.repo}#${issue}`,
    severity,
    loaded.history.current ?? "detected",
  );
  const body = renderCard({
    // The history travels with the card, so the next delivery need not read the events.
    state: { ...current, history: loaded.baseHistory },
    severity,
    // The state being written may hold credits the card on GitHub does not have yet.
    history: creditStatusHistory(loaded.history, current.statusCredits),
    assignees: loaded.issue.assignees,
    teams: teamsFor(scope.config, current.services),
    configProblems: scope.configProblems,
  });
  await scope.apply([{ kind: "upsertComment", issue, key: CARD_KEY, body }]);
}
