import type { HttpCache } from "./http-cache.js";
import type { RequestStats } from "./request-stats.js";

/**
 * The part of an Octokit the metrics use. Both Probot's `context.octokit` and
 * `@octokit/rest`'s `Octokit` fit; a `304 Not Modified` arrives as an error with `status`.
 */
export interface RequestClient {
  request(route: string, options?: Record<string, unknown>): Promise<{ status: number; headers: Record<string, unknown>; data: unknown }>;
}

interface CachedPage<T> {
  items: T[];
  next?: string;
}

/**
 * Every page of a GitHub list, each fetched conditionally: with a cached ETag, an unchanged
 * page costs a 304, which does not count against the rate limit. `pick` keeps only what
 * is needed from each item, so the cache stays small. The next page's URL is cached with
 * the page, because a 304 carries no Link header.
 */
export async function conditionalGetAll<T>(
  client: RequestClient,
  firstUrl: string,
  pick: (item: unknown) => T | undefined,
  cache: HttpCache | undefined,
  stats: RequestStats,
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  for (let url: string | undefined = firstUrl; url && !seen.has(url); ) {
    seen.add(url);
    const page: CachedPage<T> = await getPage(client, url, pick, cache, stats);
    all.push(...page.items);
    url = page.next;
  }
  return all;
}

async function getPage<T>(client: RequestClient, url: string, pick: (item: unknown) => T | undefined, cache: HttpCache | undefined, stats: RequestStats): Promise<CachedPage<T>> {
  const cached = await cache?.get(url);
  stats.requests++;
  try {
    const headers = cached?.etag ? { "if-none-match": cached.etag } : {};
    const response = await client.request(`GET ${url}`, { headers });
    const body = Array.isArray(response.data) ? response.data : [];
    const page: CachedPage<T> = { items: body.map(pick).filter((x): x is T => x !== undefined), next: nextLink(response.headers.link) };
    const etag = response.headers.etag;
    if (cache && typeof etag === "string") await cache.set(url, { etag, data: page });
    return page;
  } catch (error) {
    if (cached && (error as { status?: unknown }).status === 304) {
      stats.notModified++;
      return cached.data as CachedPage<T>;
    }
    throw error;
  }
}

/**
 * One JSON document fetched conditionally; `undefined` when GitHub answers 404 (a missing
 * file, say). `pick` keeps what is needed; that is what the cache holds.
 */
export async function conditionalGet<T>(
  client: RequestClient,
  url: string,
  pick: (data: unknown) => T,
  cache: HttpCache | undefined,
  stats: RequestStats,
): Promise<T | undefined> {
  const cached = await cache?.get(url);
  stats.requests++;
  try {
    const response = await client.request(`GET ${url}`, { headers: cached?.etag ? { "if-none-match": cached.etag } : {} });
    const value = pick(response.data);
    const etag = response.headers.etag;
    if (cache && typeof etag === "string") await cache.set(url, { etag, data: value });
    return value;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (cached && status === 304) {
      stats.notModified++;
      return cached.data as T;
    }
    if (status === 404) return undefined;
    throw error;
  }
}

function nextLink(link: unknown): string | undefined {
  if (typeof link !== "string") return undefined;
  return /<([^>]+)>;\s*rel="next"/.exec(link)?.[1];
}
