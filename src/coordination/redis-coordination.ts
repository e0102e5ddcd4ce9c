import type { Redis } from "ioredis";
import type { Coordination, OpenIncidentStates, SharedValues } from "./coordination.js";
import type { CoordinationLog } from "./coordination-log.js";
import type { CoordinationSettings } from "./coordination-settings.js";
import { KeyedQueue } from "./keyed-queue.js";
import { claimKey, DELIVERY_TTL_SECONDS, deliveryKey } from "./redis-keys.js";
import { RedisLocks } from "./redis-locks.js";
import { redisUnavailable } from "./redis-unavailable.js";

/**
 * Coordination shared by every replica that uses the same Redis (REDIS_URL): a redlock
 * lock per key with a renewed lease, and handled delivery ids kept for 7 days. Within one
 * process, callers for the same key also queue in arrival order first, so only one of them
 * at a time polls Redis and the process's own events keep their order.
 */
export class RedisCoordination implements Coordination {
  readonly kind = "redis";
  readonly #client: Redis;
  readonly #address: string;
  readonly #waitMs: number;
  readonly #queue = new KeyedQueue();
  readonly #locks: RedisLocks;

  /** `client` must be connected (see `connectRedis`); `address` is REDIS_URL, password masked. */
  constructor(
    client: Redis,
    settings: CoordinationSettings,
    address: string,
    log: CoordinationLog,
  ) {
    this.#client = client;
    this.#address = address;
    this.#waitMs = settings.waitMs;
    this.#locks = new RedisLocks(client, { leaseMs: settings.leaseMs, address, log });
  }

  readonly shared: SharedValues = {
    get: async (key) => {
      try {
        return (await this.#client.get(`firewatch:shared:${key}`)) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set: async (key, value, ttlSeconds) => {
      try {
        await this.#client.set(`firewatch:shared:${key}`, value, "EX", ttlSeconds);
      } catch {
        // A cache that cannot be written is only a miss for the next replica.
      }
    },
  };

  readonly openIncidents: OpenIncidentStates = {
    set: async (incident, state) => {
      try {
        if (state) await this.#client.hset(OPEN_INCIDENTS_KEY, incident, JSON.stringify(state));
        else await this.#client.hdel(OPEN_INCIDENTS_KEY, incident);
      } catch {
        // A gauge a little behind is better than a delivery failed for it.
      }
    },
    all: async () => {
      try {
        const entries = await this.#client.hgetall(OPEN_INCIDENTS_KEY);
        const states = new Map<string, { severity: string; status: string }>();
        for (const [incident, text] of Object.entries(entries)) {
          const state = parseState(text);
          if (state) states.set(incident, state);
        }
        return states;
      } catch {
        return undefined;
      }
    },
  };

  withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    // One deadline for both waits: the local queue and the other replicas.
    const deadline = Date.now() + this.#waitMs;
    return this.#queue.run(key, () => this.#locks.run(key, work, deadline), deadline);
  }

  async isHandled(deliveryId: string): Promise<boolean> {
    try {
      return (await this.#client.exists(deliveryKey(deliveryId))) === 1;
    } catch (error) {
      throw redisUnavailable(
        this.#address,
        `check whether delivery ${deliveryId} was handled`,
        error,
      );
    }
  }

  async markHandled(deliveryId: string): Promise<void> {
    try {
      await this.#client.set(deliveryKey(deliveryId), "1", "EX", DELIVERY_TTL_SECONDS);
    } catch (error) {
      throw redisUnavailable(this.#address, `record delivery ${deliveryId} as handled`, error);
    }
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    try {
      // SET NX: one atomic command, so two replicas can never both see the key absent.
      return (await this.#client.set(claimKey(key), "1", "EX", ttlSeconds, "NX")) === "OK";
    } catch (error) {
      throw redisUnavailable(this.#address, `claim "${key}"`, error);
    }
  }

  async close(): Promise<void> {
    try {
      await this.#client.quit();
    } catch {
      this.#client.disconnect(); // Redis is gone already: just stop reconnecting
    }
  }
}

/** The open incidents' states, one hash field per incident (firewatch_open_incidents). */
const OPEN_INCIDENTS_KEY = "firewatch:open-incidents";

function parseState(text: string): { severity: string; status: string } | undefined {
  try {
    const state = JSON.parse(text) as { severity?: unknown; status?: unknown };
    return typeof state.severity === "string" && typeof state.status === "string"
      ? { severity: state.severity, status: state.status }
      : undefined;
  } catch {
    return undefined;
  }
}
