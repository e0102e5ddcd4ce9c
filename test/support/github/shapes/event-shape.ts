import type { Issue, IssueEvent, Repository } from "../state/model.js";
import { nodeId, type BaseUrls } from "./base-urls.js";
import { commentShape } from "./comment-shape.js";
import { userShape } from "./user-shape.js";

/** One of GitHub's issue events (`labeled-issue-event`, `state-change-issue-event`, …). */
export function issueEventShape(urls: BaseUrls, repo: Repository, event: IssueEvent) {
  return {
    id: event.id,
    node_id: nodeId("IssueEvent", event.id),
    url: `${urls.api}/repos/${repo.owner.login}/${repo.name}/issues/events/${event.id}`,
    actor: userShape(urls, event.actor),
    event: event.event,
    commit_id: null,
    commit_url: null,
    created_at: event.createdAt,
    performed_via_github_app: null,
    ...(event.label && { label: event.label }),
    ...(event.assignee && { assignee: userShape(urls, event.assignee), assigner: userShape(urls, event.actor) }),
    ...(event.stateReason !== undefined && { state_reason: event.stateReason }),
  };
}

/** The issue's timeline: its events and its comments (as `commented`), oldest first. */
export function timelineShape(urls: BaseUrls, repo: Repository, issue: Issue) {
  const events = issue.events.map((event) => ({ at: event.createdAt, id: event.id, item: issueEventShape(urls, repo, event) }));
  const comments = issue.comments.map((comment) => ({
    at: comment.createdAt,
    id: comment.id,
    item: { ...commentShape(urls, repo, comment), event: "commented", actor: userShape(urls, comment.user) },
  }));
  return [...events, ...comments]
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
    .map((entry) => entry.item);
}
