import { issueLabels } from "./shapes/issue-shape.js";
import type { Issue, IssueEventName, Repository } from "./state/model.js";

/** An issue as a person sees it on github.com, for assertions. */
export interface IssueView {
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: string | null;
  /** Sorted by name, as GitHub shows them. */
  labels: string[];
  assignees: string[];
  comments: { id: number; body: string; user: string; reactions: Record<string, number> }[];
  events: { event: IssueEventName; actor: string; createdAt: string; label?: string; assignee?: string }[];
}

export function issueView(repo: Repository, issue: Issue): IssueView {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    stateReason: issue.stateReason,
    labels: issueLabels(repo, issue).map((label) => label.name),
    assignees: issue.assignees.map((user) => user.login),
    comments: issue.comments.map((comment) => ({
      id: comment.id,
      body: comment.body,
      user: comment.user.login,
      reactions: comment.reactions.reduce<Record<string, number>>((counts, reaction) => {
        counts[reaction.content] = (counts[reaction.content] ?? 0) + 1;
        return counts;
      }, {}),
    })),
    events: issue.events.map((event) => ({
      event: event.event,
      actor: event.actor.login,
      createdAt: event.createdAt,
      ...(event.label && { label: event.label.name }),
      ...(event.assignee && { assignee: event.assignee.login }),
    })),
  };
}
