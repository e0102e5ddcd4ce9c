import { headOf } from "../state/git-objects.js";
import type { PullRequest, Repository, Team } from "../state/model.js";
import { authorAssociation } from "./author-association.js";
import { nodeId, type BaseUrls } from "./base-urls.js";
import { repositoryShape } from "./repository-shape.js";
import { userShape } from "./user-shape.js";

/** GitHub's `team-simple`. */
export function teamShape(urls: BaseUrls, team: Team) {
  const [org = "", slug = ""] = team.fullSlug.split("/");
  const api = `${urls.api}/organizations/1/team/${team.id}`;
  return {
    id: team.id,
    node_id: nodeId("Team", team.id),
    url: api,
    members_url: `${api}/members{/member}`,
    name: slug,
    description: null,
    permission: "pull",
    html_url: `${urls.web}/orgs/${org}/teams/${slug}`,
    repositories_url: `${api}/repos`,
    slug,
    parent: null,
    type: "organization",
  };
}

/** GitHub's `pull-request-simple` (lists, review requests). */
export function pullSimpleShape(urls: BaseUrls, repo: Repository, pull: PullRequest, at: string) {
  const fullName = `${repo.owner.login}/${repo.name}`;
  const repoApi = `${urls.api}/repos/${fullName}`;
  const api = `${repoApi}/pulls/${pull.number}`;
  const html = `${urls.web}/${fullName}/pull/${pull.number}`;
  const issueApi = `${repoApi}/issues/${pull.number}`;
  const headSha = headOf(repo, pull.headRef, at);
  const branch = (ref: string, sha: string) => ({
    label: `${repo.owner.login}:${ref}`,
    ref,
    sha,
    user: userShape(urls, repo.owner),
    repo: repositoryShape(urls, repo, at),
  });
  return {
    url: api,
    id: pull.id,
    node_id: nodeId("PullRequest", pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApi}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${repoApi}/statuses/${headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userShape(urls, pull.user),
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: pull.requestedReviewers.map((u) => userShape(urls, u)),
    requested_teams: pull.requestedTeams.map((t) => teamShape(urls, t)),
    head: branch(pull.headRef, headSha),
    base: branch(pull.baseRef, headOf(repo, pull.baseRef, at)),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${repoApi}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${repoApi}/statuses/${headSha}` },
    },
    author_association: authorAssociation(repo, pull.user.login),
    auto_merge: null,
    draft: pull.draft,
  };
}

/** GitHub's full `pull-request` (get, create, update). */
export function pullShape(urls: BaseUrls, repo: Repository, pull: PullRequest, at: string) {
  return {
    ...pullSimpleShape(urls, repo, pull, at),
    merged: pull.mergedAt !== null,
    mergeable: pull.state === "open" ? true : null,
    rebaseable: pull.state === "open" ? true : null,
    mergeable_state: pull.state === "open" ? "clean" : "unknown",
    merged_by: pull.mergedBy && userShape(urls, pull.mergedBy),
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 1,
  };
}
