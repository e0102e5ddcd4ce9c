import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { DELIVERY_MODES, startFirewatch } from "../support/firewatch.js";
import type { GitHubStandIn } from "../support/github/github-stand-in.js";
import { headOf } from "../support/github/state/git-objects.js";
import type { WorkflowRun } from "../support/github/state/runbook-model.js";
import { runbookData } from "../support/github/state/runbook-repository-data.js";
import { workflowId } from "../support/github/state/workflow-mutations.js";
import type { Scenario } from "../support/harness.js";

const PLAN = `name: slow-recovery
kind: recovery
objectives: { rto: 2h }
communication:
  - { audience: customers, every: 30m, channel: status page }
steps:
  - { id: restore, title: Restore the GPU pool, type: remediate, timeout: 90m, run: { kind: manual } }
`;
const TICK = ".github/workflows/firewatch-tick.yml";
const FILES = { ".github/runbooks/slow-recovery.yml": PLAN, [TICK]: readFileSync(new URL(`../../${TICK}`, import.meta.url), "utf8") };
const REMINDER = "⏰ **Update due.** Recovery plan `slow-recovery` promises **customers** (status page) an update every 30m";

const reminders = (s: Scenario, n: number) => s.gh.issue(n).comments.filter((c) => c.body.includes(REMINDER));

/** GitHub runs the scheduled tick workflow: a run nobody dispatched completes. */
function scheduledTick(gh: GitHubStandIn): void {
  const now = gh.clock.iso();
  const data = runbookData(gh.repo);
  const run: WorkflowRun = {
    id: gh.state.nextId(),
    workflowId: workflowId(TICK),
    path: TICK,
    name: "Firewatch tick",
    displayTitle: "Firewatch tick",
    headBranch: "main",
    headSha: headOf(gh.repo, "main", now),
    runNumber: data.workflowRuns.filter((r) => r.path === TICK).length + 1,
    status: "queued",
    conclusion: null,
    inputs: {},
    actor: gh.state.ensureUser("octocat"),
    createdAt: now,
    updatedAt: now,
  };
  data.workflowRuns.push(run);
  gh.completeWorkflowRun(run.id, "success");
}

describe.each(DELIVERY_MODES)("communication cadence of recovery plans ($name)", ({ deliverTwice }) => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  async function start(withRole: boolean): Promise<{ s: Scenario; n: number }> {
    scenario = await startFirewatch({ deliverTwice, files: FILES, collaborators: { alice: "triage", carol: "triage" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "GPU OOM on inference", labels: ["incident"] });
    await gh.settle();
    gh.as("alice").comment(n, `${withRole ? "/role communications @carol\n" : ""}/recovery start slow-recovery`);
    await gh.settle();
    return { s: scenario, n };
  }

  async function note(s: Scenario, n: number, advance: string, text = "/note still scaling"): Promise<void> {
    s.gh.clock.advance(advance);
    s.gh.as("alice").comment(n, text);
    await s.gh.settle();
  }

  it("reminds the communications role once per missed period, on whatever event arrives; /update resets it", async () => {
    const { s, n } = await start(true);
    await note(s, n, "20m");
    expect(reminders(s, n)).toHaveLength(0);
    await note(s, n, "15m");
    expect(reminders(s, n)).toHaveLength(1);
    expect(reminders(s, n)[0]!.body).toContain("there has been no `/update` since the plan started");
    expect(reminders(s, n)[0]!.body).toContain("@carol (communications), please post one with `/update");
    await note(s, n, "10m");
    expect(reminders(s, n)).toHaveLength(1);
    await note(s, n, "0m", "/update customers told: capacity is coming back");
    await note(s, n, "20m");
    expect(reminders(s, n)).toHaveLength(1);
    await note(s, n, "12m");
    expect(reminders(s, n)).toHaveLength(2);
    expect(reminders(s, n)[1]!.body).toContain("the last `/update` was at");
  });

  it("says nobody holds the role when nobody does", async () => {
    const { s, n } = await start(false);
    await note(s, n, "31m");
    expect(reminders(s, n)).toHaveLength(1);
    expect(reminders(s, n)[0]!.body).toContain("Nobody holds the communications role: take it with `/role communications @you`");
  });

  it("the scheduled tick workflow's run reminds and fails timeouts without anyone touching the incident", async () => {
    const { s, n } = await start(true);
    s.gh.clock.advance("35m");
    scheduledTick(s.gh);
    await s.gh.settle();
    expect(reminders(s, n)).toHaveLength(1);
    scheduledTick(s.gh);
    await s.gh.settle();
    expect(reminders(s, n)).toHaveLength(1);

    s.gh.clock.advance("60m");
    scheduledTick(s.gh);
    await s.gh.settle();
    const runbook = s.gh.issue(n).comments.find((c) => c.body.includes("### 📘 Runbook `slow-recovery`"))!.body;
    expect(runbook).toContain("— failed");
    expect(runbook).toContain("timed out after 1h 30m");
    expect(s.gh.pulls()).toHaveLength(1);
    expect(s.gh.issue(n).comments.filter((c) => c.body.includes("ended **failed**"))).toHaveLength(1);
    // The plan has ended: no more reminders, however late it gets.
    s.gh.clock.advance("40m");
    scheduledTick(s.gh);
    await s.gh.settle();
    expect(reminders(s, n)).toHaveLength(1);
  });
});
