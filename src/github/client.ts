import type { ProbotOctokit } from "probot";

/** The authenticated client every GitHub call goes through (Probot's, per installation). */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;

/** Which repository a call is about. */
export interface RepoRef {
  owner: string;
  repo: string;
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}
