import { afterEach, describe, expect, it } from "vitest";
import { startFirewatch } from "../support/firewatch.js";
import { describeRequest, githubCost } from "../support/github-cost.js";
import type { Scenario } from "../support/harness.js";
import { incidentForm } from "../support/incident-fixtures.js";

/** Services with teams, no on-call people, no runbooks: the declaration's writes are labels, card, escalation. */
const CONFIG = `
services:
  inference:
    team: "@acme/ml-serving"
escalation:
  critical: ["@acme/incident-leads"]
`;

const form = (summary: string) => incidentForm({ summary });

/** What a step cost, counted as GitHub counts (a 304 and the app's JWT requests are free). */
async function cost(scenario: Scenario, act: () => void) {
  const { gh } = scenario;
  gh.clock.advance("1m");
  const before = gh.requests.length;
  act();
  await gh.settle();
  const requests = gh.requests.slice(before);
  return { ...githubCost(requests), list: requests.map(describeRequest) };
}

describe("API economy: requests as GitHub counts them", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("an event that cannot concern Firewatch costs no request once the config is known", async () => {
    scenario = await startFirewatch({ files: { ".github/firewatch.yml": CONFIG } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Typo in the docs" });
    gh.as("alice").addLabels(n, ["documentation"]);
    await gh.settle();
    const spent = await cost(scenario, () => gh.as("bob").addLabels(n, ["bug"]));
    expect(spent.list).toEqual([]);
  });

  it("declaring a second incident, a status change and /note stay within their budgets", async () => {
    scenario = await startFirewatch({
      files: { ".github/firewatch.yml": CONFIG },
      collaborators: { alice: "triage" },
    });
    const { gh } = scenario;
    gh.as("alice").openIssue({ title: "[Incident] Gateway 502s", body: form("gateway answers 502"), labels: ["incident"] });
    await gh.settle();

    let n = 0;
    const declared = await cost(scenario, () => {
      n = gh.as("alice").openIssue({ title: "[Incident] GPU OOM", body: form("CUDA out of memory"), labels: ["incident"] });
    });
    expect(gh.issue(n).labels.sort()).toEqual(["incident", "severity:critical", "status:detected"]);
    expect({ writes: declared.writes, reads: declared.reads }, declared.list.join("\n")).toEqual({ writes: 3, reads: 3 });

    const status = await cost(scenario, () => gh.as("alice").addLabels(n, ["status:investigating"]));
    expect(status.writes, status.list.join("\n")).toBeLessThanOrEqual(2);
    expect(status.reads, status.list.join("\n")).toBeLessThanOrEqual(3);

    const note = await cost(scenario, () => void gh.as("alice").comment(n, "/note rolled back to vLLM 0.6.3"));
    expect(note.writes, note.list.join("\n")).toBeLessThanOrEqual(2);
    expect(note.reads, note.list.join("\n")).toBeLessThanOrEqual(3);
  });

  it("a push that changes .github/firewatch.yml is followed at once: the next event reads the new config", async () => {
    scenario = await startFirewatch();
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Embeddings index stale" });
    await gh.settle();
    gh.as("alice").addLabels(n, ["outage"]);
    await gh.settle();
    expect(gh.issue(n).comments).toHaveLength(0);

    gh.as("alice").commitFile(gh.repo.defaultBranch, ".github/firewatch.yml", "labels:\n  incident: outage\n");
    await gh.settle();
    gh.as("alice").removeLabel(n, "outage");
    gh.as("alice").addLabels(n, ["outage"]);
    await gh.settle();
    expect(gh.issue(n).labels).toContain("status:detected");
    expect(gh.issue(n).comments.some((c) => c.body.includes("## 🔥 Incident"))).toBe(true);
  });
});
