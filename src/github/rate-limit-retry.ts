import { statusOf, type GitHubClient } from "./client.js";

export type Sleep = (ms: number) => Promise<void>;

const MAX_ATTEMPTS = 4;
const MAX_WAIT_MS = 120_000;

/**
 * Waits out GitHub's secondary rate limit (403 or 429 with `retry-after`, 80 content-creating
 * requests a minute) and tries again, so a burst of writes is delayed, never dropped.
 * Nothing else does: Probot 14's throttling only logs a secondary limit and hands the error
 * back, and its retry plugin never retries a 403. Every write reaches it through
 * `retryRateLimitedWrites` below.
 */
export async function withRateLimitRetry<T>(write: () => Promise<T>, sleep: Sleep): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const wait = rateLimitWait(error);
      if (wait === undefined || attempt >= MAX_ATTEMPTS) throw error;
      await sleep(wait);
    }
  }
}

/** Clients already wrapped: each delivery's Octokit is wrapped once, however many scopes use it. */
const wrappedClientsCache = new WeakSet<GitHubClient>();

/**
 * Sends every write this client makes (anything but GET: the applier's effects, report pull
 * requests and their files, check runs, workflow dispatches) through `withRateLimitRetry`,
 * one request at a time, so a write added later cannot skip it. A request refused by a
 * secondary limit was not carried out, so sending it again cannot create anything twice.
 */
export function retryRateLimitedWrites(octokit: GitHubClient, sleep: Sleep): void {
  if (wrappedClientsCache.has(octokit)) return;
  wrappedClientsCache.add(octokit);
  octokit.hook.wrap("request", (request, options) =>
    (options.method ?? "GET").toUpperCase() === "GET"
      ? request(options)
      : withRateLimitRetry(() => Promise.resolve(request(options)), sleep),
  );
}

function rateLimitWait(error: unknown): number | undefined {
  const status = statusOf(error);
  if (status !== 403 && status !== 429) return undefined;
  const response = (
    error as { response?: { headers?: Record<string, string | undefined>; data?: unknown } }
  ).response;
  const retryAfter = Number(response?.headers?.["retry-after"]);
  const message = JSON.stringify(response?.data ?? "");
  if (!Number.isFinite(retryAfter) && !/secondary rate limit/i.test(message) && status !== 429)
    return undefined;
  const seconds = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 60;
  return Math.min(seconds * 1000, MAX_WAIT_MS);
}
