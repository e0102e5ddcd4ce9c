import { LRUCache } from "lru-cache";
import type { Context } from "probot";
import type { LoadedConfig } from "../config/load-config.js";
import type { SharedValues } from "../coordination/coordination.js";
import { loadConfig } from "./load-config.js";

/** How long a repository's config is used before it is read again (that read is a 304 when unchanged). */
export const CONFIG_REVALIDATE_MS = 5 * 60_000;

interface CachedConfig {
  loaded: LoadedConfig;
  readAt: number;
  /** The repository's config generation in the shared store when it was read (replicas). */
  generation?: string;
}

/**
 * Each repository's validated config, so an event that cannot concern Firewatch is dropped
 * without a request. A push that touches the config, runbooks, fault trees or templates
 * forgets it at once ({@link forgetConfig}); a config reached through `_extends` or the
 * organisation's `.github` repository sends no push here, so every entry is also read again
 * after {@link CONFIG_REVALIDATE_MS}.
 */
export interface ConfigCache {
  /**
   * The repository's config, from the cache while it is fresh, else read (and validated)
   * again; `beforeRead` runs first when it must be read.
   */
  get(context: Context, now: Date, beforeRead?: () => void): Promise<LoadedConfig>;
  /** Drops a repository's cached config (a push changed what it reads), on every replica. */
  forget(installation: number | undefined, fullName: string): Promise<void>;
}

/**
 * With `shared` (Redis), a push received by one replica makes the others read the config
 * again too: it bumps the repository's generation, which every replica compares with its own.
 */
export function createConfigCache(
  shared?: SharedValues,
  revalidateMs = CONFIG_REVALIDATE_MS,
): ConfigCache {
  const configPerRepositoryCache = new LRUCache<string, CachedConfig>({ max: 5_000 });
  return {
    async get(context, now, beforeRead) {
      const payload = context.payload as {
        installation?: { id: number };
        repository?: { full_name: string };
      };
      const fullName = payload.repository?.full_name;
      if (!fullName) {
        beforeRead?.();
        return loadConfig(context);
      }
      const key = keyOf(payload.installation?.id, fullName);
      const cached = configPerRepositoryCache.get(key);
      const generation = await shared?.get(`config-generation:${key}`);
      if (
        cached &&
        cached.generation === generation &&
        now.getTime() - cached.readAt < revalidateMs
      )
        return cached.loaded;
      beforeRead?.();
      const loaded = await loadConfig(context);
      // A file that could not be read is tried again on the next event, not kept for minutes.
      if (!loaded.problems.some((p) => p.field === "(file)" && p.message.startsWith("could not be read")))
        configPerRepositoryCache.set(key, { loaded, readAt: now.getTime(), generation });
      return loaded;
    },
    async forget(installation, fullName) {
      const key = keyOf(installation, fullName);
      configPerRepositoryCache.delete(key);
      await shared?.set(`config-generation:${key}`, String(Date.now()), 7 * 24 * 60 * 60);
    },
  };
}

const keyOf = (installation: number | undefined, fullName: string) =>
  `${installation ?? "-"} ${fullName.toLowerCase()}`;

