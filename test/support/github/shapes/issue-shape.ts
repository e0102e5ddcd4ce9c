import type { Issue, Label, Repository } from "../state/model.js";
import { nodeId, type BaseUrls } from "./base-urls.js";
import { authorAssociation } from "./author-association.js";
import { reactionRollup } from "./comment-shape.js";
import { userShape } from "./user-shape.js";

/** GitHub's `label`. */
export function labelShape(urls: BaseUrls, repo: Repository, label: Label) {
  return {
    id: label.id,
    node_id: nodeId("Label", label.id),
    url: `${urls.api}/repos/${repo.owner.login}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    description: label.description,
    default: label.default,
  };
}

/** The issue's labels as GitHub lists them: sorted by name. */
export function issueLabels(repo: Repository, issue: Issue): Label[] {
  return issue.labels
    .map((name) => repo.labels.get(name.toLowerCase()))
    .filter((label): label is Label => label !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** GitHub's `issue`. */
export function issueShape(urls: BaseUrls, repo: Repository, issue: Issue) {
  const repoApi = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  const api = `${repoApi}/issues/${issue.number}`;
  const assignees = issue.assignees.map((user) => userShape(urls, user));
  return {
    id: issue.id,
    node_id: nodeId("Issue", issue.id),
    url: api,
    repository_url: repoApi,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    timeline_url: `${api}/timeline`,
    html_url: `${urls.web}/${repo.owner.login}/${repo.name}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userShape(urls, issue.user),
    labels: issueLabels(repo, issue).map((label) => labelShape(urls, repo, label)),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: issue.comments.length,
    closed_at: issue.closedAt,
    closed_by: issue.closedBy && userShape(urls, issue.closedBy),
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: authorAssociation(repo, issue.user.login),
    reactions: reactionRollup(api, []),
  };
}
