import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { startFirewatch } from "../support/firewatch.js";
import { incidentForm } from "../support/incident-fixtures.js";

const CONFIG = `
services:
  inference:
    team: "@acme/ml-serving"
    oncall: [gpu-oncall]
escalation:
  critical: ["@acme/incident-leads"]
`;

const RUNBOOK = `name: page-gpu-team
triggers:
  severities: [critical]
steps:
  - id: check
    title: Check the GPU dashboards
    type: assess
    run:
      kind: manual
      instructions: Look at gpu_cache_usage_perc.
`;

const FORM = incidentForm({ summary: "every chat completion fails with CUDA OOM" });

const files = (extra = "") => ({
  ".github/firewatch.yml": CONFIG + extra,
  ".github/runbooks/page-gpu-team.yml": RUNBOOK,
});
const cards = (comments: { body: string }[]) => comments.filter((c) => c.body.includes("## 🔥 Incident"));
const escalations = (comments: { body: string }[]) => comments.filter((c) => c.body.includes("Escalated to **critical**"));
const runbookComments = (comments: { body: string }[]) => comments.filter((c) => c.body.includes("firewatch:key runbook:"));

describe("declaring needs permissions.declare; below it the issue is a proposal", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("a stranger's incident form pages nobody: proposal label, a note to the author, no card, no runbook", async () => {
    scenario = await startFirewatch({ files: files(), collaborators: { "gpu-oncall": "write", triager: "triage" } });
    const { gh } = scenario;
    const n = gh.as("stranger").openIssue({ title: "[Incident] everything is down", body: FORM, labels: ["incident"] });
    await gh.settle({ burst: true, twice: "together" });

    const issue = gh.issue(n);
    expect(issue.labels).toEqual(["incident:proposed"]);
    expect(issue.assignees).toEqual([]);
    expect(cards(issue.comments)).toHaveLength(0);
    expect(escalations(issue.comments)).toHaveLength(0);
    expect(runbookComments(issue.comments)).toHaveLength(0);
    const notes = issue.comments.filter((c) => c.body.includes("proposed incident"));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("@stranger");
    expect(notes[0]!.body).toContain("`/declare`");
    // The payload's author_association said "no collaborator": no permission request was needed.
    expect(gh.requests.filter((r) => r.path.includes("/collaborators/stranger/permission"))).toHaveLength(0);
    // Not counted in metrics: a proposal is no incident.
    gh.as("triager").comment(n, "/metrics");
    await gh.settle();
    const report = gh.issue(n).comments.find((c) => c.body.includes("| incidents | open | resolved |"));
    expect(report?.body).toMatch(/\| 0 \| 0 \| 0 \|/);

    // A triager confirms it with the label: now it is an incident, declared once.
    gh.as("triager").addLabels(n, ["incident"]);
    await gh.settle();
    const confirmed = gh.issue(n);
    expect(confirmed.labels.sort()).toEqual(["incident", "severity:critical", "status:detected"]);
    expect(confirmed.assignees).toEqual(["gpu-oncall"]);
    expect(cards(confirmed.comments)).toHaveLength(1);
    expect(escalations(confirmed.comments)).toHaveLength(1);
    expect(runbookComments(confirmed.comments)).toHaveLength(1);
  });

  it("/declare by someone with the role confirms a proposal; /declare by someone below it is refused", async () => {
    scenario = await startFirewatch({
      files: files("permissions:\n  declare: write\n"),
      collaborators: { "gpu-oncall": "write", helper: "triage", lead: "write" },
    });
    const { gh } = scenario;
    const n = gh.as("helper").openIssue({ title: "[Incident] GPU OOM", body: FORM, labels: ["incident"] });
    await gh.settle();
    expect(gh.issue(n).labels).toEqual(["incident:proposed"]);

    gh.as("helper").comment(n, "/declare");
    await gh.settle();
    expect(gh.issue(n).labels).toEqual(["incident:proposed"]);
    expect(gh.issue(n).comments.some((c) => c.body.includes("needs at least the **write** role"))).toBe(true);

    gh.as("lead").comment(n, "/declare");
    await gh.settle({ burst: true, twice: "together" });
    const issue = gh.issue(n);
    expect(issue.labels.sort()).toEqual(["incident", "severity:critical", "status:detected"]);
    expect(cards(issue.comments)).toHaveLength(1);
    expect(escalations(issue.comments)).toHaveLength(1);
  });
});
