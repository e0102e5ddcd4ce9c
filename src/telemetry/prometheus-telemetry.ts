import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { SEVERITIES } from "../config/schema.js";
import type { OpenIncidentStates } from "../coordination/coordination.js";
import { isClosedStatus, isStatus, STATUSES } from "../incident/lifecycle.js";
import type { MetricsText, Telemetry, WebhookOutcome } from "./telemetry.js";

/** Statuses an incident can be open in: the gauge reports each, with its zeros. */
const OPEN_STATUSES = STATUSES.filter((status) => !isClosedStatus(status));

/**
 * Telemetry as Prometheus metrics, in a registry of its own (never prom-client's global
 * one), so each app instance — each replica, each test — counts only what it did itself.
 * Scrape each replica directly: behind a load balancer every scrape would see another one.
 */
export class PrometheusTelemetry implements Telemetry {
  readonly registry = new Registry();
  /**
   * Deliveries counted since the last scrape, by event and outcome: a Map increment costs
   * an ignored event a few nanoseconds where prom-client's labelled `inc` costs ~0.3 µs;
   * the counter takes them over when it is collected.
   */
  readonly #uncollectedWebhooks = new Map<
    string,
    { event: string; outcome: WebhookOutcome; count: number }
  >();
  readonly #webhookSeconds = new Histogram({
    name: "firewatch_webhook_duration_seconds",
    help: "Time a delivery that was not ignored took, from Firewatch's handler starting to its end (lock wait included).",
    labelNames: ["outcome"] as const,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 9, 30],
    registers: [this.registry],
  });
  readonly #githubRequests = new Counter({
    name: "firewatch_github_requests_total",
    help: "Requests to GitHub's REST API, by method and the status GitHub answered (304 included).",
    labelNames: ["method", "status"] as const,
    registers: [this.registry],
  });
  readonly #rateLimitRemaining = new Gauge({
    name: "firewatch_github_rate_limit_remaining",
    help: "GitHub's x-ratelimit-remaining for each installation, as last answered.",
    labelNames: ["installation"] as const,
    registers: [this.registry],
  });
  readonly #lockWaitSeconds = new Histogram({
    name: "firewatch_lock_wait_seconds",
    help: "Time spent waiting for an incident's lock (a delivery, an alert, a tick).",
    buckets: [0.001, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly #alertsReceived = new Counter({
    name: "firewatch_alerts_received_total",
    help: "Alerts received on the alert endpoint, by source (each alert of a notification counts).",
    labelNames: ["source"] as const,
    registers: [this.registry],
  });
  readonly #notifications = new Counter({
    name: "firewatch_notifications_total",
    help: "Chat and webhook notification attempts, by kind and outcome.",
    labelNames: ["kind", "outcome"] as const,
    registers: [this.registry],
  });
  /** Each incident this process last wrote a card for, with its severity and status then. */
  readonly #openIncidents = new Map<string, { severity: string; status: string }>();
  readonly #sharedOpenIncidents: OpenIncidentStates | undefined;

  /**
   * `openIncidents`: the replicas' shared record (Redis), so every replica reports every open
   * incident as its card was last written by any of them; without it, this process's own.
   */
  constructor(options: { defaultMetrics?: boolean; openIncidents?: OpenIncidentStates } = {}) {
    this.#sharedOpenIncidents = options.openIncidents;
    const shared = options.openIncidents;
    const uncollected = this.#uncollectedWebhooks;
    new Counter({
      name: "firewatch_webhooks_total",
      help: "Webhook deliveries received, by event (`issues.labeled`) and how their handling ended.",
      labelNames: ["event", "outcome"] as const,
      registers: [this.registry],
      collect() {
        for (const { event, outcome, count } of uncollected.values())
          this.inc({ event, outcome }, count);
        uncollected.clear();
      },
    });
    const open = this.#openIncidents;
    new Gauge({
      name: "firewatch_open_incidents",
      help: "Open incidents by severity and status, as their cards were last written (by any replica, with Redis).",
      labelNames: ["severity", "status"] as const,
      registers: [this.registry],
      async collect() {
        const states = (await shared?.all()) ?? open;
        for (const severity of SEVERITIES)
          for (const status of OPEN_STATUSES) this.set({ severity, status }, 0);
        for (const { severity, status } of states.values()) this.inc({ severity, status });
      },
    });
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** Ignored deliveries are counted, not timed: they cost microseconds, and would drown the rest. */
  webhook(event: string, outcome: WebhookOutcome, seconds: number): void {
    const key = `${event} ${outcome}`;
    const counted = this.#uncollectedWebhooks.get(key);
    if (counted) counted.count++;
    else this.#uncollectedWebhooks.set(key, { event, outcome, count: 1 });
    if (outcome !== "ignored") this.#webhookSeconds.observe({ outcome }, seconds);
  }

  githubRequest(method: string, status: number): void {
    this.#githubRequests.inc({ method: method.toUpperCase(), status: String(status) });
  }

  rateLimitRemaining(installation: string, remaining: number): void {
    this.#rateLimitRemaining.set({ installation }, remaining);
  }

  lockWaited(seconds: number): void {
    this.#lockWaitSeconds.observe(seconds);
  }

  alertsReceived(source: "alertmanager" | "grafana", count: number): void {
    this.#alertsReceived.inc({ source }, count);
  }

  notification(kind: string, outcome: "sent" | "failed" | "skipped"): void {
    this.#notifications.inc({ kind, outcome });
  }

  async incidentState(incident: string, severity: string, status: string): Promise<void> {
    const open = isStatus(status) && !isClosedStatus(status);
    if (open) this.#openIncidents.set(incident, { severity, status });
    else this.#openIncidents.delete(incident);
    await this.#sharedOpenIncidents?.set(incident, open ? { severity, status } : undefined);
  }

  async scrape(): Promise<MetricsText> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}
