import type { RecoveryArgs } from "../../commands/parse/args/recovery.js";
import { runnableFile } from "../commands/runnable-file.js";
import type { ExecutionState } from "../engine/execution-state.js";
import type { RunbookFile } from "../runbook-file.js";
import { isKnownAs } from "../runbook-identity.js";
import type { Runbook } from "../schema.js";
import { recoveryPlanTable } from "./recovery-plan-table.js";

export interface RecoveryCommandInput {
  args: RecoveryArgs;
  /** The runbook files at the default branch's head (`sha`). */
  files: readonly RunbookFile[];
  sha: string;
  executions: readonly ExecutionState[];
  /** The configured runbook directory, for replies. */
  directory: string;
}

/** What `/recovery …` does: answer only, or start the n-th run of a plan. */
export type RecoveryCommandDecision =
  | { kind: "reply"; ok: boolean; reply: string }
  | { kind: "start"; file: { path: string; runbook: Runbook }; n: number; reply: string };

/**
 * `/recovery list|start` decided from the files and executions: only a `kind: recovery`
 * runbook starts (a response runbook has no objectives to report against), one run at a time.
 */
export function decideRecoveryCommand(input: RecoveryCommandInput): RecoveryCommandDecision {
  const { args, files, executions, directory } = input;
  if (args.action === "list") {
    const plans = files.filter(
      (f): f is RunbookFile & { runbook: Runbook } => f.runbook?.kind === "recovery",
    );
    return { kind: "reply", ok: true, reply: recoveryPlanTable(directory, plans, executions) };
  }
  const found = runnableFile(
    files,
    args.plan,
    `There is no recovery plan \`${args.plan}\` in \`${directory}\`. \`/recovery list\` shows them.`,
  );
  if ("reply" in found) return { kind: "reply", ok: false, reply: found.reply };
  const { runbook, path } = found.file;
  if (runbook.kind !== "recovery")
    return {
      kind: "reply",
      ok: false,
      reply: `\`${runbook.name}\` is a response runbook, not a recovery plan (it has no \`kind: recovery\`, so no objectives to report against). Run it with \`/runbook run ${runbook.name}\`.`,
    };
  const mine = executions.filter((e) => isKnownAs(runbook, e.runbook));
  if (mine.some((e) => ["ready", "running"].includes(e.status)))
    return {
      kind: "reply",
      ok: false,
      reply: `\`${runbook.name}\` is already running on this incident; \`/runbook cancel ${runbook.name}\` stops it.`,
    };
  const rto = runbook.objectives ? ` Objective: recovered within ${runbook.objectives.rto}.` : "";
  return {
    kind: "start",
    file: { path, runbook },
    n: mine.length + 1,
    reply: `Started recovery plan \`${runbook.name}\` (version \`${input.sha.slice(0, 12)}\`).${rto} A recovery report pull request opens when it finishes.`,
  };
}
