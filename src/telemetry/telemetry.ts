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
  /**
   * An incident's card was written (or found current) by this process: its severity and
   * status as of now (`incident` is `owner/repo#n`). Resolved and post-incident ones leave
   * the open-incidents gauge. Awaited inside the incident's lock, so replicas record an
   * incident's states in the order they were written.
   */
  incidentState?(incident: string, severity: string, status: string): void | Promise<void>;
  /** The metrics in Prometheus' text format, for `GET /metrics`; absent → no such route. */
  scrape?(): Promise<MetricsText>;
}

/** A scrape's answer: the text and the content type that says which format it is in. */
export interface MetricsText {
  contentType: string;
  text: string;
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
  incidentState: () => {},
};
