import { ApiError } from "../http/api-error.js";
import type { Comment, Issue, ReactionContent, Reaction, Repository } from "./model.js";
import type { MutationContext } from "./mutation-context.js";

export function createComment(ctx: MutationContext, repo: Repository, issue: Issue, body: string): Comment {
  const now = ctx.state.clock.iso();
  const comment: Comment = {
    id: ctx.state.nextId(),
    issueNumber: issue.number,
    body,
    user: ctx.actor,
    createdAt: now,
    updatedAt: now,
    reactions: [],
  };
  issue.comments.push(comment);
  issue.updatedAt = now;
  ctx.emit({ event: "issue_comment", action: "created", repo, issue, comment, sender: ctx.actor });
  return comment;
}

/** Edits a comment; `issue_comment.edited` carries the previous body in `changes`. */
export function editComment(ctx: MutationContext, repo: Repository, commentId: number, body: string): Comment {
  const { issue, comment } = findComment(repo, commentId);
  const from = comment.body;
  comment.body = body;
  comment.updatedAt = ctx.state.clock.iso();
  ctx.emit({ event: "issue_comment", action: "edited", repo, issue, comment, sender: ctx.actor, changes: { body: { from } } });
  return comment;
}

export function deleteComment(ctx: MutationContext, repo: Repository, commentId: number): void {
  const { issue, comment } = findComment(repo, commentId);
  issue.comments.splice(issue.comments.indexOf(comment), 1);
  ctx.emit({ event: "issue_comment", action: "deleted", repo, issue, comment, sender: ctx.actor });
}

/** Adds a reaction; GitHub answers 200 with the existing one when the user already reacted so. */
export function addReaction(
  ctx: MutationContext,
  comment: Comment,
  content: ReactionContent,
): { reaction: Reaction; created: boolean } {
  const existing = comment.reactions.find((r) => r.user.id === ctx.actor.id && r.content === content);
  if (existing) return { reaction: existing, created: false };
  const reaction: Reaction = { id: ctx.state.nextId(), content, user: ctx.actor, createdAt: ctx.state.clock.iso() };
  comment.reactions.push(reaction);
  return { reaction, created: true };
}

/** @throws ApiError 404 when no issue of the repository has this comment. */
export function findComment(repo: Repository, commentId: number): { issue: Issue; comment: Comment } {
  for (const issue of repo.issues.values()) {
    const comment = issue.comments.find((candidate) => candidate.id === commentId);
    if (comment) return { issue, comment };
  }
  throw ApiError.notFound();
}
