import { runbooksToStart } from "../../runbooks/decide/runbooks-to-start.js";
import type { EventScope } from "../event-scope.js";
import { remindCommunications } from "../recovery/remind-communications.js";
import type { EffectContext } from "./apply-runbook-effect.js";
import { listExecutions } from "./execution-store.js";
import {
  recordExecutions,
  runbookIncident,
  startRunbook,
  tickRunbooks,
} from "./incident-runbooks.js";
import { defaultBranch, headCommit, loadRunbookFiles } from "./runbook-files.js";

/**
 * Runs after an incident event: starts the runbooks whose triggers now match and that never
 * ran on this incident (declared, severity or labels changed), and ticks the running ones so
 * their timeouts fail and due update reminders of recovery plans are posted. Exported for
 * the `/services` command, which changes what matches.
 */
export async function startMatchingRunbooks(
  scope: EventScope,
  issue: number,
  sender: string,
  options: { defaultBranch?: string; start?: boolean } = {},
): Promise<void> {
  const loaded = await scope.incident(issue);
  if (!loaded.state || loaded.issue.state === "closed") return;
  const state = loaded.state;
  const ctx: EffectContext = {
    scope,
    issue,
    ...(options.defaultBranch ? { defaultBranch: options.defaultBranch } : {}),
  };
  const executions = await listExecutions(scope.reads, issue);
  const changed = await tickRunbooks(ctx, executions);
  await remindCommunications(
    scope,
    issue,
    state,
    executions.map((e) => changed.find((c) => c.executionId === e.state.executionId) ?? e.state),
  );
  if (options.start !== false) {
    const branch = await defaultBranch(scope, options.defaultBranch);
    const sha = await headCommit(scope, branch);
    const files = await loadRunbookFiles(scope, sha);
    const incident = runbookIncident(scope, loaded, state);
    const started = [
      ...(state.runbooks ?? []).map((r) => r.name),
      ...executions.map((e) => e.state.runbook),
    ];
    for (const file of runbooksToStart(files, incident, started)) {
      try {
        changed.push(await startRunbook(ctx, file, sha, "firewatch", incident, executions, 1));
      } catch (error) {
        scope.log.error(
          { err: error, delivery: scope.deliveryId, runbook: file.runbook.name },
          "a runbook failed to start",
        );
      }
    }
    const invalid = files.filter((f) => !f.runbook);
    if (invalid.length > 0)
      scope.log.warn(
        { delivery: scope.deliveryId, files: invalid.map((f) => f.path) },
        "invalid runbooks were not considered",
      );
  }
  await recordExecutions(scope, issue, changed);
}
