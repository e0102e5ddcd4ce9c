import { ApiError } from "../http/api-error.js";
import type { Issue, Label, Repository } from "./model.js";
import type { MutationContext } from "./mutation-context.js";
import type { GitHubState } from "./github-state.js";

/** The repository label with this name (case-insensitive), created like GitHub does when missing. */
export function ensureLabel(state: GitHubState, repo: Repository, name: string, color = "ededed"): Label {
  const existing = repo.labels.get(name.toLowerCase());
  if (existing) return existing;
  const label: Label = { id: state.nextId(), name, color, description: null, default: false };
  repo.labels.set(name.toLowerCase(), label);
  return label;
}

/** Adds labels not yet on the issue; each one added is its own `labeled` event and webhook. */
export function addLabels(ctx: MutationContext, repo: Repository, issue: Issue, names: string[]): void {
  for (const name of names) {
    const label = ensureLabel(ctx.state, repo, name);
    if (issue.labels.some((current) => current.toLowerCase() === label.name.toLowerCase())) continue;
    issue.labels.push(label.name);
    record(ctx, repo, issue, "labeled", label);
  }
}

/** @throws ApiError 404 "Label does not exist" when the issue does not carry it, as GitHub does. */
export function removeLabel(ctx: MutationContext, repo: Repository, issue: Issue, name: string): void {
  const index = issue.labels.findIndex((current) => current.toLowerCase() === name.toLowerCase());
  const label = repo.labels.get(name.toLowerCase());
  if (index < 0 || !label) throw new ApiError(404, "Label does not exist");
  issue.labels.splice(index, 1);
  record(ctx, repo, issue, "unlabeled", label);
}

/** Replaces the issue's labels: one `unlabeled` per removed label, one `labeled` per added one. */
export function setLabels(ctx: MutationContext, repo: Repository, issue: Issue, names: string[]): void {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  for (const current of [...issue.labels]) {
    if (!wanted.has(current.toLowerCase())) removeLabel(ctx, repo, issue, current);
  }
  addLabels(ctx, repo, issue, names);
}

function record(ctx: MutationContext, repo: Repository, issue: Issue, event: "labeled" | "unlabeled", label: Label) {
  const createdAt = ctx.state.clock.iso();
  issue.updatedAt = createdAt;
  issue.events.push({
    id: ctx.state.nextId(),
    event,
    actor: ctx.actor,
    createdAt,
    label: { name: label.name, color: label.color },
  });
  ctx.emit({ event: "issues", action: event, repo, issue, sender: ctx.actor, label });
}
