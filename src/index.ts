import type { ApplicationFunction } from "probot";
import { createApp } from "./app/create-app.js";
import { connectCoordination, exitAtStartup, HandOverLog } from "./coordination/index.js";
import { readHttpAllowCidrs } from "./runbooks/http-allow-cidrs.js";
import { PrometheusTelemetry } from "./telemetry/prometheus-telemetry.js";
import { realTimer } from "./clock/clock-timer.js";
import { readTickInterval } from "./clock/tick-interval.js";

// JSON when Probot's logs are (LOG_FORMAT=json, or unset in production), so every line parses.
const { LOG_FORMAT, NODE_ENV } = process.env;
const log = new HandOverLog({
  json: LOG_FORMAT ? LOG_FORMAT === "json" : NODE_ENV === "production",
});
// Connected while Probot loads the app, so an unreachable REDIS_URL stops the process at
// start with one clear line (instead of a stack trace, or an app running without its locks).
// Preload src/coordination/preflight.ts to make that line come before Probot's own errors.
const coordination = await connectCoordination(process.env, log).catch(exitAtStartup);

// FIREWATCH_TICK_INTERVAL: a bad value stops the process at start, like a bad CIDR list.
const tickIntervalMs = (() => {
  try {
    return readTickInterval(process.env);
  } catch (error) {
    return exitAtStartup(error);
  }
})();

const app = createApp({
  httpAllowCidrs: (() => {
    try {
      return readHttpAllowCidrs(process.env);
    } catch (error) {
      return exitAtStartup(error);
    }
  })(),
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  coordination,
  env: process.env,
  // GET /metrics of this process (each replica is scraped on its own).
  telemetry: new PrometheusTelemetry({ openIncidents: coordination.openIncidents }),
  ...(tickIntervalMs === undefined
    ? {}
    : { clock: { intervalMs: tickIntervalMs, timer: realTimer } }),
});

/**
 * The app as `probot run` loads it: the real clock, real waiting, and the coordination that
 * REDIS_URL chose. Coordination's messages go to Probot's logger from here on.
 */
const firewatch: ApplicationFunction = (probot, options) => {
  log.use(probot.log.child({ name: "coordination" }));
  return app(probot, options);
};

export default firewatch;
