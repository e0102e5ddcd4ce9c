import { z } from "zod";
import type { AlertGroup } from "./alert-group.js";

/** Most alerts one Alerts comment keeps (GitHub's comment limit is 65,536 characters). */
export const MAX_LEDGER_ALERTS = 40;

const ledgerAlert = z.object({
  fp: z.string(),
  name: z.string(),
  status: z.enum(["firing", "resolved"]),
  summary: z.string().default(""),
  /** `key=value` pairs of the labels that are not the group's, for telling alerts apart. */
  labels: z.string().default(""),
  /** The alert's own start (`startsAt`), and when it resolved. */
  since: z.string(),
  resolvedAt: z.string().optional(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** Notifications that carried it. */
  count: z.number().int().min(1),
  links: z.record(z.string(), z.string()).default({}),
});

const ledgerGroup = z.object({
  hash: z.string(),
  title: z.string(),
  /** Why it is on this incident: its own (`incident`), gathered in a storm, or noted (a group that does not declare). */
  role: z.enum(["incident", "storm", "noted"]),
  firstSeen: z.string(),
  lastSeen: z.string(),
  notifications: z.number().int().min(1),
  /** The sender's `truncatedAlerts` in its last notification. */
  truncated: z.number().int().min(0).default(0),
  alerts: z.array(ledgerAlert),
});

/** What the Alerts comment of one incident records, in its hidden block. */
export const alertsLedgerSchema = z.object({
  v: z.literal(1).default(1),
  groups: z.array(ledgerGroup).default([]),
  /** Resolved alerts dropped to stay under {@link MAX_LEDGER_ALERTS}. */
  dropped: z.number().int().min(0).default(0),
});

export type AlertsLedger = z.infer<typeof alertsLedgerSchema>;
export type LedgerGroup = z.infer<typeof ledgerGroup>;
export type LedgerAlert = z.infer<typeof ledgerAlert>;

export const EMPTY_LEDGER: AlertsLedger = { v: 1, groups: [], dropped: 0 };

/** A title for a group: its common summary, else its alert name and group labels. */
export function groupTitle(group: AlertGroup): string {
  const summary = group.commonAnnotations.summary?.trim();
  if (summary) return summary.slice(0, 200);
  if (group.title?.trim()) return group.title.trim().slice(0, 200);
  const name = group.commonLabels.alertname ?? group.alerts[0]?.labels.alertname ?? "Alert";
  const labels = Object.entries(group.groupLabels)
    .filter(([k]) => k !== "alertname")
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  return (labels ? `${name} (${labels})` : name).slice(0, 200);
}

/**
 * The ledger after one notification of `group`: each alert is found by its fingerprint and
 * its status, last-seen time and count brought up to date, so retries and repeats change
 * only those, and an alert that joined is added. Pure; `now` is the app's clock.
 */
export function recordNotification(
  ledger: AlertsLedger,
  group: AlertGroup,
  role: LedgerGroup["role"],
  now: Date,
): AlertsLedger {
  const at = now.toISOString();
  const previous = ledger.groups.find((g) => g.hash === group.hash);
  const alerts = [...(previous?.alerts ?? [])];
  for (const alert of group.alerts) {
    const index = alerts.findIndex((a) => a.fp === alert.fingerprint);
    const known = index === -1 ? undefined : alerts[index];
    const next: LedgerAlert = {
      fp: alert.fingerprint,
      name: (alert.labels.alertname ?? "alert").slice(0, 100),
      status: alert.status,
      summary: (alert.annotations.summary ?? alert.annotations.description ?? "").slice(0, 200),
      labels: Object.entries(alert.labels)
        .filter(([k, v]) => k !== "alertname" && group.commonLabels[k] !== v)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ")
        .slice(0, 200),
      since: alert.startsAt,
      ...(alert.status === "resolved" ? { resolvedAt: alert.endsAt ?? known?.resolvedAt ?? at } : {}),
      firstSeen: known?.firstSeen ?? at,
      lastSeen: at,
      count: (known?.count ?? 0) + 1,
      links: Object.fromEntries(
        Object.entries(alert.links).filter((e): e is [string, string] => e[1] !== undefined),
      ),
    };
    if (known) alerts[index] = next;
    else alerts.push(next);
  }
  const updated: LedgerGroup = {
    hash: group.hash,
    title: groupTitle(group),
    role: previous?.role ?? role,
    firstSeen: previous?.firstSeen ?? at,
    lastSeen: at,
    notifications: (previous?.notifications ?? 0) + 1,
    truncated: group.truncatedAlerts,
    alerts,
  };
  const groups = previous
    ? ledger.groups.map((g) => (g.hash === group.hash ? updated : g))
    : [...ledger.groups, updated];
  return capLedger({ v: 1, groups, dropped: ledger.dropped });
}

/** Keeps at most {@link MAX_LEDGER_ALERTS} alerts: the oldest resolved ones go first, then the oldest. */
function capLedger(ledger: AlertsLedger): AlertsLedger {
  const all = ledger.groups.flatMap((g) => g.alerts.map((a) => ({ g: g.hash, a })));
  const excess = all.length - MAX_LEDGER_ALERTS;
  if (excess <= 0) return ledger;
  const order = [...all].sort(
    (x, y) =>
      Number(x.a.status === "firing") - Number(y.a.status === "firing") ||
      x.a.lastSeen.localeCompare(y.a.lastSeen),
  );
  const drop = new Set(order.slice(0, excess).map((e) => `${e.g} ${e.a.fp}`));
  return {
    v: 1,
    groups: ledger.groups.map((g) => ({ ...g, alerts: g.alerts.filter((a) => !drop.has(`${g.hash} ${a.fp}`)) })),
    dropped: ledger.dropped + excess,
  };
}

/** True when the group is on this ledger and none of its alerts is firing. */
export function groupResolved(ledger: AlertsLedger, hash: string): boolean {
  const group = ledger.groups.find((g) => g.hash === hash);
  return group !== undefined && group.alerts.length > 0 && group.alerts.every((a) => a.status === "resolved");
}

/**
 * A notification that changes nothing the comment shows, within a few minutes of the last
 * one: a sender's retry (after a 503, or a lost answer). It is already reflected, so it is
 * answered 2xx without another edit, which would only use up GitHub's write budget. Later
 * repeats (`repeat_interval`) do update "last seen" and the count.
 */
export const RETRY_WINDOW_MS = 5 * 60_000;

export function alreadyRecorded(ledger: AlertsLedger, group: AlertGroup, now: Date): boolean {
  const known = ledger.groups.find((g) => g.hash === group.hash);
  if (!known || now.getTime() - Date.parse(known.lastSeen) > RETRY_WINDOW_MS) return false;
  return group.alerts.every((a) => known.alerts.some((k) => k.fp === a.fingerprint && k.status === a.status));
}
