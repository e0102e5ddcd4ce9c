import type { RunbookArgs } from "../../commands/parse/args/runbook.js";
import { dryRun } from "../dry-run.js";
import type { ExecutionState } from "../engine/execution-state.js";
import type { RunbookFile } from "../runbook-file.js";
import type { RunbookIncident } from "../runbook-incident.js";
import { isKnownAs } from "../runbook-identity.js";
import type { Runbook } from "../schema.js";
import { runbookListTable } from "./runbook-list-table.js";
import { runnableFile } from "./runnable-file.js";

export interface RunbookCommandInput<E extends { state: ExecutionState }> {
  args: RunbookArgs;
  /** The runbook files at the default branch's head (`sha`). */
  files: readonly RunbookFile[];
  sha: string;
  /** The executions on the incident. */
  executions: readonly E[];
  incident: RunbookIncident;
  /** The configured runbook directory, for replies. */
  directory: string;
}

/** What `/runbook …` does: answer only, cancel an execution, or start the n-th run of a runbook. */
export type RunbookCommandDecision<E> =
  | { kind: "reply"; ok: boolean; reply: string }
  | { kind: "cancel"; execution: E; reply: string }
  | { kind: "start"; file: { path: string; runbook: Runbook }; n: number; reply: string };

/**
 * `/runbook list|test|run|cancel` decided from the files and executions: `test` is a dry
 * run that does nothing; `run` refuses a runbook already running (one run at a time) and
 * numbers the new run after the earlier ones; `cancel` needs a running one.
 */
export function decideRunbookCommand<E extends { state: ExecutionState }>(
  input: RunbookCommandInput<E>,
): RunbookCommandDecision<E> {
  const { args, files, executions, directory } = input;
  if (args.action === "list") {
    const table = runbookListTable(
      directory,
      files,
      executions.map((e) => e.state),
    );
    return { kind: "reply", ok: true, reply: table };
  }
  const found = runnableFile(
    files,
    args.name,
    `There is no runbook \`${args.name}\` in \`${directory}\`. \`/runbook list\` shows them.`,
  );
  if ("reply" in found) return { kind: "reply", ok: false, reply: found.reply };
  const { file } = found;
  const mine = executions.filter((e) => isKnownAs(file.runbook, e.state.runbook));
  const running = mine.find((e) => ["ready", "running"].includes(e.state.status));
  switch (args.action) {
    case "test":
      return {
        kind: "reply",
        ok: true,
        reply: `${dryRun(file.runbook, input.incident)}\n\n_Nothing was done: this is what \`/runbook run ${file.runbook.name}\` would do._`,
      };
    case "cancel":
      return running
        ? { kind: "cancel", execution: running, reply: `Cancelled runbook \`${args.name}\`.` }
        : { kind: "reply", ok: false, reply: `\`${args.name}\` is not running on this incident.` };
    case "run":
      if (running)
        return {
          kind: "reply",
          ok: false,
          reply: `\`${args.name}\` is already running on this incident; \`/runbook cancel ${args.name}\` stops it.`,
        };
      return {
        kind: "start",
        file: { path: file.path, runbook: file.runbook },
        n: mine.length + 1,
        reply: `Started runbook \`${args.name}\` (version \`${input.sha.slice(0, 12)}\`).`,
      };
  }
}
