import { Redis } from "ioredis";
import type { CoordinationLog } from "./coordination-log.js";

/** How long start-up waits for Redis to answer PING before giving up. */
export const REDIS_START_TIMEOUT_MS = 5_000;
/** A command that gets no answer within this fails (a hung Redis must not hang a webhook). */
const COMMAND_TIMEOUT_MS = 5_000;

/**
 * Connects to REDIS_URL and checks it answers PING, or rejects with an Error that names
 * REDIS_URL, the address (password masked) and what to do — never retrying forever.
 *
 * Once connected, the client fails fast instead of queueing: with the offline queue off, a
 * command sent while Redis is away rejects at once (and a hung one after
 * {@link COMMAND_TIMEOUT_MS}), which the callers turn into 503s. In the background it
 * keeps reconnecting, every 2 s at most, so the replica recovers by itself when Redis is back.
 */
export async function connectRedis(
  url: string,
  address: string,
  log: CoordinationLog,
): Promise<Redis> {
  const client = new Redis(url, {
    lazyConnect: true, // connect below, where a failure can be reported and stopped
    connectTimeout: REDIS_START_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
  });

  // ioredis reports why a connection failed only as an "error" event (the promise of
  // connect() just says "Connection is closed"), and prints unheard "error" events itself.
  let started = false;
  let lastError: Error | undefined;
  let outage = false;
  client.on("error", (error: Error) => {
    lastError = error;
    if (!started || outage) return;
    outage = true;
    log.error(
      `Redis (REDIS_URL ${address}) is unreachable: ${error.message}. Locks and delivery checks fail with 503 until it is back; reconnecting.`,
    );
  });
  client.on("ready", () => {
    if (!outage) return;
    outage = false;
    log.info(`Redis (REDIS_URL ${address}) is reachable again`);
  });

  try {
    await withTimeout(
      (async () => {
        await client.connect();
        await client.ping();
      })(),
      REDIS_START_TIMEOUT_MS,
    );
  } catch (error) {
    client.disconnect(); // stops the reconnecting
    const reason = lastError?.message ?? (error instanceof Error ? error.message : String(error));
    throw new Error(
      `REDIS_URL is set to ${address}, but connecting to Redis there failed (${reason}). ` +
        "Start Redis at that address or correct REDIS_URL (host, port, password); or unset REDIS_URL to run a single replica with in-memory coordination.",
      { cause: error },
    );
  }
  started = true;
  return client;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
