import type { GitHubClient } from "../github/client.js";
import type { Telemetry } from "./telemetry.js";

/** Clients already counted: a client reused by several scopes is counted once per request. */
const countedClientsCache = new WeakSet<GitHubClient>();

/**
 * Counts every request this client sends to GitHub by method and the status GitHub answered,
 * and keeps `x-ratelimit-remaining` for `installation`. Must be the first hook the app adds to
 * a client: hooks added later wrap it, so it sees GitHub's own answer — a `304` before
 * `useConditionalRequests` turns it into the stored `200`, each attempt of a retried write.
 */
export function countGitHubRequests(
  octokit: GitHubClient,
  telemetry: Telemetry,
  installation: number | string,
): void {
  if (countedClientsCache.has(octokit)) return;
  countedClientsCache.add(octokit);
  const id = String(installation);
  octokit.hook.wrap("request", async (request, options) => {
    const method = (options.method ?? "GET").toUpperCase();
    try {
      const response = await request(options);
      observe(telemetry, id, method, response.status, response.headers);
      return response;
    } catch (error) {
      const { status, response } = error as {
        status?: unknown;
        response?: { headers?: Record<string, unknown> };
      };
      // No status: GitHub never answered (a network error), which is no answer to count.
      if (typeof status === "number") observe(telemetry, id, method, status, response?.headers);
      throw error;
    }
  });
}

function observe(
  telemetry: Telemetry,
  installation: string,
  method: string,
  status: number,
  headers: Record<string, unknown> | undefined,
): void {
  telemetry.githubRequest(method, status);
  const remaining = Number(headers?.["x-ratelimit-remaining"]);
  if (headers?.["x-ratelimit-remaining"] !== undefined && Number.isFinite(remaining))
    telemetry.rateLimitRemaining(installation, remaining);
}
