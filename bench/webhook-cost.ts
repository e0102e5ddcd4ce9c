/**
 * What a webhook costs Firewatch (issue 8, part 4). Run with `npx tsx bench/webhook-cost.ts`.
 *
 * A. Ignored events: signed `issues.labeled` (`bug`, on an ordinary issue) POSTed to
 *    Firewatch and to a no-op Probot app subscribed to the same events, each in its own
 *    process served as in production (Probot's Octokit with throttling and retries), against
 *    the GitHub stand-in. Per app and round: webhooks/s (wall clock), CPU ms per webhook (the
 *    app process's own `process.cpuUsage()`, so neither the stand-in nor the load generator
 *    is in it) and requests per webhook as GitHub counts them. Rounds alternate no-op,
 *    Firewatch, no-op, …; the medians are reported.
 * B. API cost per incident action (declare, status label, /note), as GitHub counts it.
 *
 * Env: BENCH_WEBHOOKS (per phase, default 2000), BENCH_PHASE_SECONDS (a phase starts no
 * delivery after this, default 8, so a slow app still finishes in time; rates are of what was
 * delivered), BENCH_WARMUP (2000, same cap: fewer leave the first round visibly cold), BENCH_CONCURRENCY (8), BENCH_ROUNDS (3), BENCH_VERBOSE=1
 * lists every request of part B (and of Firewatch's first deliveries in part A).
 */
import { cpus, loadavg } from "node:os";
import { GitHubStandIn } from "../test/support/github/github-stand-in.js";
import { rsaKeyPair } from "../test/support/rsa-key-pair.js";
import { startAppChild, type AppChild } from "./support/app-child.js";
import { describeRequest } from "../test/support/github-cost.js";
import { INCIDENT_CONFIG, measureIncidentActions } from "./support/incident-cost.js";
import {
  ignoredLabeledPayload,
  measurePhase,
  medianPhase,
  type Phase,
} from "./support/ignored-events.js";

const envInt = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const N = envInt("BENCH_WEBHOOKS", 2_000);
const PHASE_MS = envInt("BENCH_PHASE_SECONDS", 8) * 1000;
const WARMUP = envInt("BENCH_WARMUP", 2_000);
const CONCURRENCY = envInt("BENCH_CONCURRENCY", 8);
const ROUNDS = envInt("BENCH_ROUNDS", 3);
const VERBOSE = process.env.BENCH_VERBOSE === "1";
const SECRET = "bench-webhook-secret";

const table = (head: string[], rows: string[][]) =>
  [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
const listRequests = (title: string, lines: string[]) =>
  console.log(`\n### ${title}\n${lines.join("\n")}`);

async function partA(): Promise<void> {
  console.log(
    `## A. Ignored events: issues.labeled (bug) on an ordinary issue — up to ${N} per phase` +
      ` (at most ${PHASE_MS / 1000} s), ${CONCURRENCY} in flight, ${ROUNDS} rounds after ${WARMUP} to warm up\n`,
  );
  const load0 = loadavg()[0]!.toFixed(1);
  const keys = rsaKeyPair();
  const gh = await GitHubStandIn.start({ appPublicKey: keys.publicKey, webhookSecret: SECRET });
  gh.addRepository({
    owner: "acme",
    name: "ops",
    files: { ".github/firewatch.yml": INCIDENT_CONFIG },
  });
  const env = {
    GHE_HOST: gh.host,
    APP_ID: String(gh.state.app.id),
    PRIVATE_KEY: keys.privateKey,
    WEBHOOK_SECRET: SECRET,
  };
  const apps = await Promise.all([startAppChild("noop", env), startAppChild("firewatch", env)]);
  const [noop, firewatch] = apps as [AppChild, AppChild];
  try {
    const calls = firewatch.registrations.map((events) => events.join(", ")).join(" | ");
    console.log(
      `Firewatch's app.on calls, which the no-op app repeats with empty handlers: ${calls}`,
    );
    gh.webhookTarget = firewatch.webhookUrl;
    const { payload, requests } = await ignoredLabeledPayload(gh);
    if (VERBOSE) {
      listRequests(
        "Firewatch's first two deliveries (opened, labeled bug)",
        requests.map(describeRequest),
      );
    }

    const load = {
      secret: SECRET,
      event: "issues",
      payload,
      concurrency: CONCURRENCY,
      maxMs: PHASE_MS,
    };
    for (const app of apps) await measurePhase(gh, app, { ...load, count: WARMUP });
    const results = new Map<AppChild, Phase[]>(apps.map((app) => [app, []]));
    console.log("");
    for (let round = 1; round <= ROUNDS; round++) {
      for (const app of apps) {
        const p = await measurePhase(gh, app, { ...load, count: N });
        results.get(app)!.push(p);
        console.log(
          `round ${round} ${app.kind.padEnd(9)} ${p.delivered} webhooks, ${p.perSecond.toFixed(0)}/s,` +
            ` ${p.cpuMs.toFixed(3)} CPU ms each in the app (+ ${p.standInCpuMs.toFixed(3)} in the stand-in` +
            ` and load generator), ${p.requests.toFixed(2)} counted requests each`,
        );
      }
    }

    const load1 = loadavg()[0]!.toFixed(1);
    console.log(
      `\nLoad average (1 min) before: ${load0}, after: ${load1} on ${cpus().length} cores.`,
    );
    const [m0, m1] = [medianPhase(results.get(noop)!), medianPhase(results.get(firewatch)!)];
    const spread = (app: AppChild, key: "perSecond" | "cpuMs", digits: number) => {
      const values = results.get(app)!.map((p) => p[key]);
      return ` (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
    };
    const row = (name: string, app: AppChild, m: Phase) => [
      name,
      m.perSecond.toFixed(0) + spread(app, "perSecond", 0),
      m.cpuMs.toFixed(3) + spread(app, "cpuMs", 3),
      m.requests.toFixed(2),
      m.standInCpuMs.toFixed(3),
    ];
    console.log(`\nMedians of ${ROUNDS} rounds (lowest–highest):\n`);
    const head = ["app", "webhooks/s", "CPU ms per webhook", "counted requests per webhook"];
    const extra = "(stand-in + load generator CPU ms per webhook)";
    console.log(
      table([...head, extra], [row("no-op Probot app", noop, m0), row("Firewatch", firewatch, m1)]),
    );
    console.log("");
    console.log(
      table(
        ["Firewatch / no-op", "measured", "target"],
        [
          ["webhooks/s", `${((100 * m1.perSecond) / m0.perSecond).toFixed(0)}%`, "≥ 90%"],
          ["CPU per webhook", `${(m1.cpuMs / m0.cpuMs).toFixed(2)}×`, "≤ 1.1×"],
          ["requests per ignored event", m1.requests.toFixed(2), "0"],
        ],
      ),
    );
    console.log(
      "\nCPU per webhook is each app's own process (Probot, the app, its HTTP client), read with" +
        " process.cpuUsage() in that process; webhooks/s is wall clock and includes the stand-in" +
        " answering the app's requests, on cores shared with the stand-in and the load generator.",
    );
    for (const app of apps.filter((a) => a.output.lines > 0)) {
      console.log(
        `${app.kind} logged ${app.output.lines} lines (LOG_LEVEL=warn), first: ${app.output.first[0]}`,
      );
    }
    gh.assertClean();
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await gh.stop();
  }
}

async function partB(): Promise<void> {
  console.log(
    "\n## B. API cost per incident action, as GitHub counts it" +
      " (installation token; a 404 counts; 304s and the app JWT's requests do not)\n",
  );
  console.log(
    "The repository config names services but no on-call, there are no runbooks," +
      " the form says severity critical, and the first incident was declared before.\n",
  );
  const { steps, failure } = await measureIncidentActions();
  const within = (s: (typeof steps)[number]) =>
    s.writes <= s.target.writes && s.reads <= s.target.reads ? "✓" : "✗";
  console.log(
    table(
      ["scenario", "writes", "reads", "total counted", "target", "deliveries"],
      steps.map((s) => [
        s.scenario,
        String(s.writes),
        String(s.reads),
        String(s.writes + s.reads),
        `≤ ${s.target.writes} writes + ${s.target.reads} reads ${within(s)}`,
        String(s.deliveries.length),
      ]),
    ),
  );
  if (VERBOSE) {
    for (const s of steps) {
      listRequests(s.scenario, [
        `deliveries: ${s.deliveries.join("; ")}`,
        ...s.requests.map(describeRequest),
      ]);
    }
  } else {
    console.log("\nBENCH_VERBOSE=1 lists every request of each scenario.");
  }
  if (failure) {
    const message = failure instanceof Error ? failure.message : String(failure);
    console.error(`\nThe stand-in recorded failures; do not quote these figures:\n${message}`);
    process.exitCode = 1;
  }
}

const started = performance.now();
await partA();
await partB();
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
