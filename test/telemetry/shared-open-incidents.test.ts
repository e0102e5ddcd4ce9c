import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { PrometheusTelemetry } from "../../src/telemetry/prometheus-telemetry.js";
import { parsePrometheusText, sumOf } from "../support/prometheus-text.js";
import { sharedRedis } from "../support/shared-redis.js";

const redis = sharedRedis();

/** A replica's telemetry: its own coordination (its own Redis connection) and registry. */
async function replica(): Promise<PrometheusTelemetry> {
  const coordination = await redis.coordination();
  return new PrometheusTelemetry({
    defaultMetrics: false,
    openIncidents: coordination.openIncidents,
  });
}

const openIncidents = async (telemetry: PrometheusTelemetry, match: Record<string, string> = {}) =>
  sumOf(parsePrometheusText((await telemetry.scrape()).text), "firewatch_open_incidents", match);

describe("firewatch_open_incidents with Redis: every replica reports every open incident", () => {
  it("counts an incident once, at the state any replica wrote last, and drops it when another closes it", async () => {
    const [a, b] = [await replica(), await replica()];
    await a.incidentState("acme/ops#1", "high", "investigating");
    await a.incidentState("acme/ops#2", "low", "detected");
    await b.incidentState("acme/ops#1", "critical", "identified");
    for (const telemetry of [a, b]) {
      expect(await openIncidents(telemetry)).toBe(2);
      expect(await openIncidents(telemetry, { severity: "critical", status: "identified" })).toBe(
        1,
      );
      expect(await openIncidents(telemetry, { severity: "high" })).toBe(0);
    }
    await b.incidentState("acme/ops#2", "low", "resolved");
    expect(await openIncidents(a)).toBe(1);
  });

  it("skips a record it cannot read, and falls back to its own incidents when Redis is gone", async () => {
    const telemetry = await replica();
    const raw = new Redis(redis.url);
    await raw.hset("firewatch:open-incidents", "acme/ops#9", "not json");
    raw.disconnect();
    const before = await openIncidents(telemetry);
    await telemetry.incidentState("acme/ops#3", "medium", "containing");
    expect(await openIncidents(telemetry)).toBe(before + 1);

    redis.server.kill();
    // Neither the card's write nor a scrape fails for it: the gauge shows this replica's own.
    await telemetry.incidentState("acme/ops#4", "medium", "recovering");
    expect(await openIncidents(telemetry)).toBe(2);
  });
});
