import type { ClockTimer } from "../../src/clock/clock-timer.js";
import type { VirtualClock } from "../support/github/state/virtual-clock.js";
import { parseDuration } from "../support/github/state/virtual-clock.js";

/** A {@link ClockTimer} on the stand-in's virtual clock: nothing fires until the test moves time. */
export interface VirtualTimer extends ClockTimer {
  /** Timers waiting to fire. */
  readonly pending: number;
  /**
   * Moves the virtual clock forward by `by`, firing each timer due on the way at its own
   * moment and waiting for it (a tick and the timers it sets), earliest first.
   */
  advance(by: string | number): Promise<void>;
}

export function virtualTimer(clock: VirtualClock): VirtualTimer {
  let waiting: { at: number; fire: () => Promise<void> }[] = [];
  return {
    get pending() {
      return waiting.length;
    },
    after(ms, fire) {
      const entry = { at: clock.now().getTime() + ms, fire };
      waiting.push(entry);
      return () => {
        waiting = waiting.filter((e) => e !== entry);
      };
    },
    async advance(by) {
      const target = clock.now().getTime() + (typeof by === "number" ? by : parseDuration(by));
      for (;;) {
        const due = waiting.filter((e) => e.at <= target).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        waiting = waiting.filter((e) => e !== due);
        if (due.at > clock.now().getTime()) clock.set(new Date(due.at));
        await due.fire();
      }
      if (target > clock.now().getTime()) clock.set(new Date(target));
    },
  };
}
