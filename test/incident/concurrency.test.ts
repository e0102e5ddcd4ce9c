import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { startFirewatch } from "../support/firewatch.js";
import { cardOf, CONFIG, CRITICAL_RUNBOOK, FORM_BODY, stateOf } from "../support/incident-fixtures.js";

/** Every mode a burst can be delivered in: each once, twice one after the other, twice at the same moment. */
const BURSTS = [
  { name: "once", twice: false },
  { name: "twice in sequence", twice: "sequential" },
  { name: "twice at the same moment", twice: "together" },
] as const;

// Probot's throttle and retry plugins are on, as in production (only their waits are shortened).
describe.each(BURSTS)("deliveries at the same moment, in random order ($name)", ({ twice }) => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("six label changes at once: the latest status and severity stand, one note, the card agrees", async () => {
    scenario = await startFirewatch({ plugins: "production", files: { ".github/firewatch.yml": CONFIG } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "GPU OOM", labels: ["incident", "severity:high"] });
    await gh.settle();

    const clicks: [string, string][] = [
      ["alice", "status:investigating"],
      ["bob", "severity:critical"],
      ["carol", "status:identified"],
      ["dave", "severity:medium"],
      ["erin", "status:containing"],
      ["frank", "severity:low"],
    ];
    for (const [who, label] of clicks) {
      gh.clock.advance("1s");
      gh.as(who).addLabels(n, [label]);
    }
    await gh.settle({ burst: true, twice });

    const issue = gh.issue(n);
    expect(issue.labels.sort()).toEqual(["incident", "severity:low", "status:containing"]);
    const card = cardOf(issue.comments);
    expect(card).toContain("| Status | `containing` |");
    expect(card).toContain("| Severity | `low` |");
    const notes = issue.comments.filter((c) => c.body.includes("Labels changed at the same moment"));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("`status:containing` (@erin)");
    expect(notes[0]!.body).toContain("`severity:critical` (@bob)");
    // bob's critical never stood, so nobody was paged for it.
    expect(issue.comments.filter((c) => c.body.includes("Escalated to **critical**"))).toHaveLength(0);
  });

  it("opened and labeled of a critical form at once: one card, one escalation, one runbook execution", async () => {
    scenario = await startFirewatch({
      plugins: "production",
      files: {
        ".github/firewatch.yml": CONFIG,
        ".github/runbooks/page-gpu-team.yml": CRITICAL_RUNBOOK,
      },
    });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "[Incident] GPU OOM", body: FORM_BODY, labels: ["incident"] });
    await gh.settle({ burst: true, twice });

    const issue = gh.issue(n);
    expect(issue.labels.sort()).toEqual(["incident", "severity:critical", "status:detected"]);
    expect(issue.comments.filter((c) => c.body.includes("## 🔥 Incident"))).toHaveLength(1);
    expect(issue.comments.filter((c) => c.body.includes("Escalated to **critical**"))).toHaveLength(1);
    expect(issue.comments.filter((c) => c.body.includes("firewatch:key runbook:"))).toHaveLength(1);
  });

  it("three commands at once: nothing lost, nothing twice, and every comment remembered as handled", async () => {
    scenario = await startFirewatch({ plugins: "production", collaborators: { alice: "write" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "GPU OOM", labels: ["incident", "severity:high"] });
    await gh.settle();

    const ids = [
      gh.as("alice").comment(n, "/note vLLM replicas restarting in a loop"),
      gh.as("alice").comment(n, "/note KV cache at 100% before each crash"),
      gh.as("alice").comment(n, "/note rolled back to the previous model build"),
    ];
    await gh.settle({ burst: true, twice });

    const issue = gh.issue(n);
    const state = stateOf(issue.comments);
    expect((state.notes ?? []).map((note) => note.text).sort()).toEqual([
      "KV cache at 100% before each crash",
      "rolled back to the previous model build",
      "vLLM replicas restarting in a loop",
    ]);
    expect(state.handled).toEqual(expect.arrayContaining(ids));
    for (const id of ids) expect(issue.comments.find((c) => c.id === id)!.reactions).toEqual({ "+1": 1 });
  });
});
