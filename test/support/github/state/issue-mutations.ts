import type { Issue, Repository, User } from "./model.js";
import type { MutationContext, WebhookIntent } from "./mutation-context.js";
import { addLabels, setLabels } from "./label-mutations.js";
import { addAssignees, setAssignees } from "./assignee-mutations.js";

export interface NewIssue {
  title: string;
  body?: string | null;
  labels?: string[];
  assignees?: string[];
}

/**
 * Opens an issue: `issues.opened`, then one `labeled` and `assigned` per label and assignee.
 * GitHub creates the issue with its labels and assignees first and only then sends the
 * webhooks, so `opened` already carries them and every `labeled` carries the full set.
 */
export function createIssue(ctx: MutationContext, repo: Repository, input: NewIssue): Issue {
  const now = ctx.state.clock.iso();
  const issue: Issue = {
    number: repo.nextIssueNumber++,
    id: ctx.state.nextId(),
    title: input.title,
    body: input.body ?? null,
    state: "open",
    stateReason: null,
    labels: [],
    assignees: [],
    user: ctx.actor,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
    comments: [],
    events: [],
  };
  repo.issues.set(issue.number, issue);
  const held: WebhookIntent[] = [];
  const holding: MutationContext = { ...ctx, emit: (intent) => held.push(intent) };
  addLabels(holding, repo, issue, input.labels ?? []);
  addAssignees(holding, repo, issue, input.assignees ?? []);
  ctx.emit({ event: "issues", action: "opened", repo, issue, sender: ctx.actor });
  for (const intent of held) ctx.emit(intent);
  return issue;
}

export interface IssueUpdate {
  title?: string | number | null;
  body?: string | null;
  state?: "open" | "closed";
  state_reason?: string | null;
  labels?: (string | { name?: string })[];
  assignees?: string[];
}

/** Applies "Update an issue" (PATCH): edits, state changes, label and assignee sets. */
export function updateIssue(ctx: MutationContext, repo: Repository, issue: Issue, update: IssueUpdate): void {
  const changes: Record<string, { from: unknown }> = {};
  if (update.title !== undefined && update.title !== null && String(update.title) !== issue.title) {
    changes.title = { from: issue.title };
    issue.title = String(update.title);
  }
  if (update.body !== undefined && update.body !== issue.body) {
    changes.body = { from: issue.body };
    issue.body = update.body;
  }
  if (Object.keys(changes).length > 0) {
    issue.updatedAt = ctx.state.clock.iso();
    ctx.emit({ event: "issues", action: "edited", repo, issue, sender: ctx.actor, changes });
  }
  if (update.state === "closed" && issue.state === "open") closeIssue(ctx, repo, issue, update.state_reason);
  if (update.state === "open" && issue.state === "closed") reopenIssue(ctx, repo, issue);
  if (update.labels) {
    setLabels(ctx, repo, issue, update.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))));
  }
  if (update.assignees) setAssignees(ctx, repo, issue, update.assignees);
}

export function closeIssue(ctx: MutationContext, repo: Repository, issue: Issue, reason?: string | null): void {
  const now = ctx.state.clock.iso();
  issue.state = "closed";
  issue.stateReason = reason === "not_planned" || reason === "duplicate" ? reason : "completed";
  issue.closedAt = now;
  issue.closedBy = ctx.actor;
  issue.updatedAt = now;
  recordStateChange(ctx, issue, "closed", issue.stateReason);
  ctx.emit({ event: "issues", action: "closed", repo, issue, sender: ctx.actor });
}

export function reopenIssue(ctx: MutationContext, repo: Repository, issue: Issue): void {
  issue.state = "open";
  issue.stateReason = "reopened";
  issue.closedAt = null;
  issue.closedBy = null;
  issue.updatedAt = ctx.state.clock.iso();
  recordStateChange(ctx, issue, "reopened", null);
  ctx.emit({ event: "issues", action: "reopened", repo, issue, sender: ctx.actor });
}

function recordStateChange(ctx: MutationContext, issue: Issue, event: "closed" | "reopened", reason: string | null) {
  const actor: User = ctx.actor;
  issue.events.push({ id: ctx.state.nextId(), event, actor, createdAt: ctx.state.clock.iso(), stateReason: reason });
}
