import type { RecoveryArgs } from "../../commands/parse/args/recovery.js";
import { tableCell } from "../../markdown/index.js";
import type { Runbook } from "../../runbooks/schema.js";
import type { EventScope } from "../event-scope.js";
import { listExecutions } from "../runbooks/execution-store.js";
import { recordExecutions, runbookIncident, startRunbook } from "../runbooks/incident-runbooks.js";
import {
  defaultBranch,
  headCommit,
  loadRunbookFiles,
  type RunbookFile,
} from "../runbooks/runbook-files.js";

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
  const plans = files.filter(
    (f): f is RunbookFile & { runbook: Runbook } => f.runbook?.kind === "recovery",
  );
  if (args.action === "list")
    return {
      ok: true,
      reply: listReply(
        scope,
        plans,
        executions.map((e) => e.state),
      ),
    };

  const file =
    files.find((f) => f.runbook?.name === args.plan) ??
    files.find((f) => stem(f.path) === args.plan);
  if (!file)
    return {
      ok: false,
      reply: `There is no recovery plan \`${args.plan}\` in \`${scope.config.runbooks.directory}\`. \`/recovery list\` shows them.`,
    };
  if (!file.runbook)
    return {
      ok: false,
      reply: `\`${file.path}\` has errors, so it cannot run:\n\n${file.errors.map((e) => `- line ${e.line}: ${e.message}`).join("\n")}`,
    };
  const runbook = file.runbook;
  if (runbook.kind !== "recovery")
    return {
      ok: false,
      reply: `\`${runbook.name}\` is a response runbook, not a recovery plan (it has no \`kind: recovery\`, so no objectives to report against). Run it with \`/runbook run ${runbook.name}\`.`,
    };
  const mine = executions.filter((e) => e.state.runbook === runbook.name);
  if (mine.some((e) => ["ready", "running"].includes(e.state.status)))
    return {
      ok: false,
      reply: `\`${runbook.name}\` is already running on this incident; \`/runbook cancel ${runbook.name}\` stops it.`,
    };
  const incident = runbookIncident(scope, loaded, loaded.state);
  const state = await startRunbook(
    { scope, issue },
    { path: file.path, runbook },
    sha,
    actor,
    incident,
    executions,
    mine.length + 1,
  );
  await recordExecutions(scope, issue, [state]);
  const rto = runbook.objectives ? ` Objective: recovered within ${runbook.objectives.rto}.` : "";
  return {
    ok: true,
    reply: `Started recovery plan \`${runbook.name}\` (version \`${sha.slice(0, 12)}\`).${rto} A recovery report pull request opens when it finishes.`,
  };
}

function listReply(
  scope: EventScope,
  plans: readonly (RunbookFile & { runbook: Runbook })[],
  executions: readonly { runbook: string; status: string }[],
): string {
  if (plans.length === 0)
    return `There are no recovery plans (\`kind: recovery\`) in \`${scope.config.runbooks.directory}\` yet.`;
  const rows = plans.map(({ runbook }) => {
    const last = executions.filter((e) => e.runbook === runbook.name).at(-1);
    const cadence = tableCell(
      (runbook.communication ?? []).map((c) => `${c.audience} every ${c.every}`).join(", ") || "—",
    );
    return `| \`${runbook.name}\` | ${runbook.objectives?.rto ?? "—"} | ${cadence} | ${last ? last.status : "not run"} |`;
  });
  return [
    "| Recovery plan | RTO | Updates | On this incident |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

function stem(path: string): string {
  return (path.split("/").pop() ?? path).replace(/\.ya?ml$/, "");
}
