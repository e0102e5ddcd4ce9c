import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createRuntime } from "../../src/app/pipeline.js";
import { NotInstalled, withRepository } from "../../src/app/repository-work.js";
import { MemoryCoordination } from "../../src/coordination/index.js";
import { PrometheusTelemetry } from "../../src/telemetry/prometheus-telemetry.js";
import { useTelemetry } from "../../src/telemetry/use-telemetry.js";
import { startScenario, type Scenario } from "../support/harness.js";
import { CONFIG } from "../support/incident-fixtures.js";
import { parsePrometheusText, sumOf } from "../support/prometheus-text.js";

/**
 * Work outside a webhook (an alert, a tick) through `withRepository`, started by a test route
 * of the app: its GitHub requests are counted like a delivery's, its lock wait is timed, and
 * its log lines carry the same fields.
 */
describe("withRepository: work outside a webhook is counted and logged like a delivery", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("counts its requests (the installation look-up and token included), times its lock, binds id/event/repository", async () => {
    const telemetry = new PrometheusTelemetry({ defaultMetrics: false });
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString("utf8").split("\n"))
          if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    scenario = await startScenario({
      log: pino({ level: "debug" }, stream),
      repo: { owner: "acme", name: "ops", files: { ".github/firewatch.yml": CONFIG } },
      appFn: {
        build: (gh) => (app, options) => {
          const deps = { now: () => gh.clock.now(), sleep: async () => {}, telemetry };
          // As createApp does: the app's JWT client is counted too.
          useTelemetry(app, options, telemetry);
          const runtime = createRuntime(app, deps, new MemoryCoordination({ waitMs: 1_000 }));
          options.addHandler(async (req, res) => {
            const repo = new URL(req.url ?? "/", "http://x").searchParams.get("repo");
            if (!req.url?.startsWith("/work")) return false;
            try {
              const title = await withRepository(
                app,
                runtime,
                { owner: "acme", repo: repo ?? "ops" },
                { id: "tick-test-1", name: "tick" },
                async (scope) => {
                  scope.log.info("ticking");
                  const { data } = await scope.octokit.rest.issues.get({
                    ...scope.repo,
                    issue_number: 1,
                  });
                  return data.title;
                },
                { lockKey: "acme/ops#1" },
              );
              res.writeHead(200).end(title);
            } catch (error) {
              res.writeHead(error instanceof NotInstalled ? 404 : 500).end(String(error));
            }
            return true;
          });
        },
      },
    });
    const { gh } = scenario;
    gh.as("alice").openIssue({ title: "GPU OOM" });

    const response = await scenario.app.fetch("/work");
    expect(await response.text()).toBe("GPU OOM");
    const metrics = parsePrometheusText((await telemetry.scrape()).text);
    expect(sumOf(metrics, "firewatch_github_requests_total")).toBe(gh.requests.length);
    expect(gh.requests.some((r) => r.path === "/repos/acme/ops/installation")).toBe(true);
    expect(sumOf(metrics, "firewatch_lock_wait_seconds_count")).toBe(1);
    expect(
      sumOf(metrics, "firewatch_github_rate_limit_remaining", {
        installation: String(gh.state.app.installationId),
      }),
    ).toBeGreaterThan(0);

    const about = lines.filter((l) => l.id === "tick-test-1");
    expect(about.map((l) => l.msg)).toContain("ticking");
    expect(about.some((l) => String(l.msg).startsWith("GitHub request: GET"))).toBe(true);
    for (const line of about) expect(line).toMatchObject({ event: "tick", repository: "acme/ops" });

    // A repository the app is not installed on: a clear 404, nothing run.
    const missing = await scenario.app.fetch("/work?repo=nope");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("not installed on acme/nope");
  });
});
