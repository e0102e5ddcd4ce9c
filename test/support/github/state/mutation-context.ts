import type { Comment, Issue, Label, PullRequest, Repository, User } from "./model.js";
import type { GitHubState } from "./github-state.js";
import type { WorkflowRunWebhookIntent } from "./workflow-run-intent.js";

/** A webhook GitHub would send because of a change; turned into a payload when queued. */
export type WebhookIntent =
  | IssueWebhookIntent
  | PullRequestWebhookIntent
  | WorkflowRunWebhookIntent
  | PushWebhookIntent;

/** A push of one commit to a branch (what GitHub's web editor does). */
export interface PushWebhookIntent {
  event: "push";
  action?: undefined;
  repo: Repository;
  branch: string;
  before: string;
  after: string;
  message: string;
  added: string[];
  modified: string[];
  removed: string[];
  sender: User;
}

export interface PullRequestWebhookIntent {
  event: "pull_request";
  action: string;
  repo: Repository;
  pull: PullRequest;
  sender: User;
  /** For `review_requested`: the one user or team asked. */
  requestedReviewer?: User;
}

export interface IssueWebhookIntent {
  event: "issues" | "issue_comment";
  action: string;
  repo: Repository;
  issue: Issue;
  sender: User;
  label?: Label;
  comment?: Comment;
  assignee?: User;
  changes?: Record<string, { from: unknown }>;
}

/** Who makes a change, and where the webhooks it causes go. */
export interface MutationContext {
  state: GitHubState;
  actor: User;
  emit(intent: WebhookIntent): void;
}
