/** Where the preflight puts REDIS_URL for Firewatch once it has taken it away from Probot. */
export const COORDINATION_REDIS_URL = "FIREWATCH_COORDINATION_REDIS_URL";

/** The Redis Firewatch coordinates through: REDIS_URL, or where the preflight handed it over. */
export function redisUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const url = (env[COORDINATION_REDIS_URL] ?? env.REDIS_URL)?.trim();
  return url ? url : undefined;
}

/**
 * Keeps REDIS_URL for Firewatch and away from Probot's request throttle. Probot would keep
 * plugin-throttling's Bottleneck limiters in that Redis, and Bottleneck 2.19.5 cannot recover
 * when Redis 7 has lost their keys (after a restart, or after two idle minutes: it waits for
 * the error "SETTINGS_KEY_NOT_FOUND", Redis 7 answers "ERR SETTINGS_KEY_NOT_FOUND";
 * SGrondin/bottleneck#205): every request of the replica then fails for up to a minute, and
 * webhooks are answered 500. So each replica throttles on its own, and Firewatch waits out
 * secondary rate limits itself. REDIS_URL is left set but empty, so Probot's reading of
 * `.env` does not bring it back.
 */
export function withholdRedisFromProbot(env: NodeJS.ProcessEnv, fromFile: NodeJS.ProcessEnv = {}): void {
  const url = (env.REDIS_URL ?? fromFile.REDIS_URL)?.trim();
  if (!url) return;
  env[COORDINATION_REDIS_URL] ??= url;
  env.REDIS_URL = "";
}
