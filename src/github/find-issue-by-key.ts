import type { GitHubClient, RepoRef } from "./client.js";
import { isAppAuthor } from "./app-author.js";
import { hasMarker } from "../markdown/hidden-block.js";

/** Finds an issue the app opened for `key`, among the issues carrying the labels it was opened with. */
export async function findIssueByKey(
  octokit: GitHubClient,
  repo: RepoRef,
  labels: readonly string[],
  key: string,
): Promise<number | undefined> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    ...repo,
    state: "all",
    labels: labels.join(","),
    per_page: 100,
  });
  return issues.find((i) => isAppAuthor(octokit, i.user) && hasMarker(i.body, key))?.number;
}
