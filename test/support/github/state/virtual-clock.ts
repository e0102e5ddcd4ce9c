/** A clock that only moves when a test moves it; every timestamp the stand-in writes comes from it. */
export interface VirtualClock {
  now(): Date;
  /** ISO 8601 without milliseconds, as GitHub writes timestamps. */
  iso(): string;
  /** Moves forward by milliseconds or a duration like "90s", "5m", "2h", "1d". */
  advance(by: number | string): Date;
  set(date: Date | string): Date;
}

export const DEFAULT_START = "2026-01-05T09:00:00Z";

export function createVirtualClock(start: Date | string = DEFAULT_START): VirtualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    iso: () => new Date(current).toISOString().replace(/\.\d{3}Z$/, "Z"),
    advance(by) {
      const ms = typeof by === "number" ? by : parseDuration(by);
      if (ms < 0) throw new Error(`clock.advance: cannot go back in time (${String(by)})`);
      current += ms;
      return new Date(current);
    },
    set(date) {
      current = new Date(date).getTime();
      if (Number.isNaN(current)) throw new Error(`clock.set: not a date: ${String(date)}`);
      return new Date(current);
    },
  };
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) throw new Error(`not a duration: "${text}" (use e.g. "500ms", "30s", "5m", "2h", "1d")`);
  return Number(match[1]) * (UNIT_MS[match[2] ?? "ms"] ?? 1);
}
