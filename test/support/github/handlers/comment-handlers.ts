import { commentShape, reactionShape } from "../shapes/comment-shape.js";
import { addReaction, createComment, deleteComment, editComment, findComment } from "../state/comment-mutations.js";
import type { ReactionContent } from "../state/model.js";
import type { HandlerContext, HandlerRegistry } from "./operation-handler.js";

/** Issue comments and their reactions. */
export const commentHandlers: HandlerRegistry = {
  "issues/list-comments": (ctx) => {
    const repo = repoOf(ctx);
    const issue = ctx.state.issue(repo, ctx.params.issue_number ?? "");
    const since = ctx.query.get("since");
    const comments = issue.comments.filter((c) => !since || Date.parse(c.updatedAt) >= Date.parse(since));
    return { status: 200, body: comments.map((c) => commentShape(ctx.urls, repo, c)), paginate: true };
  },
  "issues/create-comment": (ctx) => {
    const repo = repoOf(ctx);
    const issue = ctx.state.issue(repo, ctx.params.issue_number ?? "");
    const comment = createComment(ctx.mutation, repo, issue, (ctx.body as { body: string }).body);
    return { status: 201, body: commentShape(ctx.urls, repo, comment) };
  },
  "issues/get-comment": (ctx) => {
    const repo = repoOf(ctx);
    const { comment } = findComment(repo, Number(ctx.params.comment_id));
    return { status: 200, body: commentShape(ctx.urls, repo, comment) };
  },
  "issues/update-comment": (ctx) => {
    const repo = repoOf(ctx);
    const comment = editComment(ctx.mutation, repo, Number(ctx.params.comment_id), (ctx.body as { body: string }).body);
    return { status: 200, body: commentShape(ctx.urls, repo, comment) };
  },
  "issues/delete-comment": (ctx) => {
    deleteComment(ctx.mutation, repoOf(ctx), Number(ctx.params.comment_id));
    return { status: 204 };
  },
  "reactions/list-for-issue-comment": (ctx) => {
    const { comment } = findComment(repoOf(ctx), Number(ctx.params.comment_id));
    const content = ctx.query.get("content");
    const reactions = comment.reactions.filter((r) => !content || r.content === content);
    return { status: 200, body: reactions.map((r) => reactionShape(ctx.urls, r)), paginate: true };
  },
  "reactions/create-for-issue-comment": (ctx) => {
    const { comment } = findComment(repoOf(ctx), Number(ctx.params.comment_id));
    const { reaction, created } = addReaction(ctx.mutation, comment, (ctx.body as { content: ReactionContent }).content);
    return { status: created ? 201 : 200, body: reactionShape(ctx.urls, reaction) };
  },
};

function repoOf(ctx: HandlerContext) {
  return ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
}
