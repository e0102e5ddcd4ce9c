import { readFileSync } from "node:fs";
import type { RunningApp } from "../support/harness.js";

export const ALERT_TOKEN = "s3cret-alert-token-for-tests";

type Json = Record<string, unknown>;
type AlertJson = Json & { labels: Record<string, string>; annotations: Record<string, string>; status: string };
export type AlertPayload = Json & { alerts: AlertJson[]; groupKey: string; status: string };

const fixture = (name: string): AlertPayload =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as AlertPayload;

/** Alertmanager's firing notification (fixtures/alertmanager-firing.json), optionally changed. */
export function alertmanagerFiring(change: (p: AlertPayload) => void = () => {}): AlertPayload {
  const payload = fixture("alertmanager-firing.json");
  change(payload);
  return payload;
}

export function grafanaFiring(change: (p: AlertPayload) => void = () => {}): AlertPayload {
  const payload = fixture("grafana-firing.json");
  change(payload);
  return payload;
}

/** The same notification with every alert resolved at `at`, as Alertmanager sends it. */
export function resolved(payload: AlertPayload, at: string): AlertPayload {
  const copy = structuredClone(payload);
  copy.status = "resolved";
  for (const alert of copy.alerts) {
    alert.status = "resolved";
    alert.endsAt = at;
  }
  return copy;
}

/** One group of a storm: its own alert name and group key, `alerts` alerts in it. */
export function stormGroup(index: number, alerts = 10): AlertPayload {
  return alertmanagerFiring((p) => {
    const name = `StormAlert${index}`;
    const template = p.alerts[0]!;
    p.groupKey = `{}:{alertname="${name}"}`;
    p.groupLabels = { alertname: name };
    p.commonLabels = { alertname: name, severity: "critical" };
    p.commonAnnotations = { summary: `Storm alert ${index}` };
    p.alerts = Array.from({ length: alerts }, (_, i) => ({
      ...structuredClone(template),
      labels: { ...template.labels, alertname: name, instance: `vllm-${i}:8000` },
      fingerprint: `${index.toString(16).padStart(8, "0")}${i.toString(16).padStart(8, "0")}`,
    }));
  });
}

export interface PostOptions {
  token?: string | null;
  repo?: string | null;
  body?: string;
  headers?: Record<string, string>;
}

/** POSTs a notification to the app's alert endpoint as Alertmanager (or Grafana) would. */
export async function postAlerts(
  app: Pick<RunningApp, "fetch">,
  source: "alertmanager" | "grafana",
  payload: unknown,
  options: PostOptions = {},
): Promise<{ status: number; body: Json }> {
  const repo = options.repo === undefined ? "acme/ops" : options.repo;
  const token = options.token === undefined ? ALERT_TOKEN : options.token;
  const response = await app.fetch(`/api/alerts/${source}${repo === null ? "" : `?repo=${encodeURIComponent(repo)}`}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...options.headers,
    },
    body: options.body ?? JSON.stringify(payload),
  });
  const text = await response.text();
  let body: Json;
  try {
    body = JSON.parse(text) as Json;
  } catch {
    body = { text };
  }
  return { status: response.status, body };
}

/** The app's Alerts comment on an issue, if any. */
/** How many comments carry a key marker starting with `prefix` (`card`, `escalation-`, `alerts-`). */
export function keyedCount(comments: readonly { body: string }[], prefix: string): number {
  return comments.filter((c) => c.body.includes(`<!-- firewatch:key ${prefix}`)).length;
}

export function alertsComment(comments: readonly { body: string }[]): string | undefined {
  return comments.find((c) => c.body.includes("firewatch:key alerts-"))?.body;
}
