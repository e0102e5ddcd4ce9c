import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { DELIVERY_MODES, startFirewatch } from "../support/firewatch.js";

const statusLabels = (labels: string[]) => labels.filter((l) => l.startsWith("status:"));
const card = (comments: { body: string }[]) =>
  comments.find((c) => c.body.includes("## 🔥 Incident"))!.body;

describe.each(DELIVERY_MODES)("lifecycle through labels ($name)", ({ deliverTwice }) => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  async function declared() {
    scenario = await startFirewatch({ deliverTwice });
    const { gh } = scenario;
    const n = gh
      .as("alice")
      .openIssue({ title: "Provider outage", labels: ["incident", "severity:high"] });
    await gh.settle();
    return { gh, n };
  }

  it("a new status replaces the old one, skipping forward is fine, and the card shows the times", async () => {
    const { gh, n } = await declared();
    gh.clock.advance("4m");
    gh.as("alice").addLabels(n, ["status:investigating"]);
    await gh.settle();
    expect(statusLabels(gh.issue(n).labels)).toEqual(["status:investigating"]);

    gh.clock.advance("30m");
    gh.as("alice").addLabels(n, ["status:recovering"]);
    await gh.settle();
    expect(statusLabels(gh.issue(n).labels)).toEqual(["status:recovering"]);
    const body = card(gh.issue(n).comments);
    expect(body).toContain("(4m to acknowledge)");
    expect(body).toMatch(/\| `recovering` \| .* \| alice \|/);
  });

  it("post-incident before resolved is refused, reverted and explained", async () => {
    const { gh, n } = await declared();
    gh.as("alice").addLabels(n, ["status:post-incident"]);
    await gh.settle();
    const issue = gh.issue(n);
    expect(statusLabels(issue.labels)).toEqual(["status:detected"]);
    const replies = issue.comments.filter((c) => c.body.includes("Firewatch put the status back"));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toContain("can only follow `resolved`");
  });

  it("resolved closes the issue; reopening moves back to investigating as a regression", async () => {
    const { gh, n } = await declared();
    gh.clock.advance("10m");
    gh.as("alice").addLabels(n, ["status:resolved"]);
    await gh.settle();
    expect(gh.issue(n).state).toBe("closed");
    expect(card(gh.issue(n).comments)).toContain("(10m to resolve)");

    gh.as("alice").reopen(n);
    await gh.settle();
    const issue = gh.issue(n);
    expect(statusLabels(issue.labels)).toEqual(["status:investigating"]);
    expect(card(issue.comments)).toContain("`investigating` ↩︎ regression");
    expect(card(issue.comments)).toContain("| Resolved | — |");
  });

  it("closing means resolved; post-incident may follow", async () => {
    const { gh, n } = await declared();
    gh.as("alice").close(n);
    await gh.settle();
    expect(statusLabels(gh.issue(n).labels)).toEqual(["status:resolved"]);
    gh.as("alice").addLabels(n, ["status:post-incident"]);
    await gh.settle();
    expect(statusLabels(gh.issue(n).labels)).toEqual(["status:post-incident"]);
  });

  it("a regression on a closed incident is refused", async () => {
    const { gh, n } = await declared();
    gh.as("alice").close(n);
    await gh.settle();
    gh.as("alice").addLabels(n, ["status:investigating"]);
    await gh.settle();
    expect(statusLabels(gh.issue(n).labels)).toEqual(["status:resolved"]);
    expect(gh.issue(n).comments.some((c) => c.body.includes("reopen the issue"))).toBe(true);
  });

  it("removing the only status label restores it; severity keeps exactly one", async () => {
    const { gh, n } = await declared();
    gh.as("alice").removeLabel(n, "status:detected");
    await gh.settle();
    expect(statusLabels(gh.issue(n).labels)).toEqual(["status:detected"]);

    gh.as("alice").addLabels(n, ["severity:critical"]);
    await gh.settle();
    expect(gh.issue(n).labels.filter((l) => l.startsWith("severity:"))).toEqual([
      "severity:critical",
    ]);
    expect(card(gh.issue(n).comments)).toContain("| Severity | `critical` |");

    gh.as("alice").removeLabel(n, "severity:critical");
    await gh.settle();
    expect(gh.issue(n).labels.filter((l) => l.startsWith("severity:"))).toEqual([
      "severity:critical",
    ]);
  });

  it("a severity:critical label brings in the escalation contacts once", async () => {
    scenario = await startFirewatch({
      deliverTwice,
      files: { ".github/firewatch.yml": "escalation:\n  critical: ['@acme/sre-leads']\n" },
    });
    const { gh } = scenario;
    const n = gh
      .as("alice")
      .openIssue({
        title: "Prompt injection leaking system prompts",
        labels: ["incident", "severity:high"],
      });
    await gh.settle();
    gh.as("alice").addLabels(n, ["severity:critical"]);
    await gh.settle();
    const escalations = gh
      .issue(n)
      .comments.filter((c) => c.body.includes("Escalated to **critical**"));
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.body).toContain("@acme/sre-leads please join");
  });

  it("an issue opened with the incident and severity:critical labels escalates once", async () => {
    scenario = await startFirewatch({
      deliverTwice,
      files: { ".github/firewatch.yml": "escalation:\n  critical: ['@acme/sre-leads']\n" },
    });
    const { gh } = scenario;
    const n = gh
      .as("alice")
      .openIssue({ title: "Provider outage", labels: ["incident", "severity:critical"] });
    await gh.settle();
    const escalations = gh
      .issue(n)
      .comments.filter((c) => c.body.includes("Escalated to **critical**"));
    expect(escalations).toHaveLength(1);
  });

  it("two status labels added at once keep the newest", async () => {
    const { gh, n } = await declared();
    gh.as("alice").addLabels(n, ["status:investigating", "status:identified"]);
    await gh.settle();
    expect(statusLabels(gh.issue(n).labels)).toEqual(["status:identified"]);
  });

  it("label events on issues that are not incidents get one hint and nothing else", async () => {
    scenario = await startFirewatch({ deliverTwice });
    const { gh } = scenario;
    const n = gh.as("bob").openIssue({ title: "Docs typo", labels: ["documentation"] });
    gh.as("bob").addLabels(n, ["status:resolved"]);
    gh.as("bob").addLabels(n, ["severity:low"]);
    await gh.settle();
    const issue = gh.issue(n);
    expect(issue.labels.sort()).toEqual(["documentation", "severity:low", "status:resolved"]);
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]!.body).toContain("is not an incident");
  });
});
