import { relatedIncidents } from "../analysis/related-incidents.js";
import { listRecentIncidents } from "../github/list-recent-incidents.js";
import { decideDeclaration, type IssueSnapshot } from "../incident/decide-declaration.js";
import { escalationEffect, labelEscalationKey } from "../incident/escalation.js";
import type { IncidentState } from "../incident/incident-state.js";
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
  if (loaded.state) return loaded.state;
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
  if (decision.severity === "critical") {
    // A critical label already on the issue escalates under its own key, which the
    // label's `labeled` webhook uses too.
    const label = scope.names.severity("critical");
    const key =
      (loaded.issue.labels.includes(label)
        ? labelEscalationKey(issue, loaded.events, label)
        : undefined) ?? `escalation-declared-${issue}`;
    await scope.apply([escalationEffect(scope.config, issue, key)]);
  }
  return decision.state;
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
