import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { startFirewatch } from "../support/firewatch.js";
import { assertMermaidParses } from "../support/mermaid.js";

describe("/metrics", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("replies with the report computed from GitHub's events, and refuses a bad window", async () => {
    scenario = await startFirewatch({ collaborators: { alice: "triage" } });
    const { gh } = scenario;
    const first = gh.as("alice").openIssue({ title: "GPU OOM", labels: ["incident", "severity:critical"] });
    await gh.settle();
    gh.clock.advance("6m");
    gh.as("alice").comment(first, "/ack");
    await gh.settle();
    gh.clock.advance("54m");
    gh.as("alice").comment(first, "/resolve rolled back");
    await gh.settle();
    const second = gh.as("alice").openIssue({ title: "Provider outage", labels: ["incident", "severity:high"] });
    await gh.settle();

    gh.as("alice").comment(second, "/metrics 30d");
    gh.as("alice").comment(second, "/metrics yesterday-ish");
    await gh.settle();
    const replies = gh.issue(second).comments.filter((c) => c.user === "firewatch[bot]" && !c.body.includes("## 🔥 Incident"));
    const report = replies[0]!.body;
    expect(report).toContain("## Incident metrics for acme/ops");
    expect(report).toMatch(/2 incidents/);
    expect(report).toMatch(/MTTA[^\n]*6m/);
    expect(report).toMatch(/MTTR[^\n]*1h/);
    for (const [, diagram] of report.matchAll(/```mermaid\n([\s\S]*?)```/g)) await assertMermaidParses(diagram!);
    expect(replies[1]!.body).toContain("Usage: `/metrics [since]`");
  });
});
