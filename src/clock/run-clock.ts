import type { Probot } from "probot";
import type { Runtime } from "../app/pipeline.js";
import { labelNames } from "../incident/label-names.js";
import { configSchema } from "../config/schema.js";
import type { ClockTimer } from "./clock-timer.js";
import { startClock, type Clock } from "./start-clock.js";
import { tickInstallations, type TickSummary } from "./tick-installations.js";

/** The built-in clock's settings (AppDeps.clock). */
export interface ClockSettings {
  /** `FIREWATCH_TICK_INTERVAL` in milliseconds (tick-interval.ts). */
  intervalMs: number;
  timer: ClockTimer;
  /** Aborted when the app closes: the clock stops. */
  signal?: AbortSignal;
  /** Told what each tick did (tests; the log gets a line either way). */
  onTick?: (summary: TickSummary) => void;
}

/**
 * Starts the server's clock: every interval, ONE replica (the first to claim the interval's
 * slot in the shared store; with no Redis the process is alone) ticks the open incidents of
 * every installation (tick-installations.ts). So a step timeout or an overdue stakeholder
 * update is acted on within an interval, with no tick workflow and no webhook.
 */
export function runClock(app: Probot, runtime: Runtime, settings: ClockSettings): Clock {
  const { intervalMs } = settings;
  const incidentLabel = labelNames(configSchema.parse({})).incident;
  return startClock({
    intervalMs,
    timer: settings.timer,
    ...(settings.signal ? { signal: settings.signal } : {}),
    onError: (error) => app.log.error({ err: error, event: "tick" }, "a clock tick failed"),
    tick: async () => {
      const at = runtime.deps.now();
      const slot = Math.floor(at.getTime() / intervalMs);
      const ttl = Math.max(1, Math.ceil(intervalMs / 1000));
      if (!(await runtime.coordination.claim(`tick:${slot}`, ttl))) return;
      const summary = await tickInstallations(app, runtime, { at, incidentLabel });
      // A quiet tick is a debug line: one a minute at info would drown the log.
      const level = summary.found > 0 || summary.failures > 0 ? "info" : "debug";
      app.log[level]({ event: "tick", delivery: `tick-${at.toISOString()}`, ...summary }, "clock tick");
      settings.onTick?.(summary);
    },
  });
}
