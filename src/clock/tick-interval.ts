import { formatDuration, parseDuration } from "../time/duration.js";

/** The clock's interval when `FIREWATCH_TICK_INTERVAL` is unset: one minute. */
export const DEFAULT_TICK_INTERVAL_MS = 60_000;
/** Shorter would spend the search API's 30 requests a minute on nothing. */
export const MIN_TICK_INTERVAL_MS = 10_000;
/** Longer would let a step timeout or an update reminder be an hour late. */
export const MAX_TICK_INTERVAL_MS = 3_600_000;

/**
 * Reads `FIREWATCH_TICK_INTERVAL`: how often the server's built-in clock ticks open incidents
 * — a duration (`30s`, `1m`, `5m`), a number of seconds (`60`), or `off` for no clock (the
 * tick workflow then does the job). Unset → one minute. Anything else throws an Error naming
 * the variable, so a typo stops the app at start instead of leaving timeouts unnoticed.
 * Returns the interval in milliseconds, or undefined for `off`.
 */
export function readTickInterval(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const raw = (env.FIREWATCH_TICK_INTERVAL ?? "").trim();
  if (raw === "") return DEFAULT_TICK_INTERVAL_MS;
  if (raw.toLowerCase() === "off") return undefined;
  const ms = /^\d+$/.test(raw) ? Number(raw) * 1000 : parseDuration(raw);
  if (ms === undefined || ms < MIN_TICK_INTERVAL_MS || ms > MAX_TICK_INTERVAL_MS) {
    const range = `between ${formatDuration(MIN_TICK_INTERVAL_MS)} and ${formatDuration(MAX_TICK_INTERVAL_MS)}`;
    throw new Error(
      ms === undefined
        ? `FIREWATCH_TICK_INTERVAL: "${raw}" is not a duration such as 30s, 1m or 5m (or a number of seconds, or "off"); unset it for one minute.`
        : `FIREWATCH_TICK_INTERVAL: "${raw}" must be ${range} (or "off" for no clock); unset it for one minute.`,
    );
  }
  return ms;
}
