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

  it("is not taken for a runbook execution when a box is ticked in that bot's copy", async () => {
    const runbook = [
      "name: wait-for-human",
      "triggers:",
      "  severities: [high]",
      "steps:",
      "  - id: look",
      "    title: Look at the dashboard",
      "    type: assess",
      "    run: { kind: manual }",
    ].join("\n");
    scenario = await startFirewatch({
      collaborators: { alice: "triage" },
      files: { ".github/runbooks/wait-for-human.yml": `${runbook}\n` },
    });
    const { gh } = scenario;
    gh.state.ensureUser("echo-bot[bot]", "Bot");
    const n = gh.as("alice").openIssue({ title: "Embeddings latency", labels: ["incident"] });
    await gh.settle();
    const isRunbook = (c: { body: string }) => c.body.includes("### 📘 Runbook `wait-for-human`");
    const own = gh.issue(n).comments.find((c) => c.user === "firewatch[bot]" && isRunbook(c))!;
    expect(own.body).toMatch(/- \[ \] \*\*Look at the dashboard\*\*/);
    const echoed = gh.as("echo-bot[bot]").comment(n, own.body);
    gh.as("alice").editComment(echoed, own.body.replace("- [ ] **Look at the dashboard**", "- [x] **Look at the dashboard**"));
    await gh.settle();

    const comments = gh.issue(n).comments;
    expect(comments.find((c) => c.id === own.id)!.body).toBe(own.body);
    expect(comments.filter((c) => c.user === "firewatch[bot]" && isRunbook(c))).toHaveLength(1);
    expect(comments.find((c) => c.id === echoed)!.body).toContain("- [x] **Look at the dashboard**");
  });
});
