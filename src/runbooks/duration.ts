import { z } from "zod";

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

/** How a duration reads back to people: `1h 30m`, `45s`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const parts: string[] = [];
  const units: [number, string][] = [[86400, "d"], [3600, "h"], [60, "m"], [1, "s"]];
  let rest = total;
  for (const [size, unit] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.length > 0 ? parts.join(" ") : "0s";
}
