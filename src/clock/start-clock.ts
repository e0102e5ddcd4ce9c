import type { ClockTimer } from "./clock-timer.js";

/** A running clock. */
export interface Clock {
  /** Cancels the next tick and waits for a tick in progress to finish. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Calls `tick` every `intervalMs`, never two at once: the next tick is scheduled when the one
 * before it has finished, so a slow tick delays the next instead of piling up. A tick that
 * throws is handed to `onError` and the clock goes on. `signal` stops it too (the app closing).
 */
export function startClock(options: {
  intervalMs: number;
  timer: ClockTimer;
  tick: () => Promise<void>;
  onError: (error: unknown) => void;
  signal?: AbortSignal;
}): Clock {
  const { intervalMs, timer, tick, onError, signal } = options;
  let stopped = false;
  let cancel: (() => void) | undefined;
  let running: Promise<void> | undefined;

  const schedule = () => {
    if (stopped) return;
    cancel = timer.after(intervalMs, async () => {
      cancel = undefined;
      if (stopped) return;
      running = tick().catch(onError);
      await running;
      running = undefined;
      schedule();
    });
  };
  const clock: Clock = {
    async stop() {
      stopped = true;
      cancel?.();
      cancel = undefined;
      await running;
    },
  };
  if (signal?.aborted) return clock;
  signal?.addEventListener("abort", () => void clock.stop(), { once: true });
  schedule();
  return clock;
}
