import { relatedIncidents } from "../analysis/related-incidents.js";
import { listRecentIncidents } from "../github/list-recent-incidents.js";
import type { LoadedIncident } from "../github/load-incident.js";
import { decideDeclaration, type IssueSnapshot } from "../incident/decide-declaration.js";
import { ESCALATION_KEY_PREFIX, escalationEffect, labelEscalationKey } from "../incident/escalation.js";
import type { IncidentState } from "../incident/incident-state.js";
import { hasMarkerWithPrefix } from "../markdown/hidden-block.js";
import type { EventScope } from "./event-scope.js";

/**
 * Declares the issue an incident, or does nothing new if its card already exists (a
 * redelivery, or the `opened` and `labeled` events of one new issue). Returns the state.
 */
export async function declareIncident(
  scope: EventScope,
  issue: number,
  sender: string,
  /** When GitHub says it was declared (the label's or the command's time); else the app's clock. */
  at?: string,
): Promise<IncidentState> {
  const loaded = await scope.incident(issue);
  if (loaded.state) {
    await finishPage(scope, loaded);
    return loaded.state;
  }
  const decision = decideDeclaration(loaded.issue, {
    config: scope.config,
    names: scope.names,
    sender,
    now: at ? new Date(at) : scope.deps.now(),
  });
  await scope.apply(decision.effects);
  const related = await findRelated(scope, loaded.issue, decision.state);
  scope.recordState(issue, { ...decision.state, related });
  // The card is the incident's first comment: written now, before the escalation.
  await scope.flush();
  if (decision.severity === "critical") await page(scope, loaded);
  return decision.state;
}

/** The escalation of an incident declared critical, once per key. */
async function page(scope: EventScope, loaded: LoadedIncident): Promise<void> {
  const issue = loaded.issue.number;
  // A critical label already on the issue escalates under its own key, which the
  // label's `labeled` webhook uses too.
  const label = scope.names.severity("critical");
  const key =
    (loaded.issue.labels.includes(label)
      ? labelEscalationKey(issue, loaded.events, label)
      : undefined) ?? `escalation-declared-${issue}`;
  await scope.apply([escalationEffect(scope.config, issue, key)]);
}

/**
 * A declaration that GitHub failed between the card and the page leaves a critical incident
 * nobody was paged for; the next attempt (a redelivery, an alert sender's retry) finds the
 * card and would stop there. It pages now, unless some escalation was already posted (by the
 * declaration or a severity label): never a second page. The comments are the delivery's
 * reads, already made to find the card.
 */
export async function finishPage(scope: EventScope, loaded: LoadedIncident): Promise<void> {
  if (!loaded.issue.labels.includes(scope.names.severity("critical"))) return;
  const issue = loaded.issue.number;
  const comments = await scope.reads.issueComments(issue);
  if (comments.some((c) => c.byApp && hasMarkerWithPrefix(c.body, ESCALATION_KEY_PREFIX))) return;
  scope.log.warn({ delivery: scope.deliveryId, incident: issue }, "a critical incident had no page: paging now");
  await page(scope, await scope.incident(issue, { events: "always" }));
}

/** Related incidents are listed once, at declaration; the postmortem compares root causes too. */
async function findRelated(
  scope: EventScope,
  issue: IssueSnapshot,
  state: IncidentState,
): Promise<IncidentState["related"]> {
  const others = await listRecentIncidents(
    scope.octokit,
    scope.repo,
    scope.names,
    issue.number,
    scope.deps.now(),
  );
  const target = {
    number: issue.number,
    title: issue.title,
    url: issue.url,
    detectedAt: state.detectedAt ?? state.declaredAt,
    services: state.services,
  };
  return relatedIncidents(target, others)
    .slice(0, 5)
    .map((r) => ({ number: r.number, title: r.title, strength: r.strength, reasons: r.reasons }));
}
