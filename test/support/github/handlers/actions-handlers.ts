import { ApiError } from "../http/api-error.js";
import { workflowRunShape } from "../shapes/workflow-run-shape.js";
import { runbookData } from "../state/runbook-repository-data.js";
import { dispatchWorkflow } from "../state/workflow-mutations.js";
import type { HandlerContext, HandlerRegistry } from "./operation-handler.js";

/** `workflow_dispatch` and the runs it creates. */
export const actionsHandlers: HandlerRegistry = {
  "actions/create-workflow-dispatch": (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as { ref: string; inputs?: Record<string, unknown>; return_run_details?: boolean };
    const run = dispatchWorkflow(ctx.mutation, repo, ctx.params.workflow_id ?? "", body.ref, body.inputs ?? {});
    if (!body.return_run_details) return { status: 204 };
    const shape = workflowRunShape(ctx.urls, repo, run);
    return { status: 200, body: { workflow_run_id: run.id, run_url: shape.url, html_url: shape.html_url } };
  },
  "actions/list-workflow-runs-for-repo": (ctx) => {
    const repo = repoOf(ctx);
    const runs = filtered(ctx, runbookData(repo).workflowRuns);
    return { status: 200, body: { total_count: runs.length, workflow_runs: runs.map((r) => workflowRunShape(ctx.urls, repo, r)) } };
  },
  "actions/list-workflow-runs": (ctx) => {
    const repo = repoOf(ctx);
    const id = ctx.params.workflow_id ?? "";
    const runs = filtered(ctx, runbookData(repo).workflowRuns).filter((r) => r.path.endsWith(`/${id}`) || String(r.workflowId) === id);
    return { status: 200, body: { total_count: runs.length, workflow_runs: runs.map((r) => workflowRunShape(ctx.urls, repo, r)) } };
  },
  "actions/get-workflow-run": (ctx) => {
    const repo = repoOf(ctx);
    const run = runbookData(repo).workflowRuns.find((r) => r.id === Number(ctx.params.run_id));
    if (!run) throw ApiError.notFound();
    return { status: 200, body: workflowRunShape(ctx.urls, repo, run) };
  },
};

/** Newest first, filtered by `status` and `event` like GitHub (no paging: the lists here are short). */
function filtered<T extends { status: string; conclusion: string | null }>(ctx: HandlerContext, runs: T[]): T[] {
  const status = ctx.query.get("status");
  const event = ctx.query.get("event");
  return [...runs]
    .reverse()
    .filter((r) => !status || r.status === status || r.conclusion === status)
    .filter(() => !event || event === "workflow_dispatch");
}

function repoOf(ctx: HandlerContext) {
  return ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
}
