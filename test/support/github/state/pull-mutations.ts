import { ApiError } from "../http/api-error.js";
import { commitFiles, gitObjects, headOf, moveBranch, writeCommit, writeTree } from "./git-objects.js";
import type { PullRequest, Repository, Team, User } from "./model.js";
import type { MutationContext } from "./mutation-context.js";

export function pullsOf(repo: Repository): Map<number, PullRequest> {
  repo.pulls ??= new Map();
  return repo.pulls;
}

export function teamsOf(repo: Repository): Map<string, Team> {
  repo.teams ??= new Map();
  return repo.teams;
}

/** @throws ApiError 404 like GitHub for an unknown pull request. */
export function pullOf(repo: Repository, number: number | string): PullRequest {
  const pull = pullsOf(repo).get(Number(number));
  if (!pull) throw ApiError.notFound();
  return pull;
}

export interface NewPull {
  title: string;
  body?: string | null;
  head: string;
  base: string;
  draft?: boolean;
}

/** Opens a pull request from a branch of the same repository: `pull_request.opened`. */
export function createPull(ctx: MutationContext, repo: Repository, input: NewPull): PullRequest {
  const head = input.head.includes(":") ? input.head.slice(input.head.indexOf(":") + 1) : input.head;
  const problem = (message: string) => ApiError.validationFailed([{ resource: "PullRequest", code: "custom", message }]);
  const now = ctx.state.clock.iso();
  if (!repo.branches.has(input.base)) throw problem(`base: invalid branch ${input.base}`);
  if (!repo.branches.has(head)) throw problem(`head: invalid branch ${head}`);
  const open = [...pullsOf(repo).values()].find((p) => p.state === "open" && p.headRef === head && p.baseRef === input.base);
  if (open) throw problem(`A pull request already exists for ${repo.owner.login}:${head}.`);
  if (headOf(repo, head, now) === headOf(repo, input.base, now)) throw problem(`No commits between ${input.base} and ${head}`);
  const pull: PullRequest = {
    number: repo.nextIssueNumber++,
    id: ctx.state.nextId(),
    title: input.title,
    body: input.body ?? null,
    state: "open",
    draft: input.draft ?? false,
    user: ctx.actor,
    headRef: head,
    baseRef: input.base,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    mergedAt: null,
    mergedBy: null,
    mergeCommitSha: null,
    requestedReviewers: [],
    requestedTeams: [],
  };
  pullsOf(repo).set(pull.number, pull);
  ctx.emit({ event: "pull_request", action: "opened", repo, pull, sender: ctx.actor });
  return pull;
}

export interface PullUpdate {
  title?: string;
  body?: string;
  state?: "open" | "closed";
}

export function updatePull(ctx: MutationContext, repo: Repository, pull: PullRequest, update: PullUpdate): void {
  const before = { title: pull.title, body: pull.body };
  if (update.title !== undefined) pull.title = update.title;
  if (update.body !== undefined) pull.body = update.body;
  pull.updatedAt = ctx.state.clock.iso();
  if (before.title !== pull.title || before.body !== pull.body) {
    ctx.emit({ event: "pull_request", action: "edited", repo, pull, sender: ctx.actor });
  }
  if (update.state && update.state !== pull.state && !pull.mergedAt) {
    pull.state = update.state;
    pull.closedAt = update.state === "closed" ? pull.updatedAt : null;
    ctx.emit({ event: "pull_request", action: update.state === "closed" ? "closed" : "reopened", repo, pull, sender: ctx.actor });
  }
}

/**
 * Merges: a merge commit on the base whose files are the base's with the head's version of
 * every file, then `pull_request.closed` with `merged: true`.
 */
export function mergePull(ctx: MutationContext, repo: Repository, pull: PullRequest): string {
  if (pull.state !== "open") throw new ApiError(405, "Pull Request is not mergeable");
  const now = ctx.state.clock.iso();
  const git = gitObjects(repo);
  const baseHead = headOf(repo, pull.baseRef, now);
  const head = headOf(repo, pull.headRef, now);
  const files = new Map(repo.branches.get(pull.baseRef));
  for (const [path, content] of repo.branches.get(pull.headRef) ?? []) files.set(path, content);
  const person = { name: ctx.actor.login, email: `${ctx.actor.login}@users.noreply.github.com`, date: now };
  const commit = writeCommit(git, {
    tree: writeTree(git, files),
    parents: [baseHead, head],
    message: `Merge pull request #${pull.number} from ${repo.owner.login}/${pull.headRef}\n\n${pull.title}\n`,
    author: person,
    committer: person,
  });
  moveBranch(repo, pull.baseRef, commit.sha);
  Object.assign(pull, { state: "closed", closedAt: now, mergedAt: now, updatedAt: now, mergedBy: ctx.actor, mergeCommitSha: commit.sha });
  ctx.emit({ event: "pull_request", action: "closed", repo, pull, sender: ctx.actor });
  return commit.sha;
}

const notCollaborator = (repo: Repository, what: string) =>
  new ApiError(
    422,
    `Reviews may only be requested from collaborators. One or more of the ${what} you specified is not a collaborator of the ${repo.owner.login}/${repo.name} repository.`,
  );

/**
 * Asks people and teams for a review. As on GitHub, one team or person who cannot review
 * here fails the whole request with 422.
 */
export function requestReviewers(ctx: MutationContext, repo: Repository, pull: PullRequest, logins: string[], teamSlugs: string[]): void {
  const teams = teamSlugs.map((slug) => teamsOf(repo).get((slug.includes("/") ? slug : `${repo.owner.login}/${slug}`).toLowerCase()));
  if (teams.some((t) => t === undefined)) throw notCollaborator(repo, "teams");
  if (logins.some((login) => !repo.collaborators.has(login.toLowerCase()))) throw notCollaborator(repo, "users");
  const users: User[] = logins.map((login) => ctx.state.ensureUser(login));
  for (const user of users) {
    if (pull.requestedReviewers.some((u) => u.id === user.id)) continue;
    pull.requestedReviewers.push(user);
    ctx.emit({ event: "pull_request", action: "review_requested", repo, pull, sender: ctx.actor, requestedReviewer: user });
  }
  for (const team of teams as Team[]) {
    if (pull.requestedTeams.some((t) => t.id === team.id)) continue;
    pull.requestedTeams.push(team);
  }
}

/** A person pushes a commit changing one file on a branch (GitHub's web editor): `synchronize` for its open pull requests. */
export function pushFile(ctx: MutationContext, repo: Repository, branch: string, path: string, content: string | null): string {
  if (!repo.branches.has(branch)) throw ApiError.notFound();
  const person = { name: ctx.actor.login, email: `${ctx.actor.login}@users.noreply.github.com`, date: ctx.state.clock.iso() };
  const existed = repo.branches.get(branch)?.has(path) ?? false;
  const before = headOf(repo, branch, person.date);
  const commit = commitFiles(repo, branch, new Map([[path, content]]), `Update ${path}\n`, person);
  const change = content === null ? "removed" : existed ? "modified" : "added";
  ctx.emit({
    event: "push",
    repo,
    branch,
    before,
    after: commit.sha,
    message: `Update ${path}`,
    added: change === "added" ? [path] : [],
    modified: change === "modified" ? [path] : [],
    removed: change === "removed" ? [path] : [],
    sender: ctx.actor,
  });
  for (const pull of pullsOf(repo).values()) {
    if (pull.state === "open" && pull.headRef === branch) {
      pull.updatedAt = person.date;
      ctx.emit({ event: "pull_request", action: "synchronize", repo, pull, sender: ctx.actor });
    }
  }
  return commit.sha;
}
