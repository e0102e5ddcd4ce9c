import type { GitHubClient } from "./client.js";

/**
 * Within one webhook delivery the handlers read the same issue, events and comments more
 * than once (before deciding, after applying, again for runbooks). Each GET is made once and
 * its answer reused until the app writes anything, which forgets them all, so nothing read
 * after a write is stale. Probot gives every event its own Octokit, so this never outlives
 * the delivery it serves.
 */
export function cacheReadsUntilWrite(octokit: GitHubClient): void {
  const deliveryReadsCache = new Map<string, Promise<unknown>>();
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
