import { describe, expect, it } from "vitest";
import { startClock } from "../../src/clock/start-clock.js";
import { createVirtualClock } from "../support/github/state/virtual-clock.js";
import { virtualTimer } from "./virtual-timer.js";

describe("startClock", () => {
  it("ticks every interval, timing the next from the end of the last, and goes on after a tick that threw", async () => {
    const clock = createVirtualClock();
    const timer = virtualTimer(clock);
    const started: string[] = [];
    const errors: unknown[] = [];
    const running = startClock({
      intervalMs: 60_000,
      timer,
      onError: (error) => errors.push(error),
      tick: async () => {
        started.push(clock.iso());
        clock.advance("90s"); // a slow tick
        if (started.length === 1) throw new Error("GitHub is down");
      },
    });
    await timer.advance("6m");
    expect(errors).toEqual([new Error("GitHub is down")]);
    expect(started).toEqual(["2026-01-05T09:01:00Z", "2026-01-05T09:03:30Z", "2026-01-05T09:06:00Z"]);
    expect(timer.pending).toBe(1);
    await running.stop();
    expect(timer.pending).toBe(0);
  });

  it("stop() waits for the tick in progress, and nothing is scheduled after it", async () => {
    const clock = createVirtualClock();
    const timer = virtualTimer(clock);
    let release: () => void = () => {};
    let finished = false;
    const running = startClock({
      intervalMs: 60_000,
      timer,
      onError: () => {},
      tick: () =>
        new Promise<void>((resolve) => {
          release = () => {
            finished = true;
            resolve();
          };
        }),
    });
    const ticking = timer.advance("1m");
    await new Promise((resolve) => setImmediate(resolve));
    let stopDone = false;
    const stopped = running.stop().then(() => (stopDone = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopDone).toBe(false);
    release();
    await stopped;
    await ticking;
    expect(finished).toBe(true);
    expect(timer.pending).toBe(0);
  });

  it("an aborted signal stops it before the first tick", () => {
    const timer = virtualTimer(createVirtualClock());
    const controller = new AbortController();
    controller.abort();
    startClock({ intervalMs: 60_000, timer, onError: () => {}, tick: async () => {}, signal: controller.signal });
    expect(timer.pending).toBe(0);
  });
});
