import type { RunbookArgs } from "../../commands/parse/args/runbook.js";
import { dryRun } from "../../runbooks/dry-run.js";
import type { EventScope } from "../event-scope.js";
import type { EffectContext } from "./apply-runbook-effect.js";
import { listExecutions } from "./execution-store.js";
import {
  advanceStored,
  recordExecutions,
  runbookIncident,
  startRunbook,
} from "./incident-runbooks.js";
import { defaultBranch, headCommit, loadRunbookFiles, type RunbookFile } from "./runbook-files.js";

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
  if (args.action === "list")
    return {
      ok: true,
      reply: listReply(
        scope,
        files,
        executions.map((e) => e.state),
      ),
    };
  const file =
    files.find((f) => f.runbook?.name === args.name) ??
    files.find((f) => fileStem(f.path) === args.name);
  if (!file)
    return {
      ok: false,
      reply: `There is no runbook \`${args.name}\` in \`${scope.config.runbooks.directory}\`. \`/runbook list\` shows them.`,
    };
  if (!file.runbook)
    return {
      ok: false,
      reply: `\`${file.path}\` has errors, so it cannot run:\n\n${file.errors.map((e) => `- line ${e.line}: ${e.message}`).join("\n")}`,
    };
  const incident = runbookIncident(scope, loaded, loaded.state);
  const running = executions.find(
    (e) => e.state.runbook === file.runbook!.name && ["ready", "running"].includes(e.state.status),
  );
  const ctx: EffectContext = { scope, issue };
  switch (args.action) {
    case "test":
      return {
        ok: true,
        reply: `${dryRun(file.runbook, incident)}\n\n_Nothing was done: this is what \`/runbook run ${file.runbook.name}\` would do._`,
      };
    case "cancel": {
      if (!running)
        return { ok: false, reply: `\`${args.name}\` is not running on this incident.` };
      const result = await advanceStored(ctx, running, [{ type: "cancel", by: actor }]);
      if ("error" in result) return { ok: false, reply: result.error };
      await recordExecutions(scope, issue, [result.state]);
      return { ok: true, reply: `Cancelled runbook \`${args.name}\`.` };
    }
    case "run": {
      if (running)
        return {
          ok: false,
          reply: `\`${args.name}\` is already running on this incident; \`/runbook cancel ${args.name}\` stops it.`,
        };
      const n = executions.filter((e) => e.state.runbook === file.runbook!.name).length + 1;
      const state = await startRunbook(
        ctx,
        { path: file.path, runbook: file.runbook },
        sha,
        actor,
        incident,
        executions,
        n,
      );
      await recordExecutions(scope, issue, [state]);
      return {
        ok: true,
        reply: `Started runbook \`${args.name}\` (version \`${sha.slice(0, 12)}\`).`,
      };
    }
  }
}

function listReply(
  scope: EventScope,
  files: readonly RunbookFile[],
  executions: readonly { runbook: string; status: string }[],
): string {
  if (files.length === 0)
    return `There are no runbooks in \`${scope.config.runbooks.directory}\` yet.`;
  const rows = files.map((f) => {
    const name = f.runbook?.name ?? fileStem(f.path);
    const last = executions.filter((e) => e.runbook === name).at(-1);
    const triggers = f.runbook?.triggers
      ? Object.entries(f.runbook.triggers)
          .map(([k, v]) => `${k}: ${(v as string[]).join(", ")}`)
          .join("; ")
      : "by hand";
    const state = f.runbook
      ? last
        ? last.status
        : "not run"
      : `❌ ${f.errors.length} error${f.errors.length === 1 ? "" : "s"} (line ${f.errors[0]?.line ?? 1})`;
    return `| \`${name}\` | ${triggers} | ${state} |`;
  });
  return ["| Runbook | Starts | On this incident |", "| --- | --- | --- |", ...rows].join("\n");
}

function fileStem(path: string): string {
  return (path.split("/").pop() ?? path).replace(/\.ya?ml$/, "");
}
