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

/**
 * A cache held in a Map, least recently used entries dropped beyond `maxEntries` (a
 * repository with 1,000 incidents needs about 2,000). The caller owns it: the app keeps one
 * per process, so `/metrics` on a busy repository costs little after the first time.
 */
export function memoryHttpCache(
  entries = new Map<string, HttpCacheEntry>(),
  maxEntries = Number.POSITIVE_INFINITY,
): HttpCache & { entries: Map<string, HttpCacheEntry> } {
  return {
    entries,
    get(key) {
      const entry = entries.get(key);
      if (entry && Number.isFinite(maxEntries)) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    set(key, entry) {
      entries.delete(key);
      entries.set(key, entry);
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
  };
}
