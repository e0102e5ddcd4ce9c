import type { RunbookArgs } from "../../commands/parse/args/runbook.js";
import { decideRunbookCommand } from "../../runbooks/commands/decide-runbook-command.js";
import type { EventScope } from "../event-scope.js";
import type { EffectContext } from "./apply-runbook-effect.js";
import { listExecutions } from "./execution-store.js";
import {
  advanceStored,
  recordExecutions,
  runbookIncident,
  startRunbook,
} from "./incident-runbooks.js";
import { defaultBranch, headCommit, loadRunbookFiles } from "./runbook-files.js";

/** What a command hands back: Markdown for the commenter, and whether it did what was asked. */
export interface CommandOutcome {
  reply?: string;
  ok: boolean;
}

/** `/runbook run|list|cancel|test`. The caller has checked the commenter's permission. */
export async function runRunbookCommand(
  scope: EventScope,
  issue: number,
  args: RunbookArgs,
  actor: string,
): Promise<CommandOutcome> {
  const loaded = await scope.incident(issue);
  if (!loaded.state)
    return { ok: false, reply: "This issue is not an incident, so it has no runbooks." };
  const sha = await headCommit(scope, await defaultBranch(scope));
  const files = await loadRunbookFiles(scope, sha);
  const executions = await listExecutions(scope.reads, issue);
  const incident = runbookIncident(scope, loaded, loaded.state);
  const decision = decideRunbookCommand({
    args,
    files,
    sha,
    executions,
    incident,
    directory: scope.config.runbooks.directory,
  });
  const ctx: EffectContext = { scope, issue };
  switch (decision.kind) {
    case "reply":
      return { ok: decision.ok, reply: decision.reply };
    case "cancel": {
      const result = await advanceStored(ctx, decision.execution, [{ type: "cancel", by: actor }]);
      if ("error" in result) return { ok: false, reply: result.error };
      await recordExecutions(scope, issue, [result.state]);
      return { ok: true, reply: decision.reply };
    }
    case "start": {
      const { file, n } = decision;
      const state = await startRunbook(ctx, file, sha, actor, incident, executions, n);
      await recordExecutions(scope, issue, [state]);
      return { ok: true, reply: decision.reply };
    }
  }
}
