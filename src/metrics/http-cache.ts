/** A response kept for a conditional request: its ETag and what was taken from it. */
export interface HttpCacheEntry {
  etag?: string;
  data: unknown;
}

/**
 * Where conditional requests keep responses between runs, by key (a URL). In memory for
 * the app (see {@link memoryHttpCache}), a JSON file for the CLI. Entries hold only the
 * fields the metrics need, not whole responses.
 */
export interface HttpCache {
  get(key: string): HttpCacheEntry | undefined | Promise<HttpCacheEntry | undefined>;
  set(key: string, entry: HttpCacheEntry): void | Promise<void>;
}

/** A cache held in a Map; the name says so because it is module-free state the caller owns. */
export function memoryHttpCache(entries = new Map<string, HttpCacheEntry>()): HttpCache & { entries: Map<string, HttpCacheEntry> } {
  return { entries, get: (key) => entries.get(key), set: (key, entry) => void entries.set(key, entry) };
}
