import { describe, expect, it } from "vitest";
import { PrometheusTelemetry } from "../../src/telemetry/prometheus-telemetry.js";
import { parsePrometheusText, sumOf } from "../support/prometheus-text.js";

const read = async (telemetry: PrometheusTelemetry) =>
  parsePrometheusText((await telemetry.scrape()).text);

describe("PrometheusTelemetry", () => {
  it("keeps its own registry: two instances (two replicas, two tests) never share a count", async () => {
    const a = new PrometheusTelemetry({ defaultMetrics: false });
    const b = new PrometheusTelemetry({ defaultMetrics: false });
    a.webhook("issues.opened", "handled", 0.2);
    a.webhook("issues.opened", "handled", 0.3);
    expect(
      sumOf(await read(a), "firewatch_webhooks_total", {
        event: "issues.opened",
        outcome: "handled",
      }),
    ).toBe(2);
    expect(sumOf(await read(b), "firewatch_webhooks_total")).toBe(0);
  });

  it("counts alerts per source and notifications per kind and outcome", async () => {
    const telemetry = new PrometheusTelemetry({ defaultMetrics: false });
    telemetry.alertsReceived("alertmanager", 3);
    telemetry.alertsReceived("grafana", 1);
    telemetry.notification("slack", "sent");
    telemetry.notification("slack", "failed");
    telemetry.notification("teams", "sent");
    const metrics = await read(telemetry);
    expect(sumOf(metrics, "firewatch_alerts_received_total", { source: "alertmanager" })).toBe(3);
    expect(sumOf(metrics, "firewatch_alerts_received_total")).toBe(4);
    expect(
      sumOf(metrics, "firewatch_notifications_total", { kind: "slack", outcome: "failed" }),
    ).toBe(1);
    expect(sumOf(metrics, "firewatch_notifications_total", { outcome: "sent" })).toBe(2);
  });

  it("reports each open incident once, by its latest severity and status, with zeros for the rest", async () => {
    const telemetry = new PrometheusTelemetry({ defaultMetrics: false });
    telemetry.incidentState("acme/ops#1", "high", "detected");
    telemetry.incidentState("acme/ops#1", "critical", "identified");
    telemetry.incidentState("acme/ops#2", "low", "investigating");
    telemetry.incidentState("acme/ops#3", "low", "investigating");
    telemetry.incidentState("acme/ops#3", "low", "resolved");
    telemetry.incidentState("acme/ops#4", "medium", "post-incident");
    const metrics = await read(telemetry);
    expect(sumOf(metrics, "firewatch_open_incidents")).toBe(2);
    expect(
      sumOf(metrics, "firewatch_open_incidents", { severity: "critical", status: "identified" }),
    ).toBe(1);
    expect(
      sumOf(metrics, "firewatch_open_incidents", { severity: "high", status: "detected" }),
    ).toBe(0);
    // 4 severities × 6 open statuses, so a dashboard sees zeros rather than gaps.
    expect(metrics.samples.filter((s) => s.name === "firewatch_open_incidents")).toHaveLength(24);
    expect(metrics.samples.some((s) => s.labels.status === "resolved")).toBe(false);
  });

  it("keeps the last x-ratelimit-remaining per installation and times lock waits", async () => {
    const telemetry = new PrometheusTelemetry({ defaultMetrics: false });
    telemetry.rateLimitRemaining("777", 4999);
    telemetry.rateLimitRemaining("777", 4980);
    telemetry.rateLimitRemaining("778", 12);
    telemetry.lockWaited(0.002);
    telemetry.lockWaited(3);
    const metrics = await read(telemetry);
    expect(sumOf(metrics, "firewatch_github_rate_limit_remaining", { installation: "777" })).toBe(
      4980,
    );
    expect(sumOf(metrics, "firewatch_github_rate_limit_remaining", { installation: "778" })).toBe(
      12,
    );
    expect(sumOf(metrics, "firewatch_lock_wait_seconds_count")).toBe(2);
    expect(sumOf(metrics, "firewatch_lock_wait_seconds_bucket", { le: "0.01" })).toBe(1);
    expect(sumOf(metrics, "firewatch_lock_wait_seconds_sum")).toBeCloseTo(3.002);
  });

  it("includes prom-client's default process metrics unless told not to", async () => {
    const families = (await read(new PrometheusTelemetry())).types;
    expect(families.get("process_cpu_user_seconds_total")).toBe("counter");
    expect(families.get("nodejs_heap_size_used_bytes")).toBe("gauge");
    expect(
      (await read(new PrometheusTelemetry({ defaultMetrics: false }))).types.has(
        "process_cpu_user_seconds_total",
      ),
    ).toBe(false);
  });
});
