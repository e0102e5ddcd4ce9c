import { issueEventShape, timelineShape } from "../shapes/event-shape.js";
import type { HandlerRegistry } from "./operation-handler.js";

/** An issue's events and timeline, oldest first. */
export const eventHandlers: HandlerRegistry = {
  "issues/list-events": (ctx) => {
    const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
    const issue = ctx.state.issue(repo, ctx.params.issue_number ?? "");
    return { status: 200, body: issue.events.map((event) => issueEventShape(ctx.urls, repo, event)), paginate: true };
  },
  "issues/list-events-for-timeline": (ctx) => {
    const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
    const issue = ctx.state.issue(repo, ctx.params.issue_number ?? "");
    return { status: 200, body: timelineShape(ctx.urls, repo, issue), paginate: true };
  },
};
