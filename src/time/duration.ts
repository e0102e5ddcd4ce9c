import { z } from "zod";

/**
 * Durations, one way everywhere: parsed from what runbook authors write (`15m`, `1h30m`),
 * measured between two instants, and formatted the way responders say them.
 */

const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Milliseconds in a duration such as `90s`, `15m`, `1h30m` or `2d`; undefined if malformed. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === "") return undefined;
  const [d, h, m, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number];
  return (((d * 24 + h) * 60 + m) * 60 + s) * 1000;
}

/** A duration written as `30s`, `15m`, `1h30m` or `2d` (days, hours, minutes, seconds). */
export const durationSchema = z
  .string()
  .regex(DURATION, "must be a duration such as 30s, 15m, 1h30m or 2d")
  .refine((text) => (parseDuration(text) ?? 0) > 0, "must be a duration longer than zero");

const UNITS: ReadonlyArray<readonly [string, number]> = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1_000],
];

/**
 * A duration the way responders say it: the two largest units, rounded down —
 * `1h 23m`, `12m 5s`, `2d 3h`, `45s`; `< 1s` under a second; `0s` for zero.
 * Anything that is not a finite, non-negative number of milliseconds reads `—`.
 */
export function formatDuration(ms: unknown): string {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms === 0) return "0s";
  if (ms < 1_000) return "< 1s";
  const parts: string[] = [];
  let rest = Math.floor(ms);
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length > 0) parts.push(`${count}${unit}`);
    if (parts.length === 2) break;
  }
  return parts.filter((part, i) => i === 0 || !part.startsWith("0")).join(" ");
}

/** Milliseconds from `from` to `to` (ISO 8601 strings or epoch ms); `undefined` if either is missing or invalid. */
export function elapsedMs(from: unknown, to: unknown): number | undefined {
  const start = toEpochMs(from);
  const end = toEpochMs(to);
  return start === undefined || end === undefined ? undefined : end - start;
}

export function toEpochMs(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
