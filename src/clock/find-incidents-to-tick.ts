import type { ProbotOctokit } from "probot";

/** Open incidents one search returns at most (GitHub's largest page): the newest-updated first. */
export const MAX_INCIDENTS_PER_SEARCH = 100;

/** A repository and the open incidents of it that the search found. */
export interface RepositoryIncidents {
  owner: string;
  repo: string;
  issues: number[];
}

/**
 * The open incidents of an installation's account, found with ONE search request:
 * `is:issue is:open label:"<incident label>" org:<account>` (or `user:` for a personal
 * account), the newest-updated {@link MAX_INCIDENTS_PER_SEARCH}. A search cannot ask for a
 * label per repository, so it uses the label name the clock is given (the default
 * `incident`); a repository that renames it is not found here (its tick workflow still works).
 * The search sees only repositories the installation's token can read.
 */
export async function findIncidentsToTick(
  octokit: ProbotOctokit,
  account: { login: string; type?: string },
  incidentLabel: string,
): Promise<RepositoryIncidents[]> {
  const owner = account.type === "Organization" ? "org" : "user";
  const q = `is:issue is:open label:"${incidentLabel.replaceAll('"', "")}" ${owner}:${account.login}`;
  const { data } = await octokit.rest.search.issuesAndPullRequests({
    q,
    sort: "updated",
    order: "desc",
    per_page: MAX_INCIDENTS_PER_SEARCH,
  });
  const byRepository = new Map<string, RepositoryIncidents>();
  for (const item of data.items) {
    if (item.pull_request) continue;
    const [repoName, ownerName] = item.repository_url.split("/").reverse();
    if (!repoName || !ownerName) continue;
    const key = `${ownerName}/${repoName}`;
    const entry = byRepository.get(key) ?? { owner: ownerName, repo: repoName, issues: [] };
    entry.issues.push(item.number);
    byRepository.set(key, entry);
  }
  return [...byRepository.values()];
}
