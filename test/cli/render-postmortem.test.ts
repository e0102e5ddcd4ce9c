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
    // alice declares the incident, which takes the triage role (permissions.declare).
    scenario = await startFirewatch({ files: { ".github/firewatch.yml": "postmortem:\n  when: command\n" }, collaborators: { alice: "triage" } });
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

  it("exits 1 naming what GitHub refused: an unknown repository or issue, a bad token", async () => {
    scenario = await startFirewatch({});
    const { gh } = scenario;
    const run = async (args: string[], token = gh.installationToken()) => {
      const err: string[] = [];
      const io = { cwd: "/", stdout: () => {}, stderr: (l: string) => err.push(l), readFile: async () => "", listFiles: async () => undefined };
      const command = createRenderCommand({ ...defaultRenderDeps, env: { GITHUB_TOKEN: token, GITHUB_API_URL: gh.urls.api }, now: () => gh.clock.now() });
      return { code: await command.run(["postmortem", ...args], io), err: err.join("\n") };
    };
    expect(await run(["--repo", "acme/nope", "--issue", "1"])).toEqual({ code: 1, err: `firewatch render: acme/nope#1 was not found at ${gh.urls.api}, or the token cannot see it.` });
    expect(await run(["--repo", "acme/ops", "--issue", "99"])).toMatchObject({ code: 1, err: expect.stringContaining("acme/ops#99 was not found") });
    expect(await run(["--repo", "acme/ops", "--issue", "1"], "ghs_wrong")).toMatchObject({ code: 1, err: expect.stringContaining("(401 Bad credentials); check GITHUB_TOKEN") });
    expect(gh.failures.all).toEqual([expect.stringContaining("needs an installation token")]);
    gh.failures.clear();
  });
});
