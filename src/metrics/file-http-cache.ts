import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { memoryHttpCache, type HttpCache, type HttpCacheEntry } from "./http-cache.js";

const VERSION = 1;

/** `$XDG_CACHE_HOME/firewatch` (or `~/.cache/firewatch`; `%LOCALAPPDATA%\firewatch` on Windows). */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "firewatch");
  if (process.platform === "win32" && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, "firewatch");
  if (process.platform === "darwin") return join(homedir(), "Library", "Caches", "firewatch");
  return join(homedir(), ".cache", "firewatch");
}

/** One cache file per API and repository, so two repositories never share entries. */
export function cacheFileFor(dir: string, apiUrl: string, repo: string): string {
  const id = createHash("sha256").update(`${apiUrl}\n${repo}`).digest("hex").slice(0, 16);
  return join(dir, `metrics-${repo.replace(/[^A-Za-z0-9._-]+/g, "_")}-${id}.json`);
}

/**
 * A cache read from a JSON file at start and written back by `save()`. A missing, corrupt
 * or older-version file is an empty cache: the run costs more requests, nothing breaks.
 */
export async function fileHttpCache(path: string): Promise<HttpCache & { save(): Promise<void>; size: number }> {
  let entries = new Map<string, HttpCacheEntry>();
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as { version?: number; entries?: Record<string, HttpCacheEntry> };
    if (parsed.version === VERSION && parsed.entries && typeof parsed.entries === "object") entries = new Map(Object.entries(parsed.entries));
  } catch {
    // No usable cache yet.
  }
  const cache = memoryHttpCache(entries);
  return {
    ...cache,
    size: entries.size,
    async save() {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify({ version: VERSION, entries: Object.fromEntries(entries) }), { mode: 0o600 });
      await rename(temp, path);
    },
  };
}
