import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { DELIVERY_MODES } from "../support/firewatch.js";
import type { Scenario } from "../support/harness.js";
import { startCheckTarget, startRunbookFirewatch, type CheckTarget } from "../support/runbook-firewatch.js";

const PLAN = readFileSync(new URL("../../.github/runbooks/restore-inference-capacity.yml", import.meta.url), "utf8");
const RESPONSE = "name: page-someone\nsteps:\n  - { id: page, title: Page, type: assess, run: { kind: manual } }\n";
const FILES = {
  ".github/firewatch.yml": "runbooks:\n  http_allow: [gateway.internal.example.com]\n",
  ".github/runbooks/restore-inference-capacity.yml": PLAN,
  ".github/runbooks/page-someone.yml": RESPONSE,
};
const BRANCH = "firewatch/recovery-1-restore-inference-capacity";
const TTFT = "/slo/ttft-p95?max_ms=800";
const ERRORS = "/slo/error-rate?max=0.01";

const comments = (s: Scenario, n: number, text: string) => s.gh.issue(n).comments.filter((c) => c.body.includes(text));
const card = (s: Scenario, n: number) => comments(s, n, "## 🔥 Incident")[0]!.body;
const report = (s: Scenario) => {
  const files = [...(s.gh.repo.branches.get(BRANCH)?.keys() ?? [])].filter((p) => p.includes("-recovery-"));
  expect(files).toEqual([expect.stringMatching(/^docs\/postmortems\/\d{4}-\d{2}-\d{2}-gpu-oom-on-inference-recovery-restore-inference-capacity\.md$/)]);
  return s.gh.fileOn(BRANCH, files[0]!)!;
};

describe.each(DELIVERY_MODES)("recovery plans ($name)", ({ deliverTwice }) => {
  let scenario: Scenario | undefined;
  let target: CheckTarget | undefined;
  afterEach(async () => {
    await scenario?.stop();
    await target?.close();
    scenario = target = undefined;
  });

  async function start(): Promise<{ s: Scenario; n: number }> {
    target = await startCheckTarget();
    scenario = await startRunbookFirewatch({ deliverTwice, fetch: target.fetch, files: FILES, collaborators: { alice: "triage" } });
    const n = scenario.gh.as("alice").openIssue({ title: "GPU OOM on inference", labels: ["incident"] });
    await scenario.gh.settle();
    scenario.gh.clock.advance("10m");
    scenario.gh.as("alice").comment(n, "/recovery start restore-inference-capacity");
    await scenario.gh.settle();
    return { s: scenario, n };
  }

  async function finishRemediation(s: Scenario, n: number): Promise<void> {
    s.gh.clock.advance("7m");
    s.gh.as("alice").comment(n, "/step done scale-out");
    await s.gh.settle();
    s.gh.clock.advance("5m");
    s.gh.as("alice").comment(n, "/step done warm-cache");
    await s.gh.settle();
  }

  it("runs to completion and opens one report pull request showing the RTO met, with real durations", async () => {
    const { s, n } = await start();
    expect(comments(s, n, "Started recovery plan `restore-inference-capacity`")).toHaveLength(1);
    target!.respond(TTFT, 200, '{"p95_ms":640,"met":true}');
    target!.respond(ERRORS, 200, '{"rate":0.002,"met":true}');
    await finishRemediation(s, n);

    expect(comments(s, n, "### 📘 Runbook `restore-inference-capacity`")[0]!.body).toContain("— succeeded");
    const pulls = s.gh.pulls();
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ headRef: BRANCH, title: "Recovery report: restore-inference-capacity — GPU OOM on inference" });
    const md = report(s);
    expect(md).toContain("# Recovery report: restore-inference-capacity");
    expect(md).toContain("Outcome: **recovered**.");
    // Declared at 0, plan started at 10m, scale-out done at 17m, warm-cache and both checks at 22m.
    expect(md).toContain("| Recovery time (RTO) | 1h | 22m | yes |");
    expect(md).toContain("(when it was declared; the recovery time is measured from there to the end of the plan)");
    expect(md).toMatch(/\| Scale the inference GPU pool out to 150% of normal \(scale-out\) \| succeeded \| \d{4}-\d\d-\d\d \d\d:\d\d UTC \| \d{4}-\d\d-\d\d \d\d:\d\d UTC \| 7m \| by alice \|/);
    expect(md).toMatch(/\| Warm the model cache on the new replicas \(warm-cache\) \| succeeded \| .* \| 5m \| by alice \|/);
    expect(md).toMatch(/\| p95 time-to-first-token under 800 ms over the last 10 minutes \| automated \| passed \|/);
    expect(md).toContain("_No rollbacks were run._");
    expect(comments(s, n, `the recovery report is in #${pulls[0]!.number}`)).toHaveLength(1);
    expect(comments(s, n, "RTO 1h: met (recovered in 22m from when the incident was declared)")).toHaveLength(1);
    expect(card(s, n)).toContain(`| Recovery report | #${pulls[0]!.number} (\`restore-inference-capacity\`, succeeded) |`);
  });

  it("the postmortem links the recovery report", async () => {
    const { s, n } = await start();
    target!.respond(TTFT, 200, '{"p95_ms":640,"met":true}');
    target!.respond(ERRORS, 200, '{"rate":0.002,"met":true}');
    await finishRemediation(s, n);
    const recoveryPr = s.gh.pulls()[0]!;
    s.gh.clock.advance("5m");
    s.gh.as("alice").comment(n, "/postmortem");
    await s.gh.settle();
    const pm = s.gh.pulls().find((p) => p.headRef === `firewatch/postmortem-${n}`)!;
    const file = [...s.gh.repo.branches.get(pm.headRef)!.keys()].find((p) => p.startsWith("docs/postmortems/") && !p.includes("-recovery-"))!;
    const md = s.gh.fileOn(pm.headRef, file)!;
    expect(md).toContain("## Recovery reports");
    expect(md).toMatch(new RegExp(`\\| \\[#${recoveryPr.number}\\]\\(https?://[^)]+/pull/${recoveryPr.number}\\) \\| restore-inference-capacity \\| recovered \\|`));
  });

  it("a failed verification runs the rollback, and the report says so", async () => {
    const { s, n } = await start();
    target!.respond(TTFT, 200, '{"p95_ms":2400,"met":false}');
    target!.respond(ERRORS, 200, '{"rate":0.002,"met":true}');
    await finishRemediation(s, n);
    expect(comments(s, n, "verification `check-ttft` failed (the response does not contain")).toHaveLength(1);
    expect(comments(s, n, "did not pass verification, so traffic moves to the")).toHaveLength(1);
    expect(s.gh.pulls()).toHaveLength(0);

    s.gh.clock.advance("4m");
    s.gh.as("alice").comment(n, "/step done fail-over");
    await s.gh.settle();
    expect(comments(s, n, "### 📘 Runbook `restore-inference-capacity`")[0]!.body).toContain("— rolled-back");
    expect(s.gh.pulls()).toHaveLength(1);
    const md = report(s);
    expect(md).toContain("Outcome: **rolled-back**.");
    expect(md).toContain("| Recovery time (RTO) | 1h | not recovered | **no** |");
    expect(md).toMatch(/\| p95 time-to-first-token under 800 ms over the last 10 minutes \| automated \| failed \| .* \| the response does not contain/);
    expect(md).toMatch(/\| Fail over to the secondary LLM provider \(fail-over\) \| check-ttft failed: the response does not contain .* \| succeeded \| .* \| 4m \|/);
    expect(comments(s, n, "ended **rolled-back**")).toHaveLength(1);
    expect(comments(s, n, "RTO 1h: not met")).toHaveLength(1);
  });

  it("refuses a response runbook, and lists the recovery plans", async () => {
    target = await startCheckTarget();
    scenario = await startRunbookFirewatch({ deliverTwice, fetch: target.fetch, files: FILES, collaborators: { alice: "triage" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "GPU OOM on inference", labels: ["incident"] });
    await gh.settle();
    gh.as("alice").comment(n, "/recovery start page-someone");
    await gh.settle();
    expect(comments(scenario, n, "`page-someone` is a response runbook, not a recovery plan")).toHaveLength(1);
    expect(comments(scenario, n, "### 📘 Runbook `page-someone`")).toHaveLength(0);
    gh.as("alice").comment(n, "/recovery list");
    await gh.settle();
    expect(comments(scenario, n, "| `restore-inference-capacity` | 1h | customers every 30m, support every 15m | not run |")).toHaveLength(1);
  });
});
