import { afterEach, describe, expect, it } from "vitest";
import { DELIVERY_MODES } from "../support/firewatch.js";
import type { Scenario } from "../support/harness.js";
import { startRunbookFirewatch } from "../support/runbook-firewatch.js";

// Written the way people write them: a free-text name, bare kinds.
const FAILOVER = `name: Database failover for @oncall
steps:
  - { id: promote, title: Promote the replica, type: contain, run: manual }
  - { id: check, title: Check replication lag, type: verify, run: manual }
`;
// Written before ids came from file names: a slug name other than the file's.
const LEGACY = "name: legacy\nsteps:\n  - { id: look, title: Look, type: assess, run: { kind: manual } }\n";
const PLAN = `name: Restore GPU capacity
kind: recovery
objectives: { rto: 1h }
verification:
  - { criterion: Pods serve again, step: serve }
steps:
  - { id: serve, title: Pods serve again, type: verify, run: manual }
`;
const BROKEN = `name: Broken failover
on_failure: sometimes
steps:
  - { id: a, title: 42, type: assess, run: comment }
  - { id: a, title: Again, type: assess, run: manual, needs: [missing] }
`;

describe.each(DELIVERY_MODES)("runbook ids are file names ($name)", ({ deliverTwice }) => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });
  const bodies = (n: number) => scenario!.gh.issue(n).comments.map((c) => c.body).join("\n---\n");

  it("runs a runbook by its file's name, shows its free-text name, and still answers to an old slug name", async () => {
    scenario = await startRunbookFirewatch({
      deliverTwice,
      files: { ".github/runbooks/db-failover.yml": FAILOVER, ".github/runbooks/legacy-file.yml": LEGACY },
      collaborators: { alice: "triage" },
    });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Primary database down", labels: ["incident"] });
    await gh.settle();
    gh.as("alice").comment(n, "/runbook list");
    gh.as("alice").comment(n, "/runbook run db-failover");
    gh.as("alice").comment(n, "/runbook run legacy");
    await gh.settle();
    const all = bodies(n);
    expect(all).toContain("| `db-failover` | by hand | not run |");
    expect(all).toContain("| `legacy-file` | by hand | not run |");
    expect(all).toContain("Started runbook `db-failover`");
    expect(all).toContain("Started runbook `legacy`");
    const failover = gh.issue(n).comments.find((c) => c.body.includes("### 📘 Runbook `db-failover` — running"))!;
    expect(failover.body).toContain("**Database failover for @\u200boncall**");
    expect(failover.body).not.toMatch(/@oncall/);
    expect(gh.issue(n).comments.filter((c) => c.body.includes("### 📘 Runbook `legacy-file` — running"))).toHaveLength(1);

    // The old slug name finds the execution started under the file's name.
    gh.as("alice").comment(n, "/runbook run legacy-file");
    await gh.settle();
    expect(bodies(n)).toContain("`legacy-file` is already running on this incident");
    gh.as("alice").comment(n, "/step done promote");
    gh.as("alice").comment(n, "/step done check");
    await gh.settle();
    expect(gh.issue(n).comments.filter((c) => c.body.includes("### 📘 Runbook `db-failover` — succeeded"))).toHaveLength(1);
  });

  it("names the recovery report's branch after the plan's file, and titles the report with its name", async () => {
    scenario = await startRunbookFirewatch({ deliverTwice, files: { ".github/runbooks/restore-gpu.yml": PLAN }, collaborators: { alice: "triage" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "GPU OOM on inference", labels: ["incident"] });
    await gh.settle();
    gh.as("alice").comment(n, "/recovery start restore-gpu");
    await gh.settle();
    gh.as("alice").comment(n, "/step done serve");
    await gh.settle();
    const pulls = gh.pulls();
    expect(pulls.map((p) => p.headRef)).toEqual([`firewatch/recovery-${n}-restore-gpu`]);
    const file = [...gh.repo.branches.get(pulls[0]!.headRef)!.keys()].find((p) => p.includes("-recovery-"))!;
    expect(file).toMatch(/-recovery-restore-gpu\.md$/);
    expect(gh.fileOn(pulls[0]!.headRef, file)).toContain("# Recovery report: Restore GPU capacity");
  });

  it("the pull-request check accepts them and reports every problem of a broken one at its line", async () => {
    scenario = await startRunbookFirewatch({ deliverTwice });
    const { gh } = scenario;
    gh.runbooks().openPullRequest("alice", {
      title: "Runbooks",
      head: "runbooks",
      changes: { ".github/runbooks/db-failover.yml": FAILOVER, ".github/runbooks/broken.yml": BROKEN },
    });
    await gh.settle();
    const check = gh.checkRuns()[0]!;
    expect(check.conclusion).toBe("failure");
    expect(check.annotations.filter((a) => a.path === ".github/runbooks/db-failover.yml")).toEqual([]);
    expect(check.summary).toContain("#### Dry run of `db-failover`");
    expect(check.annotations.filter((a) => a.path === ".github/runbooks/broken.yml").map((a) => [a.start_line, a.start_column, a.message])).toEqual([
      [2, 1, "on_failure must be one of stop, continue, rollback, found the text \"sometimes\""],
      [4, 14, "title must be text, found the number 42"],
      [4, 39, "run: a comment step needs options: write it as a mapping, run: { kind: comment, … } (only manual or approval can be written alone)"],
      [5, 7, 'duplicate step id "a" (first used by steps[0])'],
      [5, 63, 'step "a" needs unknown step "missing" (known steps ids: a)'],
    ]);
  });
});
