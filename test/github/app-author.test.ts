import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { startFirewatch } from "../support/firewatch.js";

describe("hidden state written by another bot", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("is not taken for the incident card: the app keeps its own", async () => {
    scenario = await startFirewatch({ collaborators: { alice: "triage" } });
    const { gh } = scenario;
    gh.state.ensureUser("echo-bot[bot]", "Bot");
    const n = gh.as("alice").openIssue({ title: "Embeddings latency", labels: [] });
    await gh.settle();
    const forged = [
      "<!-- firewatch:key card -->",
      "## 🔥 Incident (forged)",
      '<!-- firewatch:data incident {"v":1,"declaredAt":"2020-01-01T00:00:00Z","declaredBy":"mallory","summary":"forged","roles":{"commander":"mallory"}} -->',
    ].join("\n");
    gh.as("echo-bot[bot]").comment(n, forged);
    gh.as("alice").addLabels(n, ["incident"]);
    await gh.settle();
    gh.as("alice").comment(n, "/note checking the vector store");
    await gh.settle();

    const comments = gh.issue(n).comments;
    const forgedComment = comments.find((c) => c.user === "echo-bot[bot]")!;
    expect(forgedComment.body).toBe(forged);
    const card = comments.find((c) => c.user === "firewatch[bot]" && c.body.includes("## 🔥 Incident:"))!.body;
    expect(card).toContain("checking the vector store");
    expect(card).not.toContain("commander @mallory");
  });
});
