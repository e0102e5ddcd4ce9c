import { describe, expect, it } from "vitest";
import type { RecoveryArgs } from "../../../src/commands/parse/args/recovery.js";
import { decideRecoveryCommand } from "../../../src/runbooks/recovery/decide-recovery-command.js";
import type { RunbookFile } from "../../../src/runbooks/runbook-file.js";
import type { ExecutionState } from "../../../src/runbooks/engine/execution-state.js";
import { execution, runbook, waiting } from "../decide/fixtures.js";

const plan = runbook(`name: restore
kind: recovery
objectives: { rto: 30m }
communication:
  - { audience: customers, every: 30m }
steps:
  - { id: check, title: Check, type: verify, run: { kind: manual } }
`);
const response = waiting("page");
const files: RunbookFile[] = [
  { path: ".github/runbooks/restore.yml", runbook: plan, errors: [] },
  { path: ".github/runbooks/page.yml", runbook: response, errors: [] },
];
const ended = execution(plan, "fw7-restore-1", "rolled-back");
const running = execution(plan, "fw7-restore-2", "running");
const decide = (args: RecoveryArgs, executions: ExecutionState[]) =>
  decideRecoveryCommand({ args, files, sha: "0123456789abcdef", executions, directory: ".github/runbooks" });
const started = (n: number) => ({
  kind: "start",
  file: { path: ".github/runbooks/restore.yml", runbook: plan },
  n,
  reply: "Started recovery plan `restore` (version `0123456789ab`). Objective: recovered within 30m. A recovery report pull request opens when it finishes.",
});

describe("decideRecoveryCommand", () => {
  it.each<{ name: string; args: RecoveryArgs; executions: ExecutionState[]; want: unknown }>([
    { name: "start a plan", args: { action: "start", plan: "restore" }, executions: [], want: started(1) },
    { name: "start it again after it ended", args: { action: "start", plan: "restore" }, executions: [ended], want: started(2) },
    { name: "a plan already running", args: { action: "start", plan: "restore" }, executions: [ended, running], want: { kind: "reply", ok: false, reply: "`restore` is already running on this incident; `/runbook cancel restore` stops it." } },
    { name: "a response runbook", args: { action: "start", plan: "page" }, executions: [], want: { kind: "reply", ok: false, reply: "`page` is a response runbook, not a recovery plan (it has no `kind: recovery`, so no objectives to report against). Run it with `/runbook run page`." } },
    { name: "no such plan", args: { action: "start", plan: "nope" }, executions: [], want: { kind: "reply", ok: false, reply: "There is no recovery plan `nope` in `.github/runbooks`. `/recovery list` shows them." } },
    {
      name: "list shows the plans only",
      args: { action: "list" },
      executions: [ended],
      want: { kind: "reply", ok: true, reply: "| Recovery plan | RTO | Updates | On this incident |\n| --- | --- | --- | --- |\n| `restore` | 30m | customers every 30m | rolled-back |" },
    },
  ])("$name", ({ args, executions, want }) => {
    expect(decide(args, executions)).toEqual(want);
  });

  it("a plan renamed to restore-gpu.yml that kept `name: restore` still owns the runs recorded as restore", () => {
    const renamed = runbook(`name: restore\nkind: recovery\nobjectives: { rto: 30m }\nsteps:\n  - { id: check, title: Check, type: verify, run: manual }\n`, ".github/runbooks/restore-gpu.yml");
    const only: RunbookFile[] = [{ path: ".github/runbooks/restore-gpu.yml", runbook: renamed, errors: [] }];
    const decideRenamed = (args: RecoveryArgs) => decideRecoveryCommand({ args, files: only, sha: "0123456789abcdef", executions: [ended, running], directory: "rb" });
    expect(decideRenamed({ action: "start", plan: "restore-gpu" })).toEqual({ kind: "reply", ok: false, reply: "`restore-gpu` is already running on this incident; `/runbook cancel restore-gpu` stops it." });
    expect(decideRenamed({ action: "start", plan: "restore" })).toMatchObject({ kind: "reply", ok: false });
    expect(decideRenamed({ action: "list" })).toMatchObject({ reply: expect.stringContaining("| `restore-gpu` | 30m | — | running |") });
  });

  it("no plans", () => {
    expect(decideRecoveryCommand({ args: { action: "list" }, files: [files[1]!], sha: "s", executions: [], directory: "rb" })).toEqual({
      kind: "reply",
      ok: true,
      reply: "There are no recovery plans (`kind: recovery`) in `rb` yet.",
    });
  });
});
