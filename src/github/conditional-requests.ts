import { LRUCache } from "lru-cache";
import type { GitHubClient } from "./client.js";
import { statusOf } from "./client.js";

/** A GET answer kept for its ETag: what the next identical GET gets back on a 304. */
interface StoredAnswer {
  etag: string;
  status: number;
  url: string;
  headers: Record<string, unknown>;
  data: unknown;
  size: number;
}

/** Answers larger than this are not kept (a big file listing, a long comment page). */
const MAX_ENTRY_BYTES = 1024 * 1024;

/**
 * GET answers by installation and URL, kept across deliveries (one per app instance), least
 * recently used dropped past `maxBytes`. Only answers that carry an ETag are kept, and every
 * use is revalidated with GitHub (`If-None-Match`), so nothing served from here is stale: an
 * unchanged resource costs a 304, which GitHub does not count against the rate limit.
 */
export type AnswerCache = LRUCache<string, StoredAnswer>;

export function createAnswerCache(maxBytes = 64 * 1024 * 1024): AnswerCache {
  return new LRUCache<string, StoredAnswer>({
    maxSize: maxBytes,
    sizeCalculation: (answer) => answer.size,
  });
}

/**
 * Makes every GET of this client conditional. `installation` keeps one installation's
 * answers from another's (they may see different repositories).
 */
export function useConditionalRequests(
  octokit: GitHubClient,
  answersByUrlCache: AnswerCache,
  installation: number | string,
): void {
  octokit.hook.wrap("request", async (request, options) => {
    if ((options.method ?? "GET").toUpperCase() !== "GET") return request(options);
    const { url, headers } = octokit.request.endpoint.parse(options);
    const key = `${installation} ${url} ${String(headers.accept ?? "")}`;
    const stored = answersByUrlCache.get(key);
    const conditional = stored
      ? { ...options, headers: { ...options.headers, "if-none-match": stored.etag } }
      : options;
    try {
      const response = await request(conditional);
      remember(answersByUrlCache, key, response);
      return response;
    } catch (error) {
      if (stored && statusOf(error) === 304) {
        // A copy: callers own what they are given, and the next delivery must get the original.
        const answer = { ...stored, headers: { ...stored.headers }, data: structuredClone(stored.data) };
        return answer as unknown as Awaited<ReturnType<typeof request>>;
      }
      throw error;
    }
  });
}

function remember(
  answersByUrlCache: AnswerCache,
  key: string,
  response: { status: number; url: string; headers: Record<string, unknown>; data: unknown },
): void {
  const etag = response.headers.etag;
  if (typeof etag !== "string" || response.status !== 200) return;
  const size = JSON.stringify(response.data ?? null).length + 512;
  if (size > MAX_ENTRY_BYTES) {
    answersByUrlCache.delete(key);
    return;
  }
  answersByUrlCache.set(key, {
    etag,
    status: response.status,
    url: response.url,
    headers: { ...response.headers },
    data: structuredClone(response.data),
    size,
  });
}
