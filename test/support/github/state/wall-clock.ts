import { parseDuration, type VirtualClock } from "./virtual-clock.js";

/**
 * A clock that follows real time, for a stand-in whose apps run in other processes on the
 * real clock (replicas.ts): GitHub's timestamps and the apps' `now()` then agree. `advance`
 * and `set` move only the stand-in's view; the app processes never see it.
 */
export function createWallClock(): VirtualClock {
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  return {
    now,
    iso: () => now().toISOString().replace(/\.\d{3}Z$/, "Z"),
    advance(by) {
      const ms = typeof by === "number" ? by : parseDuration(by);
      if (ms < 0) throw new Error(`clock.advance: cannot go back in time (${String(by)})`);
      offset += ms;
      return now();
    },
    set(date) {
      const target = new Date(date).getTime();
      if (Number.isNaN(target)) throw new Error(`clock.set: not a date: ${String(date)}`);
      offset = target - Date.now();
      return now();
    },
  };
}

