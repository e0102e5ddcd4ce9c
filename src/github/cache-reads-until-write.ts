import type { GitHubClient } from "./client.js";

/** Each client's kept reads, so a lock taken later in a delivery can forget them. */
const readsPerClientCache = new WeakMap<GitHubClient, Map<string, Promise<unknown>>[]>();

/**
 * Forgets every read kept for this client: what was read before taking another writer's
 * lock (`EventScope.lockIncident`) may have changed by the time the lock is held.
 */
export function forgetKeptReads(octokit: GitHubClient): void {
  for (const kept of readsPerClientCache.get(octokit) ?? []) kept.clear();
}

/**
 * Within one webhook delivery the handlers read the same issue, events and comments more
 * than once (before deciding, after applying, again for runbooks). Each GET is made once and
 * its answer reused until the app writes anything, which forgets them all, so nothing read
 * after a write is stale. Probot gives every event its own Octokit, so this never outlives
 * the delivery it serves.
 */
export function cacheReadsUntilWrite(octokit: GitHubClient): void {
  const deliveryReadsCache = new Map<string, Promise<unknown>>();
  readsPerClientCache.set(octokit, [...(readsPerClientCache.get(octokit) ?? []), deliveryReadsCache]);
  octokit.hook.wrap("request", async (request, options) => {
    if ((options.method ?? "GET").toUpperCase() !== "GET") {
      deliveryReadsCache.clear();
      try {
        return await request(options);
      } finally {
        deliveryReadsCache.clear();
      }
    }
    const { url, headers } = octokit.request.endpoint.parse(options);
    const key = `${url} ${String(headers.accept ?? "")}`;
    const cached = deliveryReadsCache.get(key) as ReturnType<typeof request> | undefined;
    if (cached) return cached;
    const response = Promise.resolve(request(options));
    deliveryReadsCache.set(key, response);
    response.catch(() => deliveryReadsCache.delete(key));
    return response;
  });
}
