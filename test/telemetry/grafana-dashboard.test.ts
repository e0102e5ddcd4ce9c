import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PrometheusTelemetry } from "../../src/telemetry/prometheus-telemetry.js";
import { parsePrometheusText, type Exposition } from "../support/prometheus-text.js";

interface Panel {
  title: string;
  targets?: { expr: string; legendFormat?: string }[];
}
const dashboard = JSON.parse(readFileSync("examples/grafana/firewatch-dashboard.json", "utf8")) as {
  panels: Panel[];
  templating: { list: { definition: string }[] };
};
/** Labels Prometheus adds to every scraped series, and the histogram bucket bound. */
const ADDED_BY_PROMETHEUS = new Set(["instance", "job", "le"]);

/** A scrape in which every metric has a series (each telemetry call made once). */
async function scrapeWithEverything(): Promise<Exposition> {
  const telemetry = new PrometheusTelemetry();
  telemetry.webhook("issues.opened", "handled", 0.1);
  telemetry.githubRequest("GET", 304);
  telemetry.rateLimitRemaining("777", 4999);
  telemetry.lockWaited(0.01);
  telemetry.alertsReceived("alertmanager", 1);
  telemetry.notification("slack", "sent");
  await telemetry.incidentState("acme/ops#1", "high", "investigating");
  return parsePrometheusText((await telemetry.scrape()).text);
}

const metricsIn = (expr: string) =>
  [...expr.matchAll(/\b(?:firewatch|process|nodejs)_[a-z0-9_]+/g)].map((m) => m[0]);
const labelsIn = (expr: string) => [
  ...[...expr.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)].flatMap((m) =>
    m[1]!.split(",").map((l) => l.trim()),
  ),
  ...[...expr.matchAll(/[{,]\s*([a-z_]+)\s*(?:=~|!=|!~|=)/g)].map((m) => m[1]!),
];

describe("the Grafana dashboard (examples/grafana/)", () => {
  const exprs = dashboard.panels.flatMap((p) =>
    (p.targets ?? []).map((t) => ({ panel: p.title, ...t })),
  );

  it("queries only metrics that /metrics serves, with labels they carry", async () => {
    const scrape = await scrapeWithEverything();
    expect(exprs.length).toBeGreaterThan(10);
    const queried = new Set<string>();
    for (const { panel, expr, legendFormat } of exprs) {
      const metrics = metricsIn(expr);
      expect(metrics.length, `${panel}: ${expr}`).toBeGreaterThan(0);
      const samples = scrape.samples.filter((s) => metrics.includes(s.name));
      for (const metric of metrics) {
        queried.add(metric.replace(/_(bucket|sum|count)$/, ""));
        expect(
          scrape.samples.some((s) => s.name === metric),
          `${panel}: ${metric} is not in a scrape`,
        ).toBe(true);
      }
      for (const label of [
        ...labelsIn(expr),
        ...[...(legendFormat ?? "").matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!),
      ]) {
        if (ADDED_BY_PROMETHEUS.has(label)) continue;
        expect(
          samples.some((s) => label in s.labels),
          `${panel}: no series of ${metrics.join(", ")} has the label ${label}`,
        ).toBe(true);
      }
    }
    // Every Firewatch metric has a panel.
    const firewatch = [...scrape.types.keys()].filter((name) => name.startsWith("firewatch_"));
    expect(firewatch.filter((name) => !queried.has(name))).toEqual([]);
  });

  it("picks replicas by a metric that exists", () => {
    for (const variable of dashboard.templating.list) {
      for (const metric of metricsIn(variable.definition))
        expect(metric).toBe("firewatch_webhooks_total");
    }
  });
});
