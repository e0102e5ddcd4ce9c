/**
 * What the app tells its operator about itself (Prometheus metrics in production, nothing in
 * most tests). Every part of the app reports through this one seam, so the metrics module is
 * the only one that knows prom-client.
 */
export interface Telemetry {
  /** A webhook delivery went through the pipeline: how it ended and how long it took. */
  webhook(event: string, outcome: WebhookOutcome, seconds: number): void;
  /** A request to GitHub answered (304s included: they are free, but they are requests). */
  githubRequest(method: string, status: number): void;
  /** GitHub's `x-ratelimit-remaining` for an installation, as last seen. */
  rateLimitRemaining(installation: string, remaining: number): void;
  /** How long a delivery (or an alert, or a tick) waited for an incident's lock. */
  lockWaited(seconds: number): void;
  /** Alerts received on the alert endpoint (each alert of a notification counts). */
  alertsReceived(source: "alertmanager" | "grafana", count: number): void;
  /** One chat or webhook notification attempt ended. */
  notification(kind: string, outcome: "sent" | "failed" | "skipped"): void;
}

export type WebhookOutcome = "handled" | "ignored" | "duplicate" | "error";

/** Telemetry that records nothing: the default when no metrics are wanted. */
export const noTelemetry: Telemetry = {
  webhook: () => {},
  githubRequest: () => {},
  rateLimitRemaining: () => {},
  lockWaited: () => {},
  alertsReceived: () => {},
  notification: () => {},
};
