import { ApiError } from "../http/api-error.js";
import { checkRunShape } from "../shapes/check-run-shape.js";
import { createCheckRun, updateCheckRun, type CheckRunInput } from "../state/check-run-mutations.js";
import { runbookData } from "../state/runbook-repository-data.js";
import type { HandlerContext, HandlerRegistry } from "./operation-handler.js";

/** Check runs with annotations (at most 50 per request, appended across updates). */
export const checkRunHandlers: HandlerRegistry = {
  "checks/create": (ctx) => {
    const repo = repoOf(ctx);
    const run = createCheckRun(ctx.mutation, repo, ctx.body as CheckRunInput);
    return { status: 201, body: checkRunShape(ctx.state, ctx.urls, repo, run) };
  },
  "checks/update": (ctx) => {
    const repo = repoOf(ctx);
    const run = updateCheckRun(ctx.mutation, repo, Number(ctx.params.check_run_id), ctx.body as CheckRunInput);
    return { status: 200, body: checkRunShape(ctx.state, ctx.urls, repo, run) };
  },
  "checks/get": (ctx) => {
    const repo = repoOf(ctx);
    const run = runbookData(repo).checkRuns.find((r) => r.id === Number(ctx.params.check_run_id));
    if (!run) throw ApiError.notFound();
    return { status: 200, body: checkRunShape(ctx.state, ctx.urls, repo, run) };
  },
  "checks/list-for-ref": (ctx) => {
    const repo = repoOf(ctx);
    const name = ctx.query.get("check_name");
    const runs = runbookData(repo).checkRuns.filter((r) => r.headSha === ctx.params.ref && (!name || r.name === name));
    return { status: 200, body: { total_count: runs.length, check_runs: runs.map((r) => checkRunShape(ctx.state, ctx.urls, repo, r)) } };
  },
};

function repoOf(ctx: HandlerContext) {
  return ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
}
