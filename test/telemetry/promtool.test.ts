import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { PrometheusTelemetry } from "../../src/telemetry/prometheus-telemetry.js";
import { debianTool } from "../support/debian-tool.js";
import { startFirewatch } from "../support/firewatch.js";
import type { Scenario } from "../support/harness.js";
import { CONFIG } from "../support/incident-fixtures.js";

// Prometheus' own checker (Debian's prometheus package, installed by .ci/run) reads a real
// scrape: the exposition parses as Prometheus parses it, and Firewatch's metrics pass its lint.
const promtool = debianTool("promtool", "prometheus");

/** `promtool check metrics` on a scrape: its exit status and the lines it printed. */
function checkMetrics(text: string): { status: number | null; lines: string[] } {
  const result = spawnSync(promtool!, ["check", "metrics"], { input: text, encoding: "utf8" });
  const lines = `${result.stdout}\n${result.stderr}`.split("\n").filter((l) => l.trim() !== "");
  return { status: result.status, lines };
}

describe("GET /metrics as Prometheus reads it (promtool check metrics)", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  async function scrapeAfterAnIncident(telemetry: PrometheusTelemetry): Promise<string> {
    scenario = await startFirewatch({ telemetry, files: { ".github/firewatch.yml": CONFIG } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "vLLM OOM on the H100 pool", labels: ["incident", "severity:high"] });
    await gh.settle();
    gh.as("alice").comment(n, "/ack");
    await gh.settle();
    const response = await scenario.app.fetch("/metrics");
    expect(response.status).toBe(200);
    return response.text();
  }

  it("Firewatch's metrics parse and pass Prometheus' lint", async () => {
    if (!promtool) return expect(promtool).toBeUndefined();
    const text = await scrapeAfterAnIncident(new PrometheusTelemetry({ defaultMetrics: false }));
    expect(text).toContain("firewatch_webhooks_total{");
    expect(checkMetrics(text)).toEqual({ status: 0, lines: [] });
  });

  it("with the default process metrics, the only lint is prom-client's own nodejs_* names", async () => {
    if (!promtool) return expect(promtool).toBeUndefined();
    const text = await scrapeAfterAnIncident(new PrometheusTelemetry());
    expect(text).toContain("process_cpu_seconds_total");
    const { status, lines } = checkMetrics(text);
    // 3: the text parsed, and the linter had remarks; a parse error is another status.
    expect([0, 3]).toContain(status);
    for (const line of lines) expect(line).toMatch(/^nodejs_\w+ /);
  });
});
