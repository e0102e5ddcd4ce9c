import { createHash } from "node:crypto";
import type { AlertmanagerPayload, GrafanaPayload } from "./alert-payload.js";

export type AlertSource = "alertmanager" | "grafana";

/** One alert of a notification, in the terms Firewatch uses whatever sent it. */
export interface Alert {
  fingerprint: string;
  status: "firing" | "resolved";
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  /** When it resolved (resolved alerts only; a firing alert's `endsAt` is a forecast or Go's zero time). */
  endsAt?: string;
  /** Links a responder follows: the rule's query, its runbook, its dashboard or panel. */
  links: { generator?: string; runbook?: string; dashboard?: string; panel?: string };
}

/** One notification of an alert group (Alertmanager's `groupKey`), from either source. */
export interface AlertGroup {
  source: AlertSource;
  groupKey: string;
  /** A short stable name for the group: hidden keys and lock names use it. */
  hash: string;
  status: "firing" | "resolved";
  alerts: Alert[];
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  /** Alerts the sender left out (`max_alerts`): the group has more than `alerts` shows. */
  truncatedAlerts: number;
  externalURL: string;
  /** Grafana's own title for the notification, when it sent one. */
  title?: string;
}

/** Go's zero time: what Alertmanager sends as the `endsAt` of an alert with no end. */
const GO_ZERO_TIME = /^0001-01-01T/;

/** The group's name in hidden keys: 16 hex digits of SHA-256 of the group key (keys are long and free text). */
export function groupHash(groupKey: string): string {
  return createHash("sha256").update(groupKey).digest("hex").slice(0, 16);
}

/** Only http(s) links are kept: anything else is never rendered as a link. */
function link(url: string | undefined): string | undefined {
  if (!url || url.length > 500) return undefined;
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/** Alertmanager's and Grafana's payloads, as one alert group. */
export function toAlertGroup(
  source: AlertSource,
  payload: AlertmanagerPayload | GrafanaPayload,
): AlertGroup {
  const grafana = source === "grafana" ? (payload as GrafanaPayload) : undefined;
  const alerts = (grafana?.alerts ?? payload.alerts).map((a): Alert => {
    const extra = a as GrafanaPayload["alerts"][number];
    const ended = a.status === "resolved" && !GO_ZERO_TIME.test(a.endsAt) && !Number.isNaN(Date.parse(a.endsAt));
    return {
      fingerprint: a.fingerprint,
      status: a.status,
      labels: a.labels,
      annotations: a.annotations,
      startsAt: new Date(a.startsAt).toISOString(),
      ...(ended ? { endsAt: new Date(a.endsAt).toISOString() } : {}),
      links: {
        generator: link(a.generatorURL),
        runbook: link(a.annotations.runbook_url),
        dashboard: link(extra.dashboardURL),
        panel: link(extra.panelURL),
      },
    };
  });
  return {
    source,
    groupKey: payload.groupKey,
    hash: groupHash(`${source}:${payload.groupKey}`),
    status: payload.status,
    alerts,
    groupLabels: payload.groupLabels,
    commonLabels: payload.commonLabels,
    commonAnnotations: payload.commonAnnotations,
    truncatedAlerts: payload.truncatedAlerts,
    externalURL: payload.externalURL,
    ...(grafana?.title ? { title: grafana.title } : {}),
  };
}
