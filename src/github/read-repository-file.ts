import { statusOf, type GitHubClient, type RepoRef } from "./client.js";

export interface RepositoryFile {
  content: string;
  /** The blob SHA, for a later conditional write. */
  sha: string;
}

/** A file's text and blob SHA at `ref` (default branch when omitted); undefined when there is no such file. */
export async function readRepositoryFileWithSha(
  octokit: GitHubClient,
  repo: RepoRef,
  path: string,
  ref?: string,
): Promise<RepositoryFile | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path, ...(ref ? { ref } : {}) });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return undefined;
    return { content: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

export async function readRepositoryFile(octokit: GitHubClient, repo: RepoRef, path: string, ref?: string): Promise<string | undefined> {
  return (await readRepositoryFileWithSha(octokit, repo, path, ref))?.content;
}
