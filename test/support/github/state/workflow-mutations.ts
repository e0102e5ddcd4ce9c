import { ApiError } from "../http/api-error.js";
import { headOf } from "./git-objects.js";
import type { Repository } from "./model.js";
import type { MutationContext } from "./mutation-context.js";
import type { WorkflowRun } from "./runbook-model.js";
import { runbookData } from "./runbook-repository-data.js";

/**
 * `workflow_dispatch`: records the dispatch and queues a run whose title is the workflow's
 * `run-name` with `${{ inputs.x }}` filled in (the way the example workflow carries
 * `firewatch_run_id`). 404 for a missing file, 422 without a `workflow_dispatch` trigger.
 */
export function dispatchWorkflow(ctx: MutationContext, repo: Repository, workflow: string, ref: string, inputs: Record<string, unknown>): WorkflowRun {
  const file = workflow.startsWith(".github/workflows/") ? workflow : `.github/workflows/${workflow}`;
  const branch = repo.branches.get(ref.replace(/^refs\/heads\//, ""));
  if (!branch) throw new ApiError(422, `No ref found for: ${ref}`);
  const source = branch.get(file);
  if (source === undefined) throw ApiError.notFound();
  if (!/^\s*workflow_dispatch\s*:/m.test(source)) throw new ApiError(422, "Workflow does not have 'workflow_dispatch' trigger");
  const values = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)]));
  const name = /^name:\s*(.+)$/m.exec(source)?.[1]?.trim().replace(/^["']|["']$/g, "") ?? file;
  const runName = /^run-name:\s*(.+)$/m.exec(source)?.[1]?.trim().replace(/^["']|["']$/g, "");
  const displayTitle = runName ? runName.replace(/\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}/g, (_, key: string) => values[key] ?? "") : name;
  const data = runbookData(repo);
  const now = ctx.state.clock.iso();
  data.dispatches.push({ workflow: file, ref, inputs: values, at: now, actor: ctx.actor.login });
  const run: WorkflowRun = {
    id: ctx.state.nextId(),
    workflowId: workflowId(file),
    path: file,
    name,
    displayTitle,
    headBranch: ref,
    headSha: headOf(repo, ref.replace(/^refs\/heads\//, ""), now),
    runNumber: data.workflowRuns.filter((r) => r.path === file).length + 1,
    status: "queued",
    conclusion: null,
    inputs: values,
    actor: ctx.actor,
    createdAt: now,
    updatedAt: now,
  };
  data.workflowRuns.push(run);
  return run;
}

/** Completes a run with `conclusion` and sends `workflow_run.completed` (sender: whoever triggered it). */
export function completeWorkflowRun(ctx: Pick<MutationContext, "state" | "emit">, repo: Repository, run: WorkflowRun, conclusion: string): void {
  if (run.status === "completed") throw new Error(`workflow run ${run.id} is already completed`);
  Object.assign(run, { status: "completed", conclusion, updatedAt: ctx.state.clock.iso() });
  ctx.emit({ event: "workflow_run", action: "completed", repo, sender: run.actor, run });
}

/** A stable numeric id per workflow file. */
export function workflowId(path: string): number {
  let hash = 7;
  for (const c of path) hash = (hash * 31 + c.charCodeAt(0)) % 1_000_000;
  return 500_000_000 + hash;
}
