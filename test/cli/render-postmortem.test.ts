import { afterEach, describe, expect, it } from "vitest";
import { createRenderCommand, defaultRenderDeps } from "../../src/cli/commands/render.js";
import type { Scenario } from "../support/harness.js";
import { startFirewatch } from "../support/firewatch.js";

describe("firewatch render postmortem", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("prints the postmortem of an incident from the repository on GitHub", async () => {
    scenario = await startFirewatch({ files: { ".github/firewatch.yml": "postmortem:\n  when: command\n" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Embeddings latency", labels: ["incident"] });
    await gh.settle();
    gh.clock.advance(90_000);
    gh.as("alice").addLabels(n, ["status:investigating"]);
    await gh.settle();
    const out: string[] = [];
    const err: string[] = [];
    const io = { cwd: "/", stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l), readFile: async () => "", listFiles: async () => undefined };
    const command = createRenderCommand({ ...defaultRenderDeps, env: { GITHUB_TOKEN: gh.installationToken(), GITHUB_API_URL: gh.urls.api }, now: () => gh.clock.now() });
    expect(await command.run(["postmortem", "--repo", "acme/ops", "--issue", String(n)], io)).toBe(0);
    expect(out.join("\n")).toContain("# Postmortem: Embeddings latency");
    expect(out.join("\n")).toContain("| Time to acknowledge (MTTA) | 1m 30s |");
    expect(await command.run(["postmortem", "--repo", "acme/ops"], io)).toBe(2);
    expect(err.join("\n")).toContain("--issue N is required");
  });
});
