const UNITS: ReadonlyArray<readonly [string, number]> = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1_000],
];

/**
 * A duration the way responders say it: the two largest units, rounded down —
 * `1h 23m`, `12m 5s`, `2d 3h`, `45s`; `< 1s` under a second; `0s` for zero.
 * Returns `undefined` for anything that is not a finite, non-negative number of milliseconds.
 */
export function formatDuration(ms: unknown): string | undefined {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) return undefined;
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
