import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { startFirewatch } from "../support/firewatch.js";
import { secondaryRateLimit, tooManyRequests } from "../support/github/http/fault-injection.js";

const cards = (comments: { body: string }[]) => comments.filter((c) => c.body.includes("## 🔥 Incident"));

describe("when GitHub fails", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("a 500 after the card was really created does not post a second card", async () => {
    scenario = await startFirewatch();
    const { gh } = scenario;
    gh.failNext({ route: "issues/create-comment", status: 500, afterApplying: true });
    const n = gh.as("alice").openIssue({ title: "Gateway 502s", labels: ["incident"] });
    await gh.settle();
    expect(cards(gh.issue(n).comments)).toHaveLength(1);
  });

  it("a 502 before the card was created is tried once more", async () => {
    scenario = await startFirewatch();
    const { gh } = scenario;
    gh.failNext({ route: "issues/create-comment", status: 502 });
    const n = gh.as("alice").openIssue({ title: "Gateway 502s", labels: ["incident"] });
    await gh.settle();
    expect(cards(gh.issue(n).comments)).toHaveLength(1);
  });

  it.each([
    ["a secondary rate limit (403 + retry-after)", secondaryRateLimit("issues/add-labels", 30)],
    ["a 429", tooManyRequests("issues/add-labels", 30)],
  ])("waits out %s and then does the write", async (_name, fault) => {
    // The app's own wait: with Probot's plugins on, plugin-retry would retry a 429 first.
    scenario = await startFirewatch({ plugins: "off" });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Token spike", labels: [] });
    await gh.settle();
    gh.failNext(fault);
    const before = gh.clock.now().getTime();
    gh.as("alice").addLabels(n, ["incident"]);
    await gh.settle();
    expect(gh.issue(n).labels.sort()).toEqual(["incident", "severity:high", "status:detected"]);
    expect(gh.clock.now().getTime() - before).toBeGreaterThanOrEqual(30_000);
  });

  const ROLLBACK = `name: roll-back
triggers:
  severities: [high]
steps:
  - id: roll
    title: Roll the model back
    type: remediate
    run: { kind: workflow, workflow: rollback-model.yml, inputs: { service: inference } }
`;
  const FILES = {
    ".github/firewatch.yml": 'services:\n  inference:\n    team: "@acme/ml-serving"\n',
    ".github/workflows/rollback-model.yml": readFileSync(new URL("../../.github/workflows/rollback-model.yml", import.meta.url), "utf8"),
    ".github/runbooks/roll-back.yml": ROLLBACK,
  };
  /** Sets the scene, then returns the action that leads to the write, which returns what a user then sees. */
  type Write = (s: Scenario) => Promise<() => () => void>;
  /** Each write the applier does not make. */
  const WRITES: [string, string, Write][] = [
    ...["git/create-ref", "repos/create-or-update-file-contents", "pulls/create", "pulls/request-reviewers"].map(
      (route): [string, string, Write] => [
        "the postmortem pull request",
        route,
        async ({ gh }) => {
          gh.addTeam("acme/ml-serving");
          const n = gh.as("alice").openIssue({ title: "GPU OOM", body: "### Summary\n\nOOM\n\n### Severity\n\ncritical\n\n### Affected services\n\ninference", labels: ["incident"] });
          await gh.settle();
          return () => {
            gh.as("alice").close(n);
            return () => {
              expect(gh.pulls()).toHaveLength(1);
              expect(gh.pulls()[0]!.requestedTeams.map((t) => t.fullSlug)).toEqual(["acme/ml-serving"]);
              expect([...(gh.repo.branches.get(`firewatch/postmortem-${n}`)?.keys() ?? [])].some((p) => p.startsWith("docs/postmortems/"))).toBe(true);
            };
          };
        },
      ],
    ),
    [
      "the runbook check run",
      "checks/create",
      async ({ gh }) => () => {
        gh.runbooks().openPullRequest("alice", { title: "Runbooks", head: "runbooks", changes: { ".github/runbooks/roll-back-too.yml": ROLLBACK.replace("name: roll-back", "name: roll-back-too") } });
        return () => expect(gh.checkRuns()).toEqual([expect.objectContaining({ name: "firewatch/runbooks", conclusion: "success" })]);
      },
    ],
    [
      "a runbook's workflow dispatch",
      "actions/create-workflow-dispatch",
      async ({ gh }) => () => {
          const n = gh.as("alice").openIssue({ title: "Quality regression", labels: ["incident"] });
          return () => {
            expect(gh.runbooks().dispatches()).toHaveLength(1);
            expect(gh.issue(n).comments.find((c) => c.body.includes("### 📘 Runbook `roll-back`"))!.body).toContain("waiting for the workflow run");
          };
      },
    ],
  ];

  it.each(WRITES)("waits out a secondary rate limit on %s (%s), not only on the applier's writes", async (_name, route, prepare) => {
    scenario = await startFirewatch({ plugins: "off", files: FILES });
    const { gh } = scenario;
    const act = await prepare(scenario);
    gh.failNext(secondaryRateLimit(route, 30));
    const before = gh.clock.now().getTime();
    const check = act();
    await gh.settle();
    check();
    expect(gh.requests.filter((r) => r.status === 403)).toHaveLength(1);
    expect(gh.clock.now().getTime() - before).toBeGreaterThanOrEqual(30_000);
    expect(gh.deliveries.every((d) => d.status < 300)).toBe(true);
  });

  it("a write that keeps failing with 500 fails the delivery, which GitHub shows as failed", async () => {
    scenario = await startFirewatch();
    const { gh } = scenario;
    gh.failNext({ route: "issues/add-labels", status: 500, times: 5 });
    const n = gh.as("alice").openIssue({ title: "Embeddings down", labels: ["incident"] });
    await gh.settle();
    expect(gh.deliveries.some((d) => d.status === 500)).toBe(true);
    expect(gh.issue(n).labels).toEqual(["incident"]);
    gh.failures.clear();
  });

  it("a redelivery of a delivery that failed part-way finishes what was left undone; a duplicate of a finished one does nothing", async () => {
    scenario = await startFirewatch();
    const { gh } = scenario;
    // The labels are written, then both attempts at the card fail: the delivery fails part-way.
    gh.failNext({ route: "issues/create-comment", status: 500, times: 2 });
    const n = gh.as("alice").openIssue({ title: "Embeddings down", labels: ["incident"] });
    await gh.settle();
    const failed = gh.deliveries.find((d) => d.status === 500)!;
    expect(gh.issue(n).labels.sort()).toEqual(["incident", "severity:high", "status:detected"]);
    expect(cards(gh.issue(n).comments)).toHaveLength(0);
    gh.failures.clear();

    gh.redeliver(failed.id); // as from the app's settings: same X-GitHub-Delivery
    await gh.settle();
    expect(cards(gh.issue(n).comments)).toHaveLength(1);

    const writes = gh.requests.filter((r) => r.method !== "GET").length;
    gh.redeliver(failed.id);
    await gh.settle();
    expect(gh.requests.filter((r) => r.method !== "GET").length).toBe(writes);
    expect(cards(gh.issue(n).comments)).toHaveLength(1);
  });

  it("a redelivery pages a critical incident whose page failed after its card was written, once", async () => {
    scenario = await startFirewatch({
      files: { ".github/firewatch.yml": "default_severity: critical\nescalation:\n  critical: [carol]\n" },
    });
    const { gh } = scenario;
    // The card goes through; both attempts at the page (the second comment) fail.
    gh.failNext({ route: "issues/create-comment", status: 500, times: 2, after: 1 });
    const n = gh.as("alice").openIssue({ title: "GPU OOM on the 70B replicas", labels: ["incident"] });
    await gh.settle();
    const failed = gh.deliveries.find((d) => d.status === 500)!;
    expect(failed).toBeDefined();
    const pages = () => gh.issue(n).comments.filter((c) => c.body.includes("🚨 Escalated to **critical**"));
    expect(cards(gh.issue(n).comments)).toHaveLength(1);
    expect(pages()).toHaveLength(0);
    gh.failures.clear();

    gh.redeliver(failed.id);
    await gh.settle();
    expect(pages()).toHaveLength(1);
    expect(pages()[0]!.body).toContain("@carol please join");

    // Neither a further redelivery nor the incident label added again pages twice.
    gh.redeliver(failed.id);
    gh.as("alice").removeLabel(n, "incident");
    gh.as("alice").addLabels(n, ["incident"]);
    await gh.settle();
    expect(pages()).toHaveLength(1);
    expect(cards(gh.issue(n).comments)).toHaveLength(1);
  });
});
