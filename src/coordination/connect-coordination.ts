import { connectRedis } from "./connect-redis.js";
import type { Coordination } from "./coordination.js";
import { silentLog, type CoordinationLog } from "./coordination-log.js";
import { readCoordinationSettings } from "./coordination-settings.js";
import { describeRedisUrl, NOT_A_REDIS_URL } from "./describe-redis-url.js";
import { redisUrlOf } from "./redis-url.js";
import { MemoryCoordination } from "./memory-coordination.js";
import { RedisCoordination } from "./redis-coordination.js";

/**
 * The coordination this process uses, chosen by the environment: Redis when `REDIS_URL` is
 * set (checked with a PING, so an unreachable Redis stops the app at start with an Error
 * naming REDIS_URL, the masked address and what to do), else in memory (one replica only).
 * `FIREWATCH_LOCK_LEASE_MS` and `FIREWATCH_LOCK_WAIT_MS` tune the locks; a bad value rejects.
 */
export async function connectCoordination(
  env: NodeJS.ProcessEnv,
  log: CoordinationLog = silentLog,
): Promise<Coordination> {
  const settings = readCoordinationSettings(env);
  const url = redisUrlOf(env);
  if (!url) {
    log.info(
      "coordination in memory: one writer per incident within this process only; set REDIS_URL before running more than one replica",
    );
    return new MemoryCoordination(settings);
  }
  const address = describeRedisUrl(url);
  if (address === NOT_A_REDIS_URL) {
    throw new Error(
      "REDIS_URL must be a redis:// or rediss:// URL with a host, such as redis://localhost:6379; the value set is not one " +
        "(it is not shown: it may hold a password). Correct it, or unset REDIS_URL to run a single replica with in-memory coordination.",
    );
  }
  const client = await connectRedis(url, address, log);
  log.info(`coordination through Redis at ${address} (lock lease ${settings.leaseMs} ms)`);
  return new RedisCoordination(client, settings, address, log);
}
