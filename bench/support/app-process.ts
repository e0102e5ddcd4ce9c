/**
 * One GitHub App served the way `probot run` serves it in production (Probot's own Octokit
 * with throttling and retries on), in a process of its own so that its CPU time can be read
 * apart from the stand-in's and the load generator's. Started by `app-child.ts`.
 *
 * Env: BENCH_APP = `firewatch` (createApp with the real clock and its metrics) or `noop` (empty handlers on
 * exactly the app.on calls Firewatch makes), plus GHE_HOST, APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET. Over IPC it sends `{ type: "ready", port, registrations }` once listening
 * and answers `{ type: "cpu", id }` with this process's `process.cpuUsage()`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createNodeMiddleware,
  createProbot,
  type ApplicationFunction,
  type ApplicationFunctionOptions,
  type Probot,
} from "probot";
import { createApp } from "../../src/app/create-app.js";
import { PrometheusTelemetry } from "../../src/telemetry/prometheus-telemetry.js";

// As src/index.ts wires it: metrics on (they are on in production), no clock (a tick a minute
// is nothing next to thousands of webhooks a second, and needs the app's installations).
// BENCH_NO_TELEMETRY=1 leaves the metrics out, to compare.
const firewatch = createApp({
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ...(process.env.BENCH_NO_TELEMETRY ? {} : { telemetry: new PrometheusTelemetry() }),
});

/** The event lists of Firewatch's `app.on` calls, read by loading it on a stand-in `app` that only records. */
async function firewatchRegistrations(): Promise<string[][]> {
  const calls: string[][] = [];
  const quiet = () => {};
  const recorder = {
    on: (events: string | string[]) => void calls.push([events].flat()),
    onAny: () => void calls.push(["*"]),
    onError: quiet,
    // The metrics count the JWT's requests from the app's own client: none while recording.
    auth: () => Promise.reject(new Error("recording the app's registrations")),
    log: {
      trace: quiet,
      debug: quiet,
      info: quiet,
      warn: quiet,
      error: quiet,
      fatal: quiet,
      child: () => recorder.log,
    },
  };
  const app = new Proxy(recorder, {
    get(target, prop) {
      if (prop in target) return target[prop as keyof typeof target];
      throw new Error(
        `createApp used app.${String(prop)} while loading: teach bench/support/app-process.ts to record it`,
      );
    },
  });
  const options: ApplicationFunctionOptions = { cwd: process.cwd(), addHandler: () => {} };
  await firewatch(app as unknown as Probot, options);
  return calls;
}

/** A Probot app that does nothing, subscribed to the same events as Firewatch, call by call. */
function noopApp(registrations: string[][]): ApplicationFunction {
  return (app) => {
    for (const events of registrations) {
      if (events[0] === "*") app.onAny(async () => {});
      else app.on(events as Parameters<Probot["on"]>[0], async () => {});
    }
  };
}

const kind = process.env.BENCH_APP;
if (kind !== "firewatch" && kind !== "noop")
  throw new Error(`BENCH_APP must be firewatch or noop, not ${kind}`);
const registrations = await firewatchRegistrations();
const probot = createProbot({
  env: {
    GHE_HOST: process.env.GHE_HOST,
    GHE_PROTOCOL: "http",
    APP_ID: process.env.APP_ID,
    PRIVATE_KEY: process.env.PRIVATE_KEY,
    WEBHOOK_SECRET: process.env.WEBHOOK_SECRET,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  },
});
const middleware = await createNodeMiddleware(
  kind === "firewatch" ? firewatch : noopApp(registrations),
  { probot },
);
const server = createServer((req, res) => {
  void middleware(req, res, () => {
    res.writeHead(404).end();
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

process.on("message", (message: { type?: string; id?: number }) => {
  if (message.type === "cpu")
    process.send?.({ type: "cpu", id: message.id, usage: process.cpuUsage() });
});
process.on("disconnect", () => {
  server.closeAllConnections();
  server.close();
  process.exit(0);
});
process.send?.({ type: "ready", port: (server.address() as AddressInfo).port, registrations });
