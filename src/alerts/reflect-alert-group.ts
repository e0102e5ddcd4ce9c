import { declareIncident } from "../handlers/declare-incident.js";
import type { EventScope } from "../handlers/event-scope.js";
import { startMatchingRunbooks } from "../handlers/runbooks/start-matching-runbooks.js";
import { hasMarker } from "../markdown/hidden-block.js";
import type { AlertGroup } from "./alert-group.js";
import { alreadyRecorded, groupResolved, recordNotification, type LedgerGroup } from "./alerts-ledger.js";
import { decideAlertGroup, groupServices, type AlertDecision, type AlertIncident } from "./decide-alert-group.js";
import { decideOnResolved, decideReopen } from "./decide-alert-status.js";
import { loadAlertIncidents } from "./load-alert-incidents.js";
import { renderGroupIssue, renderStormIssue } from "./render-alert-issue.js";
import { alertsCommentKey, readLedger, renderAlertsComment } from "./render-alerts-comment.js";

/** What became of one notification, for the HTTP answer and the log. */
export interface Reflected {
  outcome: "opened" | "updated" | "reopened" | "storm" | "noted" | "ignored";
  issue?: number;
  reason?: string;
}

/** Runs work in a fresh scope holding the repository's lock for opening alert incidents. */
export type UnderRepositoryLock = <T>(work: (scope: EventScope) => Promise<T>) => Promise<T>;

/** The Alerts comment's author when it declares: shown as who declared the incident. */
const SENDER = { alertmanager: "alertmanager", grafana: "grafana" } as const;

/**
 * One notification of an alert group, reflected on GitHub: load the alert incidents →
 * decide where it goes → record it there (opening, reopening or gathering as decided). The
 * caller holds the group's lock. Opening takes the repository's lock too and decides again
 * inside it with what GitHub says then, so two groups cannot both take the window's last slot.
 */
export async function reflectAlertGroup(
  scope: EventScope,
  group: AlertGroup,
  underRepositoryLock: UnderRepositoryLock,
): Promise<Reflected> {
  const decision = await decide(scope, group);
  if (decision.kind === "open" || (decision.kind === "storm" && decision.issue === undefined))
    return underRepositoryLock(async (fresh) => act(fresh, group, await decide(fresh, group)));
  return act(scope, group, decision);
}

async function decide(scope: EventScope, group: AlertGroup): Promise<AlertDecision & { incidents?: AlertIncident[] }> {
  const incidents = await loadAlertIncidents(scope);
  const { alerts } = scope.config;
  const now = scope.deps.now();
  const storms = incidents.filter((i) => i.kind === "storm");
  let home = incidents.find((i) => i.kind === "group" && i.groups.includes(group.hash));
  // A group gathered in a storm is found in the storm incident's Alerts comment.
  for (const storm of storms.slice(0, 3)) {
    if (home && home.number > storm.number) break;
    if ((await readAlertsLedger(scope, storm.number)).ledger.groups.some((g) => g.hash === group.hash)) {
      home = storm;
      break;
    }
  }
  const since = now.getTime() - alerts.storm.window_minutes * 60_000;
  const services = groupServices(group, alerts);
  const decision = decideAlertGroup({
    group,
    config: alerts,
    defaultSeverity: scope.config.default_severity,
    now,
    ...(home ? { home } : {}),
    openedInWindow: incidents.filter((i) => i.kind === "group" && Date.parse(i.createdAt) >= since).length,
    ...(storms[0]?.state === "open" ? { storm: storms[0] } : {}),
    ...(() => {
      const same = incidents.find(
        (i) => i.kind === "group" && i.state === "open" && i.services.some((s) => services.includes(s)),
      );
      return same ? { sameService: same } : {};
    })(),
  });
  return { ...decision, incidents };
}

async function act(
  scope: EventScope,
  group: AlertGroup,
  decision: AlertDecision & { incidents?: AlertIncident[] },
): Promise<Reflected> {
  switch (decision.kind) {
    case "ignore":
      return { outcome: "ignored", reason: decision.reason };
    case "update": {
      const issue = decision.issue;
      const role = await scope.lockIncident(issue, async () => {
        const declared = await finishOpening(scope, issue, group);
        const role = await record(scope, issue, group, "incident");
        if (declared) await startMatchingRunbooks(scope, issue, SENDER[group.source]);
        return role;
      });
      return { outcome: role === "storm" ? "storm" : role === "noted" ? "noted" : "updated", issue };
    }
    case "note": {
      const issue = decision.issue;
      await scope.lockIncident(issue, () => record(scope, issue, group, "noted"));
      return { outcome: "noted", issue };
    }
    case "reopen": {
      const issue = decision.issue;
      await scope.lockIncident(issue, async () => {
        const loaded = await scope.incident(issue);
        await scope.apply(decideReopen(loaded, scope.names, group, scope.deps.now()));
        scope.recordState(issue);
        await record(scope, issue, group, "incident");
      });
      return { outcome: "reopened", issue };
    }
    case "storm": {
      const existing = decision.issue;
      if (existing !== undefined) {
        await scope.lockIncident(existing, () => record(scope, existing, group, "storm"));
        return { outcome: "storm", issue: existing };
      }
      const { title, body } = renderStormIssue(group, decision.severity, scope.config.alerts.storm.max_new_incidents, scope.config.alerts.storm.window_minutes);
      const issue = await openIncident(scope, group, `alert-storm-${group.hash}`, title, body, "storm");
      return { outcome: "storm", issue };
    }
    case "open": {
      const generation = (decision.incidents ?? []).filter((i) => i.kind === "group" && i.groups.includes(group.hash)).length + 1;
      const { title, body } = renderGroupIssue(group, decision.severity, decision.services, decision.related);
      const issue = await openIncident(scope, group, `alert-${group.hash}-${generation}`, title, body, "incident", decision.related);
      return { outcome: "opened", issue };
    }
  }
}

/**
 * Opens the issue once per key and declares it within this request, with the decisions of the
 * issue form (card, on-call, escalation, matching runbooks): the app ignores the
 * `issues.opened` it caused. Then the Alerts comment, all under the new incident's lock.
 */
async function openIncident(
  scope: EventScope,
  group: AlertGroup,
  key: string,
  title: string,
  body: string,
  role: LedgerGroup["role"],
  related?: number,
): Promise<number> {
  const result = await scope.apply([
    { kind: "createIssue", key, title, body, labels: [scope.names.incident], assignees: [] },
  ]);
  const issue = result.createdIssues.get(key);
  if (issue === undefined) throw new Error(`the incident for alert group ${group.hash} was not created`);
  await scope.lockIncident(issue, async () => {
    await declareAlertIncident(scope, issue, group, related);
    await record(scope, issue, group, role);
    await startMatchingRunbooks(scope, issue, SENDER[group.source]);
  });
  return issue;
}

/**
 * An opening that GitHub failed part-way leaves an incident issue without all its opening
 * did: no card (never declared, nobody paged), a card but no page, or no Alerts comment (the
 * runbooks come after it). The sender's retry finds the issue by its marker and lands here.
 * While the group fires and is not in the Alerts comment yet, the opening is finished:
 * declaring is a no-op for a declared incident but for a missing page, and the runbooks start
 * only once. True when it did. The comments are the ones `record` reads next (no extra
 * request); a repeat of a recorded group costs nothing more.
 */
async function finishOpening(scope: EventScope, issue: number, group: AlertGroup): Promise<boolean> {
  if (!group.alerts.some((a) => a.status === "firing")) return false;
  const { ledger } = await readAlertsLedger(scope, issue);
  if (ledger.groups.some((g) => g.hash === group.hash)) return false;
  await declareAlertIncident(scope, issue, group);
  return true;
}

async function declareAlertIncident(scope: EventScope, issue: number, group: AlertGroup, related?: number): Promise<void> {
  const state = await declareIncident(scope, issue, SENDER[group.source], scope.deps.now().toISOString());
  if (related !== undefined && !state.related.some((r) => r.number === related)) {
    const previous = await scope.reads.issue(related).catch(() => undefined);
    scope.recordState(issue, {
      ...state,
      related: [
        { number: related, title: previous?.title ?? `#${related}`, strength: "strong", reasons: ["the same alert group fired again"] },
        ...state.related,
      ].slice(0, 5),
    });
  }
}

async function readAlertsLedger(scope: EventScope, issue: number) {
  const key = alertsCommentKey(issue);
  const comments = await scope.reads.issueComments(issue);
  const comment = comments.find((c) => c.byApp && hasMarker(c.body, key));
  return { key, ledger: readLedger(comment?.body) };
}

/** Records the notification in the incident's Alerts comment (edited in place), then `on_resolved`. */
async function record(
  scope: EventScope,
  issue: number,
  group: AlertGroup,
  role: LedgerGroup["role"],
): Promise<LedgerGroup["role"]> {
  const { key, ledger } = await readAlertsLedger(scope, issue);
  if (alreadyRecorded(ledger, group, scope.deps.now()))
    return ledger.groups.find((g) => g.hash === group.hash)!.role;
  const next = recordNotification(ledger, group, role, scope.deps.now());
  await scope.apply([{ kind: "upsertComment", issue, key, body: renderAlertsComment(next) }]);
  const entry = next.groups.find((g) => g.hash === group.hash)!;
  if (entry.role === "incident" && !groupResolved(ledger, group.hash) && groupResolved(next, group.hash)) {
    const loaded = await scope.incident(issue);
    const effects = decideOnResolved(scope.config.alerts.on_resolved, loaded, scope.names);
    if (effects.length > 0) {
      await scope.apply(effects);
      scope.recordState(issue);
    }
  }
  return entry.role;
}
