import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { startRunbookFirewatch } from "../support/runbook-firewatch.js";

const WORKFLOW = readFileSync(new URL("../../.github/workflows/rollback-model.yml", import.meta.url), "utf8");

const ROLLBACK = `name: roll-or-page
triggers:
  severities: [high]
on_failure: rollback
steps:
  - id: roll
    title: Roll the model back
    type: remediate
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

const runbookComment = (s: Scenario, n: number) =>
  s.gh.issue(n).comments.find((c) => c.body.includes("### 📘 Runbook `roll-or-page`"))!.body;

describe("a workflow run Firewatch did not dispatch", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("cannot fail a step by carrying its correlation text in its title; the dispatched run still counts", async () => {
    scenario = await startRunbookFirewatch({
      files: { ".github/workflows/rollback-model.yml": WORKFLOW, ".github/runbooks/roll-or-page.yml": ROLLBACK },
    });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Quality regression after the model rollout", labels: ["incident"] });
    await gh.settle();
    expect(gh.runbooks().dispatches()).toHaveLength(1);

    // CI on a pull request whose title copies the id shown in the checklist.
    const forged = gh.runbooks().startRun({
      login: "mallory",
      path: ".github/workflows/ci.yml",
      title: "Fix typo [fw1-roll-or-page-1.roll]",
      event: "pull_request",
    });
    gh.completeWorkflowRun(forged.id, "failure");
    await gh.settle();
    expect(runbookComment(scenario, n)).toContain("— running");
    expect(gh.issue(n).comments.some((c) => c.body.includes("paging the ML lead"))).toBe(false);

    gh.completeWorkflowRun("fw1-roll-or-page-1.roll", "success");
    await gh.settle();
    expect(runbookComment(scenario, n)).toContain("— succeeded");
  });
});
