import { afterEach, describe, expect, it } from "vitest";
import { PrometheusTelemetry } from "../../src/telemetry/prometheus-telemetry.js";
import { startFirewatch } from "../support/firewatch.js";
import { githubCost } from "../support/github-cost.js";
import { secondaryRateLimit } from "../support/github/http/fault-injection.js";
import type { Scenario } from "../support/harness.js";
import { CONFIG } from "../support/incident-fixtures.js";
import { parsePrometheusText, sumOf, type Exposition } from "../support/prometheus-text.js";

async function scrape(scenario: Scenario, init?: RequestInit): Promise<Exposition> {
  const response = await scenario.app.fetch("/metrics", init);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await response.text());
}

/** `{ "GET 200": 5, "GET 304": 2, … }` */
function byMethodAndStatus(
  entries: { method: string; status: number | string; count?: number }[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entries)
    counts[`${e.method} ${e.status}`] = (counts[`${e.method} ${e.status}`] ?? 0) + (e.count ?? 1);
  return counts;
}

describe("GET /metrics after a scenario: the counters say what happened", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("counts every delivery, every request GitHub answered (304s included), lock waits and open incidents", async () => {
    const telemetry = new PrometheusTelemetry();
    scenario = await startFirewatch({ telemetry, files: { ".github/firewatch.yml": CONFIG } });
    const { gh } = scenario;

    const n = gh.as("alice").openIssue({ title: "GPU OOM", labels: ["incident", "severity:high"] });
    await gh.settle();
    gh.clock.advance("1m");
    gh.as("alice").comment(n, "/ack");
    await gh.settle();
    // Nothing to do with an incident: an ordinary issue (assigned: an event no handler
    // listens to), its `bug` label, and a push that touches no file Firewatch reads.
    const other = gh.as("alice").openIssue({ title: "Typo in the docs", assignees: ["alice"] });
    gh.as("alice").addLabels(other, ["bug"]);
    gh.as("alice").commitFile("main", "docs/typo.md", "fixed");
    await gh.settle();

    const metrics = await scrape(scenario);
    const deliveries = gh.deliveries;
    expect(sumOf(metrics, "firewatch_webhooks_total")).toBe(deliveries.length);
    for (const d of deliveries) expect(d.status).toBeLessThan(300);
    const handled = sumOf(metrics, "firewatch_webhooks_total", { outcome: "handled" });
    const ignored = sumOf(metrics, "firewatch_webhooks_total", { outcome: "ignored" });
    expect(handled + ignored).toBe(deliveries.length);
    // The ordinary issue's opened and `bug` label cannot concern Firewatch, nor the app's own comments.
    expect(
      sumOf(metrics, "firewatch_webhooks_total", { event: "issues.labeled", outcome: "ignored" }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sumOf(metrics, "firewatch_webhooks_total", {
        event: "issue_comment.created",
        outcome: "handled",
      }),
    ).toBe(1);
    expect(deliveries.some((d) => d.event === "issues" && d.action === "assigned")).toBe(true);
    expect(
      sumOf(metrics, "firewatch_webhooks_total", { event: "issues.assigned", outcome: "ignored" }),
    ).toBe(deliveries.filter((d) => d.event === "issues" && d.action === "assigned").length);
    expect(sumOf(metrics, "firewatch_webhooks_total", { event: "push", outcome: "handled" })).toBe(
      1,
    );
    // Ignored deliveries are counted, not timed.
    expect(sumOf(metrics, "firewatch_webhook_duration_seconds_count")).toBe(handled);

    // Every request the stand-in answered, by method and status, 304s included.
    const sent = byMethodAndStatus(gh.requests);
    const counted = byMethodAndStatus(
      metrics.samples
        .filter((s) => s.name === "firewatch_github_requests_total")
        .map((s) => ({ method: s.labels.method!, status: s.labels.status!, count: s.value })),
    );
    expect(counted).toEqual(sent);
    expect(sent["GET 304"]).toBeGreaterThan(0);

    // What GitHub said last about the installation's hour: 5,000 less what counted.
    const cost = githubCost(gh.requests);
    expect(
      sumOf(metrics, "firewatch_github_rate_limit_remaining", {
        installation: String(gh.state.app.installationId),
      }),
    ).toBe(5000 - cost.reads - cost.writes);

    // Each delivery about the incident waited for its lock once (a push takes none).
    expect(sumOf(metrics, "firewatch_lock_wait_seconds_count")).toBe(handled - 1);

    expect(sumOf(metrics, "firewatch_open_incidents")).toBe(1);
    expect(
      sumOf(metrics, "firewatch_open_incidents", { severity: "high", status: "investigating" }),
    ).toBe(1);

    gh.as("alice").close(n);
    await gh.settle();
    const after = await scrape(scenario);
    expect(sumOf(after, "firewatch_open_incidents")).toBe(0);
    expect(after.types.get("firewatch_open_incidents")).toBe("gauge");
  });
});

describe("GitHub requests as counted when GitHub refuses or fails", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  const requests = async (s: Scenario) =>
    byMethodAndStatus(
      (await scrape(s)).samples
        .filter((x) => x.name === "firewatch_github_requests_total")
        .map((x) => ({ method: x.labels.method!, status: x.labels.status!, count: x.value })),
    );

  it("counts each attempt of a write the app retries after a secondary rate limit", async () => {
    scenario = await startFirewatch({
      telemetry: new PrometheusTelemetry({ defaultMetrics: false }),
    });
    const { gh } = scenario;
    gh.failNext(secondaryRateLimit("issues/add-labels", 30));
    gh.as("alice").openIssue({ title: "Token spike", labels: ["incident"] });
    await gh.settle();
    const counted = await requests(scenario);
    expect(counted["POST 403"]).toBe(1);
    expect(counted).toEqual(byMethodAndStatus(gh.requests));
  });

  it("counts each attempt of a request Octokit's retry plugin repeats after a 5xx", async () => {
    scenario = await startFirewatch({
      telemetry: new PrometheusTelemetry({ defaultMetrics: false }),
      plugins: "production",
    });
    const { gh } = scenario;
    gh.failNext({ route: "issues/create-comment", status: 502 });
    gh.as("alice").openIssue({ title: "Gateway 502s", labels: ["incident"] });
    await gh.settle();
    const counted = await requests(scenario);
    expect(counted["POST 502"]).toBe(1);
    expect(counted).toEqual(byMethodAndStatus(gh.requests));
  });
});

describe("GET /metrics behind FIREWATCH_METRICS_TOKEN", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("answers 401 without the bearer token or with a wrong one, 200 with it", async () => {
    const token = "s3cret-metrics-token";
    scenario = await startFirewatch({
      telemetry: new PrometheusTelemetry(),
      env: { FIREWATCH_METRICS_TOKEN: token },
    });
    const bare = await scenario.app.fetch("/metrics");
    expect(bare.status).toBe(401);
    expect(bare.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const text = await bare.text();
    expect(text).not.toContain("firewatch_");
    expect(text).toContain("FIREWATCH_METRICS_TOKEN");
    for (const authorization of [
      `Bearer ${token}x`,
      `Bearer ${token.slice(1)}`,
      `Basic ${token}`,
      token,
      "Bearer",
    ]) {
      expect((await scenario.app.fetch("/metrics", { headers: { authorization } })).status).toBe(
        401,
      );
    }
    const metrics = await scrape(scenario, { headers: { authorization: `Bearer ${token}` } });
    expect(metrics.types.get("firewatch_webhooks_total")).toBe("counter");
    // Webhooks are untouched by the token (they carry GitHub's signature instead).
    scenario.gh.as("alice").openIssue({ title: "GPU OOM", labels: ["incident"] });
    await scenario.gh.settle();
    expect(scenario.gh.deliveries.map((d) => d.status).filter((status) => status >= 300)).toEqual(
      [],
    );
  });

  it("refuses other methods with 405 and leaves other paths alone", async () => {
    scenario = await startFirewatch({ telemetry: new PrometheusTelemetry() });
    const post = await scenario.app.fetch("/metrics", { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    expect((await scenario.app.fetch("/metrics/extra")).status).toBe(404);
    expect((await scenario.app.fetch("/metrics?format=text")).status).toBe(200);
    const head = await scenario.app.fetch("/metrics", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("serves no /metrics when the app has no telemetry that can be scraped", async () => {
    scenario = await startFirewatch();
    expect((await scenario.app.fetch("/metrics")).status).toBe(404);
  });
});
