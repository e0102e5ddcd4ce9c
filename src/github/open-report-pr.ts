import { statusOf, type GitHubClient, type RepoRef } from "./client.js";
import { readRepositoryFileWithSha } from "./read-repository-file.js";

export interface ReportPrRequest {
  branch: string;
  /** Where the file goes when the app writes it for the first time. */
  path: string;
  markdown: string;
  title: string;
  body: string;
  commitMessage: string;
  /** The blob SHA the app wrote last time, if it wrote before: anything else on the branch is a person's edit. */
  lastWrittenSha: string | undefined;
  /** Teams (`org/slug`) asked for a review when the pull request is opened. */
  teams: readonly string[];
}

export type ReportPrOutcome =
  /** The pull request was opened now. */
  | "opened"
  /** The file was rewritten on the existing branch and pull request. */
  | "updated"
  /** The file already says exactly this. */
  | "unchanged"
  /** A person changed the file since the app wrote it: left alone. */
  | "edited"
  /** The pull request was merged already: the report is accepted, nothing is rewritten. */
  | "merged";

export interface ReportPrResult {
  outcome: ReportPrOutcome;
  number: number;
  url: string;
  path: string;
  /** The file's blob SHA as the app leaves it (the app's own write, or what it found). */
  blobSha: string;
  /** Teams GitHub refused as reviewers (422), to be told on the incident. */
  refusedTeams: string[];
}

/**
 * Opens or updates a report pull request, idempotently: one branch and one pull request per
 * report, found again by branch name, so a redelivered webhook or a regeneration never
 * opens a second one. A file a person edited since the app wrote it is never overwritten.
 */
export async function openReportPr(octokit: GitHubClient, repo: RepoRef, req: ReportPrRequest): Promise<ReportPrResult> {
  const existing = await findPull(octokit, repo, req.branch);
  if (existing?.merged) {
    return { outcome: "merged", number: existing.number, url: existing.url, path: req.path, blobSha: req.lastWrittenSha ?? "", refusedTeams: [] };
  }
  const base = await ensureBranch(octokit, repo, req.branch);
  const current = await readRepositoryFileWithSha(octokit, repo, req.path, req.branch);
  let blobSha: string;
  let wrote = false;
  if (current && current.content === req.markdown) {
    blobSha = current.sha;
  } else if (current && current.sha !== req.lastWrittenSha) {
    const pull = existing ?? (await createPull(octokit, repo, req, base));
    return { outcome: "edited", number: pull.number, url: pull.url, path: req.path, blobSha: req.lastWrittenSha ?? "", refusedTeams: [] };
  } else {
    blobSha = await writeFile(octokit, repo, req, current?.sha);
    wrote = true;
  }
  if (existing) {
    if (existing.title !== req.title || existing.body !== req.body) {
      await octokit.rest.pulls.update({ ...repo, pull_number: existing.number, title: req.title, body: req.body });
    }
    return { outcome: wrote ? "updated" : "unchanged", number: existing.number, url: existing.url, path: req.path, blobSha, refusedTeams: [] };
  }
  const pull = await createPull(octokit, repo, req, base);
  const refusedTeams = pull.created ? await requestTeams(octokit, repo, pull.number, req.teams) : [];
  return { outcome: pull.created ? "opened" : wrote ? "updated" : "unchanged", number: pull.number, url: pull.url, path: req.path, blobSha, refusedTeams };
}

interface FoundPull {
  number: number;
  url: string;
  title: string;
  body: string | null;
  merged: boolean;
}

async function findPull(octokit: GitHubClient, repo: RepoRef, branch: string): Promise<FoundPull | undefined> {
  const { data } = await octokit.rest.pulls.list({ ...repo, head: `${repo.owner}:${branch}`, state: "all", per_page: 10 });
  // An open one first; else the newest (merged or closed).
  const pull = data.find((p) => p.state === "open") ?? data[0];
  return pull && { number: pull.number, url: pull.html_url, title: pull.title, body: pull.body, merged: pull.merged_at !== null };
}

/** Creates the branch from the default branch's head unless it exists; returns the default branch's name. */
async function ensureBranch(octokit: GitHubClient, repo: RepoRef, branch: string): Promise<string> {
  const { data: repository } = await octokit.rest.repos.get({ ...repo });
  const base = repository.default_branch;
  try {
    await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return base;
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  const { data: head } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${base}` });
  try {
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: head.object.sha });
  } catch (error) {
    // Another delivery created it a moment ago: the same branch is what we want.
    if (statusOf(error) !== 422) throw error;
  }
  return base;
}

async function writeFile(octokit: GitHubClient, repo: RepoRef, req: ReportPrRequest, sha: string | undefined): Promise<string> {
  const { data } = await octokit.rest.repos.createOrUpdateFileContents({
    ...repo,
    path: req.path,
    branch: req.branch,
    message: req.commitMessage,
    content: Buffer.from(req.markdown).toString("base64"),
    ...(sha ? { sha } : {}),
  });
  return data.content?.sha ?? "";
}

async function createPull(
  octokit: GitHubClient,
  repo: RepoRef,
  req: ReportPrRequest,
  base: string,
): Promise<{ number: number; url: string; created: boolean }> {
  try {
    const { data } = await octokit.rest.pulls.create({ ...repo, head: req.branch, base, title: req.title, body: req.body, request: { retries: 0 } });
    return { number: data.number, url: data.html_url, created: true };
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
    // "A pull request already exists": opened by a concurrent delivery.
    const found = await findPull(octokit, repo, req.branch);
    if (!found) throw error;
    return { number: found.number, url: found.url, created: false };
  }
}

async function requestTeams(octokit: GitHubClient, repo: RepoRef, pull: number, teams: readonly string[]): Promise<string[]> {
  const refused: string[] = [];
  for (const team of teams) {
    const slug = team.includes("/") ? team.slice(team.indexOf("/") + 1) : team;
    try {
      await octokit.rest.pulls.requestReviewers({ ...repo, pull_number: pull, team_reviewers: [slug] });
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      refused.push(team);
    }
  }
  return refused;
}
