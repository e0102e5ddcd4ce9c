/**
 * "One writer per incident": every handler that changes an incident runs inside
 * `withLock(<incident key>, …)`, and a delivery is skipped once it was handled completely.
 * Two implementations share this contract: {@link MemoryCoordination} for one process and
 * {@link RedisCoordination} for replicas that share a Redis.
 */
export interface Coordination {
  /**
   * Runs `work` while holding the lock named `key` (e.g. "acme/ops#42",
   * "acme/ops:alert:<hash>"); one holder at a time across every replica sharing the store.
   * Released when work settles (also on error). Not re-entrant: `work` must not ask for the
   * same key again, and nested locks must always be taken in the same order.
   */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** True when this delivery id was recorded as handled. */
  isHandled(deliveryId: string): Promise<boolean>;
  /** Records a delivery id as handled (only after it was handled completely). */
  markHandled(deliveryId: string): Promise<void>;
  /**
   * True for the first caller to claim `key` (on any replica sharing the store) while the claim
   * lasts, `ttlSeconds`; false for everyone else. Never waits: for work that one replica must
   * do and the others skip, like a tick of the built-in clock.
   */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** "memory" or "redis", for logs and the README. */
  readonly kind: "memory" | "redis";
  /**
   * Small values every replica sees (conditional-request answers, config generations); only
   * with Redis. Best effort: a value that cannot be read or written is a cache miss.
   */
  readonly shared?: SharedValues;
  /**
   * The open incidents' severity and status as their cards were last written, by any
   * replica; only with Redis (firewatch_open_incidents then counts the same on every one).
   */
  readonly openIncidents?: OpenIncidentStates;
  /** Lets go of the store's connection (the memory kind has none). */
  close(): Promise<void>;
}

/** Strings by key, shared by the replicas, each kept for a while. */
export interface SharedValues {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
}

/** An open incident's severity and status, by incident key (`owner/repo#n`). */
export interface OpenIncidentStates {
  /** Records an incident's state; `undefined` removes it (it is closed). Best effort: never throws. */
  set(incident: string, state: { severity: string; status: string } | undefined): Promise<void>;
  /** Every open incident's state; undefined when the store cannot be read. */
  all(): Promise<Map<string, { severity: string; status: string }> | undefined>;
}
