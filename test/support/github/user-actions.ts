import { createComment, editComment } from "./state/comment-mutations.js";
import type { GitHubState } from "./state/github-state.js";
import { closeIssue, createIssue, reopenIssue } from "./state/issue-mutations.js";
import { addLabels, removeLabel } from "./state/label-mutations.js";
import type { Repository } from "./state/model.js";
import { mergePull, pullOf, pushFile } from "./state/pull-mutations.js";
import type { MutationContext, WebhookIntent } from "./state/mutation-context.js";

/** What a person does on github.com; each queues the webhooks GitHub would send, with them as sender. */
export interface UserActions {
  openIssue(input: { title: string; body?: string; labels?: string[]; assignees?: string[] }): number;
  addLabels(issueNumber: number, labels: string[]): void;
  removeLabel(issueNumber: number, label: string): void;
  close(issueNumber: number, reason?: "completed" | "not_planned"): void;
  reopen(issueNumber: number): void;
  /** @returns the new comment's id */
  comment(issueNumber: number, body: string): number;
  editComment(commentId: number, body: string): void;
  /** Merges a pull request: `pull_request.closed` with `merged: true`. @returns the merge commit's sha */
  mergePullRequest(pullNumber: number): string;
  /** Commits one file to a branch, as with GitHub's web editor (`null` deletes it). @returns the commit's sha */
  commitFile(branch: string, path: string, content: string | null): string;
}

export function userActions(
  state: GitHubState,
  repo: Repository,
  login: string,
  emit: (intent: WebhookIntent) => void,
): UserActions {
  const ctx: MutationContext = { state, actor: state.ensureUser(login), emit };
  const issue = (n: number) => state.issue(repo, n);
  return {
    openIssue: (input) => createIssue(ctx, repo, input).number,
    addLabels: (n, labels) => addLabels(ctx, repo, issue(n), labels),
    removeLabel: (n, label) => removeLabel(ctx, repo, issue(n), label),
    close: (n, reason) => closeIssue(ctx, repo, issue(n), reason),
    reopen: (n) => reopenIssue(ctx, repo, issue(n)),
    comment: (n, body) => createComment(ctx, repo, issue(n), body).id,
    editComment: (id, body) => void editComment(ctx, repo, id, body),
    mergePullRequest: (n) => mergePull(ctx, repo, pullOf(repo, n)),
    commitFile: (branch, path, content) => pushFile(ctx, repo, branch, path, content),
  };
}
