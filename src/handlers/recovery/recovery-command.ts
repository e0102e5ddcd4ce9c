import type { RecoveryArgs } from "../../commands/parse/args/recovery.js";
import { decideRecoveryCommand } from "../../runbooks/recovery/decide-recovery-command.js";
import type { EventScope } from "../event-scope.js";
import { listExecutions } from "../runbooks/execution-store.js";
import { recordExecutions, runbookIncident, startRunbook } from "../runbooks/incident-runbooks.js";
import { defaultBranch, headCommit, loadRunbookFiles } from "../runbooks/runbook-files.js";

/**
 * `/recovery start <plan>` runs a `kind: recovery` runbook with the runbook engine (a
 * response runbook is refused: it has no objectives to report against); `/recovery list`
 * lists the plans. The caller has checked the commenter's permission.
 */
export async function recoveryCommand(
  scope: EventScope,
  issue: number,
  args: RecoveryArgs,
  actor: string,
): Promise<{ ok: boolean; reply?: string }> {
  const loaded = await scope.incident(issue);
  if (!loaded.state)
    return { ok: false, reply: "This issue is not an incident, so it has no recovery plans." };
  const sha = await headCommit(scope, await defaultBranch(scope));
  const files = await loadRunbookFiles(scope, sha);
  const executions = await listExecutions(scope.reads, issue);
  const decision = decideRecoveryCommand({
    args,
    files,
    sha,
    executions: executions.map((e) => e.state),
    directory: scope.config.runbooks.directory,
  });
  if (decision.kind === "reply") return { ok: decision.ok, reply: decision.reply };
  const incident = runbookIncident(scope, loaded, loaded.state);
  const { file, n } = decision;
  const state = await startRunbook({ scope, issue }, file, sha, actor, incident, executions, n);
  await recordExecutions(scope, issue, [state]);
  return { ok: true, reply: decision.reply };
}
