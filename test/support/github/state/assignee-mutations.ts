import type { Issue, Repository } from "./model.js";
import type { MutationContext } from "./mutation-context.js";

/**
 * Assigns users. Like GitHub, logins that cannot be assigned (not collaborators) are
 * silently ignored; each new assignee is an `assigned` event and webhook.
 */
export function addAssignees(ctx: MutationContext, repo: Repository, issue: Issue, logins: string[]): void {
  for (const login of logins) {
    const user = ctx.state.findUser(login);
    if (!user || !isAssignable(repo, login)) continue;
    if (issue.assignees.some((current) => current.id === user.id)) continue;
    issue.assignees.push(user);
    record(ctx, repo, issue, "assigned", user);
  }
}

export function removeAssignees(ctx: MutationContext, repo: Repository, issue: Issue, logins: string[]): void {
  for (const login of logins) {
    const index = issue.assignees.findIndex((current) => current.login.toLowerCase() === login.toLowerCase());
    const [user] = index >= 0 ? issue.assignees.splice(index, 1) : [];
    if (user) record(ctx, repo, issue, "unassigned", user);
  }
}

export function setAssignees(ctx: MutationContext, repo: Repository, issue: Issue, logins: string[]): void {
  const wanted = new Set(logins.map((login) => login.toLowerCase()));
  removeAssignees(
    ctx,
    repo,
    issue,
    issue.assignees.filter((user) => !wanted.has(user.login.toLowerCase())).map((user) => user.login),
  );
  addAssignees(ctx, repo, issue, logins);
}

/** Collaborators with any role can be assigned in a private repository. */
export function isAssignable(repo: Repository, login: string): boolean {
  return repo.collaborators.has(login.toLowerCase());
}

function record(ctx: MutationContext, repo: Repository, issue: Issue, event: "assigned" | "unassigned", user: Issue["user"]) {
  issue.updatedAt = ctx.state.clock.iso();
  issue.events.push({ id: ctx.state.nextId(), event, actor: ctx.actor, createdAt: issue.updatedAt, assignee: user });
  ctx.emit({ event: "issues", action: event, repo, issue, sender: ctx.actor, assignee: user });
}
