import { setTimeout as sleep } from "node:timers/promises";
import { ExecutionError, Redlock, ResourceLockedError, type Lock } from "@sesamecare-oss/redlock";
import type { Redis } from "ioredis";
import { CoordinationUnavailable } from "./coordination-unavailable.js";
import type { CoordinationLog } from "./coordination-log.js";
import { lockKey } from "./redis-keys.js";
import { redisUnavailable } from "./redis-unavailable.js";

/** Pause between two tries at a busy lock, give or take the jitter (redlock's own defaults). */
const RETRY_DELAY_MS = 200;
const RETRY_JITTER_MS = 100;

/** What {@link RedisLocks} needs besides the client. */
export interface RedisLocksOptions {
  leaseMs: number;
  log: CoordinationLog;
  /** REDIS_URL with the password masked, for messages. */
  address: string;
}

/**
 * Locks shared by every replica using one Redis, through redlock's acquire / extend /
 * release. Redlock's own `using()` is not used: it retries a failed command exactly like a
 * busy lock (so a lost Redis would hang callers for the whole wait) and re-tries a failed
 * renewal in a tight loop. Here a busy lock is polled until the caller's deadline, a Redis
 * that does not answer fails at once, and the lease is renewed every third of it.
 */
export class RedisLocks {
  readonly #redlock: Redlock;
  readonly #options: RedisLocksOptions;

  constructor(client: Redis, options: RedisLocksOptions) {
    this.#options = options;
    // One try per call: the waiting loop is ours. `db` keeps the lock in REDIS_URL's database
    // (redlock's scripts SELECT it).
    this.#redlock = new Redlock([client], { retryCount: 0, db: client.options.db ?? 0 });
  }

  /**
   * Runs `work` holding the lock `key`, waiting for it until `deadline` (epoch ms). Rejects
   * with {@link CoordinationUnavailable} when Redis does not answer, when the lock stays busy
   * past the deadline (before `work` runs), or when the lease could not be renewed while
   * `work` ran and so may have passed to another replica (after `work` settled; its own error
   * wins if it threw).
   */
  async run<T>(key: string, work: () => Promise<T>, deadline: number): Promise<T> {
    const { leaseMs, log } = this.#options;
    let lock = await this.#acquire(key, deadline);
    let lost: unknown;
    let renewing: Promise<void> | undefined;

    const renew = async () => {
      try {
        lock = await lock.extend(leaseMs);
      } catch (error) {
        // A hiccup with time left on the lease: the next beat tries again. Anything else —
        // the lease ran out, or the key now holds someone else's value — means the lock is gone.
        if (lock.expiration > Date.now() && !(await isBusy(error))) {
          log.warn(`could not renew the lock "${key}" (${await reasonOf(error)}); trying again`);
          return;
        }
        lost = error;
        log.error(
          `lost the lock "${key}" while working (${await reasonOf(error)}): another replica may write to the same incident`,
        );
      }
    };
    const beat = setInterval(
      () => {
        if (renewing || lost !== undefined) return;
        renewing = renew().finally(() => (renewing = undefined));
      },
      Math.floor(leaseMs / 3),
    );

    let result: T;
    try {
      result = await work();
    } finally {
      clearInterval(beat);
      await renewing;
      if (lost === undefined) await this.#release(lock, key);
    }
    if (lost !== undefined) {
      throw new CoordinationUnavailable(
        `the lock "${key}" could not be renewed while the work ran (${await reasonOf(lost)}), so another replica may have written at the same time. ` +
          "Redeliver the webhook from the app's settings to make sure the incident is complete.",
        { cause: lost },
      );
    }
    return result;
  }

  async #acquire(key: string, deadline: number): Promise<Lock> {
    const { leaseMs, address } = this.#options;
    for (;;) {
      try {
        return await this.#redlock.acquire([lockKey(key)], leaseMs);
      } catch (error) {
        if (!(await isBusy(error))) {
          throw redisUnavailable(address, `take the lock "${key}"`, await underlying(error));
        }
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new CoordinationUnavailable(
          `gave up waiting for the lock "${key}": another replica still holds it. Redeliver the webhook from the app's settings once that replica is done or gone.`,
        );
      }
      const jitter = Math.round((Math.random() * 2 - 1) * RETRY_JITTER_MS);
      await sleep(Math.min(left, RETRY_DELAY_MS + jitter));
    }
  }

  async #release(lock: Lock, key: string): Promise<void> {
    try {
      await lock.release();
    } catch (error) {
      // The work is done; a lock that cannot be deleted runs out by itself.
      this.#options.log.warn(
        `could not release the lock "${key}" (${await reasonOf(error)}); it expires within ${this.#options.leaseMs} ms`,
      );
    }
  }
}

/** True when redlock failed only because the lock is held (by someone else), not because Redis failed. */
async function isBusy(error: unknown): Promise<boolean> {
  const reasons = await votesAgainst(error);
  return reasons.length > 0 && reasons.every((reason) => reason instanceof ResourceLockedError);
}

/** The first real reason behind a redlock failure (redlock keeps each client's error in its stats). */
async function underlying(error: unknown): Promise<unknown> {
  const reasons = await votesAgainst(error);
  return reasons.find((reason) => !(reason instanceof ResourceLockedError)) ?? reasons[0] ?? error;
}

/** {@link underlying}'s message, for logs. */
async function reasonOf(error: unknown): Promise<string> {
  const reason = await underlying(error);
  return reason instanceof Error ? reason.message : String(reason);
}

async function votesAgainst(error: unknown): Promise<Error[]> {
  if (!(error instanceof ExecutionError)) return [];
  const stats = await Promise.all(error.attempts);
  return stats.flatMap((attempt) => [...attempt.votesAgainst.values()]);
}
