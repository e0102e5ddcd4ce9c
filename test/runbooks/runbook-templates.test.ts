import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { DELIVERY_MODES } from "../support/firewatch.js";
import { startRunbookFirewatch } from "../support/runbook-firewatch.js";

/** `{{#each}}` nested 30 deep over the incident's services: 2^30 iterations with two services, if nothing stopped it. */
const NESTED_EACH = `${"{{#each @root.incident.service_list}}".repeat(30)}x${"{{/each}}".repeat(30)}`;

const RUNAWAY = `name: runaway
triggers:
  severities: [critical]
on_failure: continue
steps:
  - id: fan-out
    title: List every combination of services
    type: communicate
    needs: []
    run:
      kind: comment
      template: |
        Services:
        ${NESTED_EACH}
  - id: tell
    title: Tell the channel
    type: communicate
    needs: []
    run: { kind: comment, template: "Looking into {{incident.title}}." }
`;

const ROLLBACK_WORKFLOW = `name: Roll back
run-name: "Roll back [\${{ inputs.firewatch_run_id }}]"
on:
  workflow_dispatch:
    inputs:
      reason: { type: string, required: true }
      firewatch_run_id: { type: string }
jobs: {}
`;

const WITH_INPUT = `name: roll-back
triggers:
  severities: [critical]
steps:
  - id: roll
    title: Roll the model back
    type: remediate
    run: { kind: workflow, workflow: roll-back.yml, inputs: { reason: "{{incident.title}}" } }
`;

const form = (services: string) => ["### Summary", "", "GPU OOM", "", "### Severity", "", "critical", "", "### Affected services", "", services, ""].join("\n");

const runbookComment = (s: Scenario, n: number, name: string) => {
  const found = s.gh.issue(n).comments.find((c) => c.body.includes(`### 📘 Runbook \`${name}\``));
  if (!found) throw new Error(`no runbook comment for ${name}`);
  return found.body;
};

describe.each(DELIVERY_MODES)("runbook templates on a real incident ($name)", ({ deliverTwice }) => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("a 30-deep {{#each}} over two services fails its step with the over-budget reason in the runbook comment; the rest runs and the app keeps answering", async () => {
    scenario = await startRunbookFirewatch({ deliverTwice, files: { ".github/runbooks/runaway.yml": RUNAWAY }, collaborators: { alice: "triage" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "GPU OOM on inference", body: form("inference, gateway"), labels: ["incident"] });
    await gh.settle();

    const body = runbookComment(scenario, n, "runaway");
    expect(body).toMatch(/`fan-out` _communicate_ — ❌ failed .*template error at line 2, column \d+ of the template: over budget: loops ran more than 10000 times in total/);
    expect(body).toMatch(/`tell` _communicate_ — ✅ done/);
    const comments = gh.issue(n).comments;
    expect(comments.filter((c) => c.body.endsWith("Looking into GPU OOM on inference."))).toHaveLength(1);
    expect(comments.some((c) => c.body.includes("Services:"))).toBe(false);
    expect(comments.filter((c) => c.body.includes("⚠️ Runbook **runaway** finished with failed steps: `fan-out`."))).toHaveLength(1);

    gh.as("alice").comment(n, "/status identified");
    await gh.settle();
    expect(gh.issue(n).labels).toContain("status:identified");
  });

  it("a workflow input arrives as plain text: the title exactly as typed, not HTML-escaped", async () => {
    scenario = await startRunbookFirewatch({ deliverTwice, files: { ".github/workflows/roll-back.yml": ROLLBACK_WORKFLOW, ".github/runbooks/roll-back.yml": WITH_INPUT }, collaborators: { alice: "triage" } });
    const { gh } = scenario;
    gh.as("alice").openIssue({ title: 'Rollback <v2> & "A/B"', body: form("inference"), labels: ["incident"] });
    await gh.settle();
    const dispatches = gh.runbooks().dispatches();
    expect(dispatches).toHaveLength(1);
    expect(dispatches[0]?.inputs).toEqual({ reason: 'Rollback <v2> & "A/B"', firewatch_run_id: "fw1-roll-back-1.roll" });
  });
});
