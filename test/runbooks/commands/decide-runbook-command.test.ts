import { describe, expect, it } from "vitest";
import type { RunbookArgs } from "../../../src/commands/parse/args/runbook.js";
import { decideRunbookCommand } from "../../../src/runbooks/commands/decide-runbook-command.js";
import type { RunbookFile } from "../../../src/runbooks/runbook-file.js";
import { execution, incident, waiting } from "../decide/fixtures.js";

const rb = waiting("by-hand");
const file: RunbookFile = { path: ".github/runbooks/by-hand.yml", runbook: rb, errors: [] };
const finished = { commentId: 1, state: execution(rb, "fw7-by-hand-1", "cancelled") };
const running = { commentId: 2, state: execution(rb, "fw7-by-hand-2", "running") };
const decide = (args: RunbookArgs, executions: (typeof running)[]) =>
  decideRunbookCommand({ args, files: [file], sha: "0123456789abcdef", executions, incident, directory: ".github/runbooks" });

describe("decideRunbookCommand", () => {
  it.each<{ name: string; args: RunbookArgs; executions: (typeof running)[]; want: unknown }>([
    { name: "run a runbook never run", args: { action: "run", name: "by-hand" }, executions: [], want: { kind: "start", file: { path: file.path, runbook: rb }, n: 1, reply: "Started runbook `by-hand` (version `0123456789ab`)." } },
    { name: "run it again after a finished run", args: { action: "run", name: "by-hand" }, executions: [finished], want: { kind: "start", file: { path: file.path, runbook: rb }, n: 2, reply: "Started runbook `by-hand` (version `0123456789ab`)." } },
    { name: "run one already running", args: { action: "run", name: "by-hand" }, executions: [finished, running], want: { kind: "reply", ok: false, reply: "`by-hand` is already running on this incident; `/runbook cancel by-hand` stops it." } },
    { name: "cancel the running one", args: { action: "cancel", name: "by-hand" }, executions: [finished, running], want: { kind: "cancel", execution: running, reply: "Cancelled runbook `by-hand`." } },
    { name: "cancel one not running", args: { action: "cancel", name: "by-hand" }, executions: [finished], want: { kind: "reply", ok: false, reply: "`by-hand` is not running on this incident." } },
    { name: "a runbook that does not exist", args: { action: "run", name: "nope" }, executions: [], want: { kind: "reply", ok: false, reply: "There is no runbook `nope` in `.github/runbooks`. `/runbook list` shows them." } },
  ])("$name", ({ args, executions, want }) => {
    expect(decide(args, executions)).toEqual(want);
  });

  // The file was renamed to manual-fix.yml, its `name: by-hand` kept: executions recorded under the old name are its own.
  const renamed = waiting("by-hand", "", ".github/runbooks/manual-fix.yml");
  const renamedFile: RunbookFile = { path: ".github/runbooks/manual-fix.yml", runbook: renamed, errors: [] };
  const decideRenamed = (args: RunbookArgs, executions: (typeof running)[]) =>
    decideRunbookCommand({ args, files: [renamedFile], sha: "0123456789abcdef", executions, incident, directory: ".github/runbooks" });
  it.each<{ name: string; args: RunbookArgs; executions: (typeof running)[]; want: unknown }>([
    { name: "run by the id while an execution under the old name runs", args: { action: "run", name: "manual-fix" }, executions: [running], want: { kind: "reply", ok: false, reply: "`manual-fix` is already running on this incident; `/runbook cancel manual-fix` stops it." } },
    { name: "cancel by the old name", args: { action: "cancel", name: "by-hand" }, executions: [finished, running], want: { kind: "cancel", execution: running, reply: "Cancelled runbook `by-hand`." } },
    { name: "run again after a finished run under the old name", args: { action: "run", name: "manual-fix" }, executions: [finished], want: { kind: "start", file: { path: renamedFile.path, runbook: renamed }, n: 2, reply: "Started runbook `manual-fix` (version `0123456789ab`)." } },
    { name: "list shows the id and the old execution's state", args: { action: "list" }, executions: [running], want: { kind: "reply", ok: true, reply: "| Runbook | Starts | On this incident |\n| --- | --- | --- |\n| `manual-fix` | by hand | running |" } },
  ])("old slug name: $name", ({ args, executions, want }) => {
    expect(decideRenamed(args, executions)).toEqual(want);
  });

  it("test is a dry run that does nothing", () => {
    const decision = decide({ action: "test", name: "by-hand" }, [running]);
    expect(decision).toMatchObject({ kind: "reply", ok: true });
    expect(decision.kind === "reply" && decision.reply).toMatch(/#### Dry run of `by-hand`[\s\S]*_Nothing was done: this is what `\/runbook run by-hand` would do._$/);
  });

  it("list answers with the table", () => {
    expect(decide({ action: "list" }, [running])).toEqual({
      kind: "reply",
      ok: true,
      reply: "| Runbook | Starts | On this incident |\n| --- | --- | --- |\n| `by-hand` | by hand | running |",
    });
  });
});
