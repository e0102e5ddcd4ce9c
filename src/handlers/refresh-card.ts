import { loadIncident } from "../github/load-incident.js";
import { CARD_KEY, renderCard } from "../incident/render-card.js";
import { teamsFor } from "../incident/service-owners.js";
import { creditStatusHistory } from "../incident/status-history.js";
import { notifyDeps } from "../notify/deliver/notify-deps.js";
import { notifyIncident } from "../notify/notify-incident.js";
import type { EventScope } from "./event-scope.js";

/**
 * Renders the card from the delivery's view of the incident (the state recorded with
 * `scope.recordState`) and writes it if it changed. The scope's `flush` calls it once per
 * marked incident, when the delivery's work on it is done. Before writing, the notification
 * channels hear what changed since the card on GitHub says they last heard (GitHub already
 * holds every other change by then), and the card write records it.
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
  // Notifications never fail the incident: whatever goes wrong there, the card is written.
  const notified = await notifyIncident({
    config: scope.config.notifications,
    ...notifyDeps(scope.deps),
    repository: `${scope.repo.owner}/${scope.repo.repo}`,
    issue: loaded.issue,
    state: current,
    // The card as GitHub holds it (the delivery's reads, kept current by its own writes).
    previous: (await loadIncident(scope.reads, issue, scope.names)).state,
    severity,
    status: loaded.history.current ?? "detected",
    resolvedAt: loaded.history.resolvedAt,
  }).catch((error: unknown) => {
    scope.log.error({ err: error }, "notifications failed");
    return { notify: undefined, attention: [] };
  });
  const state = notified.notify ? { ...current, notify: notified.notify } : current;
  const body = renderCard({
    // The history travels with the card, so the next delivery need not read the events.
    state: { ...state, history: loaded.baseHistory },
    severity,
    // The state being written may hold credits the card on GitHub does not have yet.
    history: creditStatusHistory(loaded.history, current.statusCredits),
    assignees: loaded.issue.assignees,
    teams: teamsFor(scope.config, current.services),
    configProblems: scope.configProblems,
    attention: notified.attention,
  });
  await scope.apply([{ kind: "upsertComment", issue, key: CARD_KEY, body }]);
}
