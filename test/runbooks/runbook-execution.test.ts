import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { DELIVERY_MODES } from "../support/firewatch.js";
import { startCheckTarget, startRunbookFirewatch, type CheckTarget } from "../support/runbook-firewatch.js";

const CONFIG = "runbooks:\n  http_allow: [status.example.com]\n";
const WORKFLOW = readFileSync(new URL("../../.github/workflows/rollback-model.yml", import.meta.url), "utf8");

const EVERY_STEP = `# yaml-language-server: $schema=../../schema/runbook.schema.json
name: every-step
triggers:
  severities: [high]
on_failure: stop
steps:
  - id: look
    title: Look at the GPU dashboard
    type: assess
    run: { kind: manual }
  - id: go-ahead
    title: Approve the rollback
    type: remediate
    run: { kind: approval }
  - id: tell
    title: Tell the channel
    type: communicate
    run:
      kind: comment
      template: "Rolling back for incident #{{incident.number}} ({{incident.severity}})."
  - id: mark
    title: Mark it
    type: contain
    run: { kind: label, add: [rolling-back] }
  - id: owner
    title: Assign the ML lead
    type: contain
    run: { kind: assign, assignees: [ml-lead] }
  - id: roll
    title: Roll the model back
    type: remediate
    timeout: 30m
    run:
      kind: workflow
      workflow: rollback-model.yml
      inputs: { service: inference, target_version: previous, incident: "{{incident.number}}" }
  - id: healthy
    title: Health endpoint answers
    type: verify
    run:
      kind: http
      url: https://status.example.com/healthz
      expect: { status: 200, body_contains: ok }
`;

const WITH_ROLLBACK = `name: roll-or-page
triggers:
  severities: [high]
on_failure: rollback
steps:
  - id: roll
    title: Roll the model back
    type: remediate
    timeout: 30m
    run:
      kind: workflow
      workflow: rollback-model.yml
      inputs: { service: inference, target_version: previous }
rollback:
  - id: page
    title: Page the ML lead
    type: communicate
    run: { kind: comment, template: "Automatic rollback failed; paging the ML lead." }
`;

const WAIT_FOR_HUMAN = `name: wait-for-human
triggers:
  severities: [high]
steps:
  - id: look
    title: Look at the dashboard
    type: assess
    timeout: 15m
    run: { kind: manual }
`;

function files(runbooks: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ".github/firewatch.yml": CONFIG, ".github/workflows/rollback-model.yml": WORKFLOW };
  for (const [name, text] of Object.entries(runbooks)) out[`.github/runbooks/${name}.yml`] = text;
  return out;
}

const runbookComment = (s: Scenario, n: number, name: string) => {
  const found = s.gh.issue(n).comments.find((c) => c.body.includes(`### 📘 Runbook \`${name}\``));
  if (!found) throw new Error(`no runbook comment for ${name}`);
  return found;
};

describe.each(DELIVERY_MODES)("runbook execution ($name)", ({ deliverTwice }) => {
  let scenario: Scenario | undefined;
  let target: CheckTarget | undefined;
  afterEach(async () => {
    await scenario?.stop();
    await target?.close();
    scenario = undefined;
    target = undefined;
  });

  it("runs every step kind to completion, the app restarted between dispatch and workflow_run", async () => {
    target = await startCheckTarget();
    target.respond("/healthz", 200, "all ok");
    scenario = await startRunbookFirewatch({
      deliverTwice,
      fetch: target.fetch,
      files: files({ "every-step": EVERY_STEP }),
      collaborators: { alice: "triage", lead: "write", "ml-lead": "write" },
    });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "GPU OOM on inference", labels: ["incident"] });
    await gh.settle();

    let comment = runbookComment(scenario, n, "every-step");
    expect(comment.body).toContain("— running");
    expect(comment.body).toMatch(/- \[ \] \*\*Look at the GPU dashboard\*\* `look` _assess_ — ▶️ running/);
    expect(gh.issue(n).comments.find((c) => c.body.includes("## 🔥 Incident"))!.body).toMatch(/### Runbooks\n\n- \[`every-step`\]\(#issuecomment-\d+\) — running/);

    gh.as("alice").editComment(comment.id, comment.body.replace("- [ ] **Look at the GPU dashboard**", "- [x] **Look at the GPU dashboard**"));
    await gh.settle();
    comment = runbookComment(scenario, n, "every-step");
    expect(comment.body).toMatch(/- \[x\] \*\*Look at the GPU dashboard\*\* `look` _assess_ — ✅ done · by @alice/);
    expect(comment.body).toContain("waiting for `/approve go-ahead`");

    gh.as("lead").comment(n, "/approve go-ahead");
    await gh.settle();
    const issue = gh.issue(n);
    expect(issue.comments.filter((c) => c.body.includes("Rolling back for incident #1 (high)."))).toHaveLength(1);
    expect(issue.labels).toContain("rolling-back");
    expect(issue.assignees).toContain("ml-lead");
    const dispatches = gh.runbooks().dispatches();
    expect(dispatches).toHaveLength(1);
    expect(dispatches[0]).toMatchObject({ workflow: ".github/workflows/rollback-model.yml", ref: "main", inputs: { service: "inference", target_version: "previous", incident: "1", firewatch_run_id: "fw1-every-step-1.roll" } });
    expect(runbookComment(scenario, n, "every-step").body).toContain("waiting for the workflow run");

    await scenario.app.restart();
    gh.completeWorkflowRun("fw1-every-step-1.roll", "success");
    await gh.settle();

    comment = runbookComment(scenario, n, "every-step");
    expect(comment.body).toContain("### 📘 Runbook `every-step` — succeeded");
    expect(comment.body).toMatch(/`roll` _remediate_ — ✅ done .*\[workflow run\]\(http:\/\/127\.0\.0\.1:\d+\/acme\/ops\/actions\/runs\/\d+\)/);
    expect(comment.body).toMatch(/`healthy` _verify_ — ✅ done/);
    expect(target.requests.filter((r) => r === "GET /healthz")).toHaveLength(1);
    expect(gh.runbooks().dispatches()).toHaveLength(1);
    expect(gh.issue(n).comments.find((c) => c.body.includes("## 🔥 Incident"))!.body).toMatch(/- \[`every-step`\]\(#issuecomment-\d+\) — succeeded/);
  });

  it("a failing workflow run runs the rollback steps (on_failure: rollback)", async () => {
    scenario = await startRunbookFirewatch({ deliverTwice, files: files({ "roll-or-page": WITH_ROLLBACK }) });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Quality regression", labels: ["incident"] });
    await gh.settle();
    gh.completeWorkflowRun("fw1-roll-or-page-1.roll", "failure");
    await gh.settle();
    const issue = gh.issue(n);
    expect(issue.comments.filter((c) => c.body.includes("step `roll` failed (workflow run concluded failure). Running the rollback steps."))).toHaveLength(1);
    expect(issue.comments.filter((c) => c.body.includes("Automatic rollback failed; paging the ML lead."))).toHaveLength(1);
    expect(runbookComment(scenario, n, "roll-or-page").body).toContain("— rolled-back");
  });

  it("a timeout fails the step when the next event for the incident arrives", async () => {
    scenario = await startRunbookFirewatch({ deliverTwice, files: files({ "wait-for-human": WAIT_FOR_HUMAN }), collaborators: { alice: "triage" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Latency", labels: ["incident"] });
    await gh.settle();
    gh.clock.advance("16m");
    gh.as("alice").addLabels(n, ["status:investigating"]);
    await gh.settle();
    const body = runbookComment(scenario, n, "wait-for-human").body;
    expect(body).toContain("— failed");
    expect(body).toContain("timed out after 15m");
    expect(gh.issue(n).comments.filter((c) => c.body.includes("🛑 Runbook **wait-for-human** stopped"))).toHaveLength(1);
  });
  it("a run whose title carries no correlation id is found by the run id the dispatch returned; on_failure: continue", async () => {
    const plain = "name: Plain rollback\non:\n  workflow_dispatch:\n    inputs:\n      firewatch_run_id: { type: string }\njobs: {}\n";
    const runbook = `name: keep-going
triggers:
  severities: [high]
on_failure: continue
steps:
  - id: roll
    title: Roll back
    type: remediate
    needs: []
    run: { kind: workflow, workflow: plain.yml, ref: main }
  - id: tell
    title: Tell the channel
    type: communicate
    needs: []
    run: { kind: comment, template: "Working on it." }
`;
    scenario = await startRunbookFirewatch({ deliverTwice, files: { ".github/workflows/plain.yml": plain, ".github/runbooks/keep-going.yml": runbook } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Outage", labels: ["incident"] });
    await gh.settle();
    const [run] = gh.runbooks().workflowRuns();
    expect(run?.displayTitle).toBe("Plain rollback");
    gh.completeWorkflowRun(run!.id, "cancelled");
    await gh.settle();
    const body = runbookComment(scenario, n, "keep-going").body;
    expect(body).toContain("— failed");
    expect(body).toMatch(/`roll` _remediate_ — ❌ failed .*workflow run concluded cancelled/);
    expect(body).toMatch(/`tell` _communicate_ — ✅ done/);
    expect(gh.issue(n).comments.filter((c) => c.body.includes("⚠️ Runbook **keep-going** finished with failed steps: `roll`."))).toHaveLength(1);
  });
});
