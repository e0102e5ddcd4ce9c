import type { GitHubClient, RepoRef } from "./client.js";
import { isAppAuthor } from "./app-author.js";
import { hasMarker } from "../markdown/hidden-block.js";

export interface FoundComment {
  id: number;
  body: string;
}

/**
 * Finds the comment the app wrote for `key`. Only comments by a bot count, so a person
 * who pastes the marker into their own comment cannot take the card over.
 */
export async function findCommentByKey(
  octokit: GitHubClient,
  repo: RepoRef,
  issue: number,
  key: string,
): Promise<FoundComment | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issue,
    per_page: 100,
  });
  const found = comments.find((c) => isAppAuthor(octokit, c.user) && hasMarker(c.body, key));
  return found ? { id: found.id, body: found.body ?? "" } : undefined;
}
