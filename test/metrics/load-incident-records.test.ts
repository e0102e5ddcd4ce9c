import { Octokit } from "@octokit/rest";
import { ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { labelNames } from "../../src/incident/label-names.js";
import type { RequestClient } from "../../src/metrics/conditional-get.js";
import { memoryHttpCache } from "../../src/metrics/http-cache.js";
import { buildMetricsReport } from "../../src/metrics/build-metrics-report.js";
import { loadIncidentRecords } from "../../src/metrics/load-incident-records.js";
import { parseSince } from "../../src/metrics/parse-since.js";
import { GitHubStandIn } from "../support/github/github-stand-in.js";
import { rsaKeyPair } from "../support/rsa-key-pair.js";
import { seedIncidents } from "./seed-incidents.js";

const names = labelNames(configSchema.parse({}));
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

// Both Octokits the app uses fit the loader's client type.
const _probot: RequestClient = new ProbotOctokit();
const _rest: RequestClient = new Octokit();
void _probot;
void _rest;

describe("loadIncidentRecords against the stand-in", () => {
  let gh: GitHubStandIn;
  let client: Octokit;
  beforeEach(async () => {
    gh = await GitHubStandIn.start({ appPublicKey: rsaKeyPair().publicKey, webhookSecret: "s" });
    gh.addRepository({ owner: "acme", name: "llm" });
    client = new Octokit({ baseUrl: gh.urls.api, auth: gh.installationToken(), log: quiet });
  });
  afterEach(async () => {
    await gh.stop();
    gh.assertClean();
  });

  const load = (cache = memoryHttpCache(), since?: Date) =>
    loadIncidentRecords({ client, owner: "acme", repo: "llm", names, cache, now: gh.clock.now(), since });

  it("derives times, severity and services from events, labels and the form", async () => {
    gh.clock.set("2026-03-02T10:00:00Z");
    const n = gh.as("alice").openIssue({
      title: "GPU OOM on inference",
      body: "### Summary\n\nOOM\n\n### Severity\n\ncritical\n\n### Affected services\n\ninference, gateway\n\n### Detected at\n\n2026-03-02 09:40 UTC",
      labels: ["incident", "severity:critical", "status:detected"],
    });
    gh.clock.advance("7m");
    gh.as("bob").addLabels(n, ["status:investigating"]);
    gh.clock.advance("2h");
    gh.as("bob").close(n);
    gh.as("carol").openIssue({ title: "not an incident" });

    const { records, stats } = await load();
    expect(records).toEqual([
      {
        number: n,
        title: "GPU OOM on inference",
        url: expect.stringMatching(/\/acme\/llm\/issues\/1$/),
        state: "closed",
        severity: "critical",
        services: ["inference", "gateway"],
        createdAt: "2026-03-02T10:00:00Z",
        detectedAt: "2026-03-02T09:40:00.000Z",
        declaredAt: "2026-03-02T10:00:00Z",
        acknowledgedAt: "2026-03-02T10:07:00Z",
        resolvedAt: "2026-03-02T12:07:00Z",
      },
    ]);
    expect(stats).toEqual({ requests: 2, notModified: 0, skipped: 0 });
  });

  it("costs one request per incident (plus one per 100 listed) first, and only 304s on a repeat", async () => {
    seedIncidents(gh, { count: 120 });
    const cache = memoryHttpCache();
    const first = await load(cache);
    expect(first.records).toHaveLength(120);
    expect(first.stats).toEqual({ requests: 2 + 120, notModified: 0, skipped: 0 });

    const again = await load(cache);
    expect(again.stats).toEqual({ requests: 2, notModified: 2, skipped: 120 });
    expect(again.records).toEqual(first.records);

    gh.clock.advance("1d");
    gh.as("erin").addLabels(120, ["severity:low"]);
    const changed = await load(cache);
    expect(changed.stats).toEqual({ requests: 3, notModified: 1, skipped: 119 });
    expect(gh.requests.filter((r) => r.status === 200).length).toBe(first.stats.requests + 2);
  });

  it("lists only issues updated since the given day", async () => {
    seedIncidents(gh, { count: 30, start: "2026-01-01T00:00:00Z" });
    const all = await load();
    const cut = all.records[20]!.createdAt;
    const recent = await load(memoryHttpCache(), new Date(cut));
    expect(recent.records.length).toBeLessThan(30);
    expect(recent.records.length).toBeGreaterThanOrEqual(10);
  });

  it("builds the /metrics reply in one call, without links to the incidents", async () => {
    seedIncidents(gh, { count: 12, start: "2026-02-01T00:00:00Z" });
    const since = parseSince("30d");
    if (!since.ok) throw new Error(since.error);
    const report = await buildMetricsReport({ client, owner: "acme", repo: "llm", names, since: since.value, now: new Date("2026-03-01T00:00:00Z") });
    expect(report.metrics.since).toBe("2026-01-30T00:00:00.000Z");
    expect(report.metrics.count).toBe(12);
    expect(report.markdown).toContain("12 incidents, since 2026-01-30");
    expect(report.markdown).not.toContain("/issues/");
    expect(report.requests).toEqual({ requests: 13, notModified: 0, skipped: 0 });
  });
});
