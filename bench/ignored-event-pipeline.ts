/**
 * What Firewatch itself spends on an event that cannot concern it (a `bug` label on an
 * ordinary issue), apart from Probot's own per-event work (signature check, JSON parsing,
 * the event's Octokit, which a no-op app pays too; `webhook-cost.ts` measures the whole).
 * The app's handler for `issues.labeled` runs in this process on a real payload shape from
 * @octokit/webhooks-examples, against an empty handler, with the config already cached.
 */
import type { Context, Probot } from "probot";
import { createApp } from "../src/app/create-app.js";
import { PrometheusTelemetry } from "../src/telemetry/prometheus-telemetry.js";
import { examples } from "../test/support/github/webhooks/build-payload.js";

type Handler = (context: Context) => Promise<void>;
const quiet = () => {};
const log = { trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet, fatal: quiet, child: () => log };

const handlers: Handler[] = [];
const app = {
  on: (events: string | string[], handler: Handler) => {
    if ([events].flat().includes("issues.labeled")) handlers.push(handler);
  },
  // Only with telemetry: it counts events no handler listens to, and the app's JWT requests.
  onAny: () => {},
  auth: () => Promise.resolve({ hook: { wrap: () => {} } }),
  log,
};
for (const telemetry of [undefined, new PrometheusTelemetry()]) {
  await createApp({ now: () => new Date(), sleep: async () => {}, ...(telemetry ? { telemetry } : {}) })(
    app as unknown as Probot,
    { cwd: process.cwd(), addHandler: () => {} },
  );
}

const example = examples().find((d) => d.name === "issues")!.examples.find((e) => e.action === "labeled")!;
const payload = {
  ...structuredClone(example),
  label: { ...(example.label as object), name: "bug" },
  issue: { ...(example.issue as object), labels: [{ name: "bug" }], body: "The docs have a typo." },
  sender: { ...(example.sender as object), type: "User" },
};
const context = {
  name: "issues",
  id: "bench",
  payload,
  log,
  // Only read once, to fill the config cache: an ignored event makes no request after that.
  config: async () => ({}),
  octokit: { hook: { wrap: () => {} }, request: { endpoint: { parse: () => ({ url: "", headers: {} }) } } },
  repo: () => ({ owner: "acme", repo: "ops" }),
} as unknown as Context;

async function cpuMicrosPerCall(handle: Handler, n: number): Promise<number> {
  for (let i = 0; i < 2_000; i++) await handle(context);
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await handle(context);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

const N = Number(process.env.BENCH_CALLS ?? 200_000);
const noop: Handler = async () => {};
const rows: [string, number][] = [];
for (let round = 0; round < 3; round++) {
  rows.push(["no-op handler", await cpuMicrosPerCall(noop, N)]);
  rows.push(["Firewatch", await cpuMicrosPerCall(handlers[0]!, N)]);
  rows.push(["with metrics", await cpuMicrosPerCall(handlers[1]!, N)]);
}
const median = (name: string) => rows.filter((r) => r[0] === name).map((r) => r[1]).sort((a, b) => a - b)[1]!;
console.log(`Handler CPU per ignored issues.labeled event, ${N} calls, median of 3 rounds:`);
console.log(`  no-op handler: ${median("no-op handler").toFixed(2)} µs`);
console.log(`  Firewatch:     ${median("Firewatch").toFixed(2)} µs (0 requests: the config is cached)`);
console.log(`  with metrics:  ${median("with metrics").toFixed(2)} µs (a PrometheusTelemetry counting it)`);
