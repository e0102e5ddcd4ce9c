/** How long locks last and how long a caller waits for one; read from the environment. */
export interface CoordinationSettings {
  /**
   * A Redis lock's lease: renewed every third of it while the work runs, so it only runs out
   * when its holder died (then the next replica gets in after at most this long).
   */
  leaseMs: number;
  /**
   * How long `withLock` waits for a busy lock before giving up with a 503. Long on purpose:
   * an incident's events must not be dropped, and Probot keeps running a handler after it
   * answered GitHub (202 after 9 s), so waiting costs nothing but time.
   */
  waitMs: number;
}

/** `FIREWATCH_LOCK_LEASE_MS` when unset: long enough for a slow GitHub round trip or two. */
export const DEFAULT_LOCK_LEASE_MS = 30_000;
/** `FIREWATCH_LOCK_WAIT_MS` when unset: 10 minutes. */
export const DEFAULT_LOCK_WAIT_MS = 600_000;
/** Below this a lease cannot be renewed in time (a renewal every third of it). */
const MIN_LEASE_MS = 300;

/**
 * Reads `FIREWATCH_LOCK_LEASE_MS` and `FIREWATCH_LOCK_WAIT_MS` (whole milliseconds). A
 * value that is not a whole number in range throws an Error naming the variable, so a typo
 * stops the app at start instead of silently using the default.
 */
export function readCoordinationSettings(env: NodeJS.ProcessEnv): CoordinationSettings {
  return {
    leaseMs: readMilliseconds(env, "FIREWATCH_LOCK_LEASE_MS", DEFAULT_LOCK_LEASE_MS, MIN_LEASE_MS),
    waitMs: readMilliseconds(env, "FIREWATCH_LOCK_WAIT_MS", DEFAULT_LOCK_WAIT_MS, 0),
  };
}

function readMilliseconds(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    throw new Error(
      `${name} must be a whole number of milliseconds of at least ${min} (got "${raw}"); unset it to use ${fallback}.`,
    );
  }
  return value;
}
