import type { GitHubClient, RepoRef } from "../github/client.js";
import { statusOf } from "../github/client.js";

/** The logins among `logins` that can be assigned issues in the repository (`GET /repos/…/assignees/{u}`). */
export async function checkAssignable(
  octokit: GitHubClient,
  repo: RepoRef,
  logins: readonly string[],
): Promise<Set<string>> {
  // At most one login per command, and at most 20 commands run from a comment.
  const unique = [...new Set(logins)];
  const results = await Promise.all(
    unique.map(async (assignee) => {
      try {
        await octokit.rest.issues.checkUserCanBeAssigned({ ...repo, assignee });
        return assignee;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    }),
  );
  return new Set(results.filter((l): l is string => l !== undefined));
}
