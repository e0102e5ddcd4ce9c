import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { SharedValues } from "../coordination/coordination.js";
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
/** Answers shared with the other replicas (through Redis) are smaller, and kept a day. */
const MAX_SHARED_BYTES = 256 * 1024;
const SHARED_TTL_SECONDS = 24 * 60 * 60;

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
 * answers from another's (they may see different repositories). With `shared` (Redis), an
 * answer one replica read is revalidated for free by the others too.
 */
export function useConditionalRequests(
  octokit: GitHubClient,
  answersByUrlCache: AnswerCache,
  installation: number | string,
  shared?: SharedValues,
): void {
  octokit.hook.wrap("request", async (request, options) => {
    if ((options.method ?? "GET").toUpperCase() !== "GET") return request(options);
    const { url, headers } = octokit.request.endpoint.parse(options);
    const key = `${installation} ${url} ${String(headers.accept ?? "")}`;
    const sharedKey = `answer:${createHash("sha256").update(key).digest("hex")}`;
    const stored = answersByUrlCache.get(key) ?? (shared ? parse(await shared.get(sharedKey)) : undefined);
    // The hook chain binds the options object: the header is set on it, not on a copy.
    if (stored) options.headers = { ...options.headers, "if-none-match": stored.etag };
    try {
      const response = await request(options);
      const kept = remember(answersByUrlCache, key, response);
      if (kept && shared && kept.size <= MAX_SHARED_BYTES)
        await shared.set(sharedKey, JSON.stringify(kept), SHARED_TTL_SECONDS);
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
): StoredAnswer | undefined {
  const etag = response.headers.etag;
  if (typeof etag !== "string" || response.status !== 200) return undefined;
  const size = JSON.stringify(response.data ?? null).length + 512;
  if (size > MAX_ENTRY_BYTES) {
    answersByUrlCache.delete(key);
    return undefined;
  }
  const answer: StoredAnswer = {
    etag,
    status: response.status,
    url: response.url,
    headers: { ...response.headers },
    data: structuredClone(response.data),
    size,
  };
  answersByUrlCache.set(key, answer);
  return answer;
}

function parse(text: string | undefined): StoredAnswer | undefined {
  if (!text) return undefined;
  try {
    const answer = JSON.parse(text) as StoredAnswer;
    return typeof answer.etag === "string" ? answer : undefined;
  } catch {
    return undefined;
  }
}
