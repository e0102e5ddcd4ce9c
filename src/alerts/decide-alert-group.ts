import type { AlertsConfig } from "../config/alerts-schema.js";
import type { Severity } from "../config/schema.js";
import type { AlertGroup } from "./alert-group.js";

const ORDER: readonly Severity[] = ["critical", "high", "medium", "low"];

/** An incident the app opened for alerts, as its issue shows. */
export interface AlertIncident {
  number: number;
  state: "open" | "closed";
  createdAt: string;
  closedAt?: string;
  kind: "group" | "storm";
  /** The groups whose own incident this is (hidden markers in its body). */
  groups: string[];
  /** The services its body names. */
  services: string[];
}

/** What the app knows when it decides about one notification. */
export interface AlertSituation {
  group: AlertGroup;
  config: AlertsConfig;
  defaultSeverity: Severity;
  now: Date;
  /** The newest incident that holds this group (its own, or the storm incident it was gathered on). */
  home?: AlertIncident;
  /** Alert incidents (storm incidents excepted) opened within the storm window. */
  openedInWindow: number;
  /** The open alert-storm incident, if any. */
  storm?: AlertIncident;
  /** The newest open alert incident of one of the group's services (for groups that do not declare). */
  sameService?: AlertIncident;
}

export type AlertDecision =
  /** Record the notification on this incident's Alerts comment (and apply `on_resolved` when it resolved). */
  | { kind: "update"; issue: number }
  /** Reopen the incident the group fired on before, then record it there. */
  | { kind: "reopen"; issue: number }
  /** Open a new incident for the group; `related` is its previous, closed one. */
  | { kind: "open"; severity: Severity; services: string[]; related?: number }
  /** Too many new alert incidents in the window: gather the group on the storm incident (opened if none). */
  | { kind: "storm"; issue?: number; severity: Severity; services: string[] }
  /** A group that does not declare, noted on the open incident of its service. */
  | { kind: "note"; issue: number }
  | { kind: "ignore"; reason: string };

/** The group's severity: the highest of its firing alerts (all of them if none fires), mapped by `severity_map`. */
export function groupSeverity(group: AlertGroup, config: AlertsConfig, fallback: Severity): Severity {
  const firing = group.alerts.filter((a) => a.status === "firing");
  const alerts = firing.length > 0 ? firing : group.alerts;
  const severities = alerts.map((a) => {
    const value = a.labels[config.severity_label] ?? group.commonLabels[config.severity_label];
    return (value !== undefined ? config.severity_map[value.toLowerCase()] : undefined) ?? fallback;
  });
  if (severities.length === 0) return fallback;
  return ORDER.find((s) => severities.includes(s)) ?? fallback;
}

/** The services the group's alerts name in `service_label`, as the incident form would read them. */
export function groupServices(group: AlertGroup, config: AlertsConfig): string[] {
  const values = group.alerts
    .map((a) => a.labels[config.service_label] ?? group.commonLabels[config.service_label])
    .filter((v): v is string => v !== undefined)
    .map((v) => v.trim().toLowerCase())
    .filter((v) => /^[a-z0-9][a-z0-9._-]{0,59}$/.test(v));
  return [...new Set(values)].slice(0, 20);
}

/** Whether the group declares an incident: its severity is listed and one firing alert meets every matcher. */
export function groupDeclares(group: AlertGroup, config: AlertsConfig, fallback: Severity): boolean {
  if (!config.declare.severities.includes(groupSeverity(group, config, fallback))) return false;
  const matchers = Object.entries(config.declare.match);
  if (matchers.length === 0) return true;
  return group.alerts.some(
    (a) =>
      a.status === "firing" &&
      matchers.every(([label, allowed]) => {
        const value = a.labels[label];
        return value !== undefined && (Array.isArray(allowed) ? allowed.includes(value) : allowed === value);
      }),
  );
}

/**
 * Where one notification goes. Pure: the incidents were found by their hidden markers, the
 * window counts were made from GitHub's issue list, the time is given.
 */
export function decideAlertGroup(s: AlertSituation): AlertDecision {
  const { group, config, home } = s;
  const firing = group.alerts.some((a) => a.status === "firing");
  if (home?.state === "open") return { kind: "update", issue: home.number };
  if (home && !firing) return { kind: "update", issue: home.number };
  if (!firing) return { kind: "ignore", reason: "resolved alerts of a group that has no incident" };
  if (home?.state === "closed") {
    const closed = Date.parse(home.closedAt ?? home.createdAt);
    const within = s.now.getTime() - closed <= config.reopen_window_minutes * 60_000;
    if (within && home.kind === "group") return { kind: "reopen", issue: home.number };
  }
  const severity = groupSeverity(group, config, s.defaultSeverity);
  const services = groupServices(group, config);
  const related = home?.kind === "group" ? { related: home.number } : {};
  // A group that declared before keeps declaring when it fires again after the window.
  if (!home && !groupDeclares(group, config, s.defaultSeverity)) {
    if (config.others === "note" && s.sameService) return { kind: "note", issue: s.sameService.number };
    return {
      kind: "ignore",
      reason:
        config.others === "note"
          ? "the group does not declare an incident and no open alert incident has its service"
          : "the group does not declare an incident (alerts.others: ignore)",
    };
  }
  if (s.openedInWindow >= config.storm.max_new_incidents)
    return { kind: "storm", ...(s.storm ? { issue: s.storm.number } : {}), severity, services };
  return { kind: "open", severity, services, ...related };
}
