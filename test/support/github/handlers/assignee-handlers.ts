import { ApiError } from "../http/api-error.js";
import { issueShape } from "../shapes/issue-shape.js";
import { addAssignees, isAssignable, removeAssignees } from "../state/assignee-mutations.js";
import type { HandlerContext, HandlerRegistry } from "./operation-handler.js";

/** Issue assignees. */
export const assigneeHandlers: HandlerRegistry = {
  "issues/add-assignees": (ctx) => {
    const { repo, issue } = target(ctx);
    addAssignees(ctx.mutation, repo, issue, (ctx.body as { assignees?: string[] } | undefined)?.assignees ?? []);
    return { status: 201, body: issueShape(ctx.urls, repo, issue) };
  },
  "issues/remove-assignees": (ctx) => {
    const { repo, issue } = target(ctx);
    removeAssignees(ctx.mutation, repo, issue, (ctx.body as { assignees?: string[] } | undefined)?.assignees ?? []);
    return { status: 200, body: issueShape(ctx.urls, repo, issue) };
  },
  "issues/check-user-can-be-assigned": (ctx) => {
    const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
    if (!isAssignable(repo, ctx.params.assignee ?? "")) throw ApiError.notFound();
    return { status: 204 };
  },
};

function target(ctx: HandlerContext) {
  const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
  return { repo, issue: ctx.state.issue(repo, ctx.params.issue_number ?? "") };
}
