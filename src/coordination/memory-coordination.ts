import { BoundedIdSet } from "./bounded-id-set.js";
import type { Coordination } from "./coordination.js";
import type { CoordinationSettings } from "./coordination-settings.js";
import { KeyedQueue } from "./keyed-queue.js";

/** How many handled delivery ids one process remembers (a few days of a busy installation). */
export const HANDLED_DELIVERIES_REMEMBERED = 10_000;

/**
 * Coordination inside one process, used when no REDIS_URL is set: correct for a single
 * replica, and only for one. Locks are an in-process queue per key; handled deliveries are
 * remembered until the process restarts or {@link HANDLED_DELIVERIES_REMEMBERED} newer ones
 * push them out (every handler is idempotent, so forgetting one costs only repeated reads).
 */
export class MemoryCoordination implements Coordination {
  readonly kind = "memory";
  readonly #queue = new KeyedQueue();
  readonly #handled: BoundedIdSet;
  readonly #waitMs: number;
  /** Claimed key → when the claim ends (epoch ms); pruned as claims are made. */
  readonly #claimsUntil = new Map<string, number>();

  constructor(
    settings: Pick<CoordinationSettings, "waitMs">,
    handledCapacity = HANDLED_DELIVERIES_REMEMBERED,
  ) {
    this.#waitMs = settings.waitMs;
    this.#handled = new BoundedIdSet(handledCapacity);
  }

  /** How many keys have work queued or running (0 when idle), for tests. */
  get busyKeys(): number {
    return this.#queue.size;
  }

  withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.#queue.run(key, work, Date.now() + this.#waitMs);
  }

  async isHandled(deliveryId: string): Promise<boolean> {
    return this.#handled.has(deliveryId);
  }

  async markHandled(deliveryId: string): Promise<void> {
    this.#handled.add(deliveryId);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const now = Date.now();
    for (const [claimed, until] of this.#claimsUntil) if (until <= now) this.#claimsUntil.delete(claimed);
    if (this.#claimsUntil.has(key)) return false;
    this.#claimsUntil.set(key, now + ttlSeconds * 1000);
    return true;
  }

  async close(): Promise<void> {}
}
