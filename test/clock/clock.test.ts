import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import type { TickSummary } from "../../src/clock/tick-installations.js";
import { DEFAULT_REPO, startScenario, type Scenario } from "../support/harness.js";
import { PUBLIC_TEST_ADDRESS } from "../support/firewatch.js";
import { virtualTimer, type VirtualTimer } from "./virtual-timer.js";
import type { Coordination } from "../../src/coordination/coordination.js";
import { connectCoordination } from "../../src/coordination/connect-coordination.js";
import { startRedis } from "../support/redis-server.js";

const PLAN = `name: slow-recovery
kind: recovery
objectives: { rto: 2h }
communication:
  - { audience: customers, every: 30m, channel: status page }
steps:
  - { id: restore, title: Restore the GPU pool, type: remediate, timeout: 90m, run: { kind: manual } }
`;
const REMINDER = "⏰ **Update due.** Recovery plan `slow-recovery` promises **customers** (status page) an update every 30m";

interface ClockScenario extends Scenario {
  timer: VirtualTimer;
  ticks: TickSummary[];
  stopClock(): void;
}

/** Firewatch with its built-in clock on the stand-in's virtual clock (10-minute interval). */
async function startWithClock(intervalMs = 600_000, coordination?: Coordination): Promise<ClockScenario> {
  const stop = new AbortController();
  const ticks: TickSummary[] = [];
  let timer: VirtualTimer | undefined;
  const scenario = await startScenario({
    appFn: {
      build: (gh) => {
        timer = virtualTimer(gh.clock);
        return createApp({
          now: () => gh.clock.now(),
          sleep: async (ms) => {
            gh.clock.advance(ms);
          },
          resolve: () => Promise.resolve([PUBLIC_TEST_ADDRESS]),
          ...(coordination ? { coordination } : {}),
          clock: { intervalMs, timer, signal: stop.signal, onTick: (s) => ticks.push(s) },
        });
      },
    },
    repo: {
      ...DEFAULT_REPO,
      files: { ".github/runbooks/slow-recovery.yml": PLAN },
      collaborators: { alice: "triage", carol: "triage" },
    },
  });
  return { ...scenario, timer: timer!, ticks, stopClock: () => stop.abort() };
}

describe("the built-in clock", () => {
  let s: ClockScenario | undefined;
  afterEach(async () => {
    s?.stopClock();
    await s?.stop();
    s = undefined;
  });

  async function incidentWithPlan(scenario: ClockScenario): Promise<number> {
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "GPU OOM on inference", labels: ["incident"] });
    await gh.settle();
    gh.as("alice").comment(n, "/role communications @carol\n/recovery start slow-recovery");
    await gh.settle();
    return n;
  }

  it("fails a timed-out step and reminds of an overdue update with no workflow run and no webhook", async () => {
    s = await startWithClock();
    const { gh, timer } = s;
    const n = await incidentWithPlan(s);
    const reminders = () => gh.issue(n).comments.filter((c) => c.body.includes(REMINDER));
    const delivered = gh.deliveries.length;

    await timer.advance("35m");
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.body).toContain("@carol (communications)");
    await timer.advance("10m");
    expect(reminders()).toHaveLength(1); // once per missed period, however many ticks

    await timer.advance("50m");
    // A second period (30m–60m) passed without an /update: one more reminder, at the tick after it.
    expect(reminders()).toHaveLength(2);
    const runbook = gh.issue(n).comments.find((c) => c.body.includes("### 📘 Runbook `slow-recovery`"))!.body;
    expect(runbook).toContain("— failed");
    expect(runbook).toContain("timed out after 1h 30m");
    expect(gh.issue(n).comments.filter((c) => c.body.includes("ended **failed**"))).toHaveLength(1);
    // No workflow ran and no webhook reached the app: the clock alone did it.
    expect(gh.runbooks().workflowRuns()).toHaveLength(0);
    expect(gh.deliveries.length).toBe(delivered);
    // Each tick: one listing of installations and at most one search per installation.
    expect(s.ticks.length).toBe(9);
    for (const tick of s.ticks) expect(tick).toMatchObject({ installations: 1, searches: 1, failures: 0 });
    expect(s.ticks[0]).toMatchObject({ found: 1, ticked: 1 });
    const searches = gh.requests.filter((r) => r.operationId === "search/issues-and-pull-requests");
    expect(searches).toHaveLength(9);
    expect(decodeURIComponent(searches[0]!.query)).toContain('is:issue is:open label:"incident" user:acme');
    expect(gh.requests.filter((r) => r.operationId === "apps/list-installations")).toHaveLength(9);

    // The plan has ended: ticks find the incident but nothing runs on it any more.
    await timer.advance("30m");
    expect(reminders()).toHaveLength(2);
    expect(s.ticks.at(-1)).toMatchObject({ found: 1, ticked: 0 });
    // What such a tick costs: the listing, the search, the config when 5 minutes old (here
    // none: the repository and its owner's .github are asked), and the incident's comments,
    // unchanged, so a free 304.
    const before = gh.requests.length;
    await timer.advance("10m");
    expect(gh.requests.slice(before).map((r) => `${r.operationId} ${r.status}`)).toEqual([
      "apps/list-installations 200",
      "search/issues-and-pull-requests 200",
      "repos/get-content 404",
      "repos/get-content 404",
      "issues/list-comments 304",
    ]);
  });

  it("ticks nothing and writes nothing when no incident is open", async () => {
    s = await startWithClock();
    const { gh, timer } = s;
    const n = gh.as("alice").openIssue({ title: "Not an incident" });
    await gh.settle();
    const before = gh.requests.length;
    await timer.advance("30m");
    expect(s.ticks.map((t) => t.found)).toEqual([0, 0, 0]);
    const made = gh.requests.slice(before).map((r) => r.operationId);
    expect(made.filter((op) => op === "search/issues-and-pull-requests")).toHaveLength(3);
    expect(made.filter((op) => op === "apps/list-installations")).toHaveLength(3);
    // Nothing else but, when the cached one ran out, a new installation token.
    expect(made.filter((op) => !["apps/list-installations", "search/issues-and-pull-requests", "apps/create-installation-access-token"].includes(op ?? ""))).toEqual([]);
    expect(gh.issue(n).comments).toHaveLength(0);
  });

  it("a failed search is logged and the next tick goes on", async () => {
    s = await startWithClock();
    const { gh, timer } = s;
    await incidentWithPlan(s);
    gh.failNext({ route: "search/issues-and-pull-requests", status: 503 });
    await timer.advance("20m");
    expect(s.ticks.map((t) => t.failures)).toEqual([1, 0]);
    expect(s.ticks[1]).toMatchObject({ found: 1, ticked: 1 });
  });

  it("with Redis, a replica skips an interval another replica has claimed", async () => {
    const redis = await startRedis();
    const [mine, other] = await Promise.all([
      connectCoordination({ REDIS_URL: redis.url }),
      connectCoordination({ REDIS_URL: redis.url }),
    ]);
    try {
      s = await startWithClock(600_000, mine);
      const { gh, timer } = s;
      await incidentWithPlan(s);
      // The other replica claims the slot of the next tick first: this one skips it, and ticks the one after.
      const next = Math.floor(gh.clock.now().getTime() / 600_000) + 1;
      expect(await other.claim(`tick:${next}`, 600)).toBe(true);
      await timer.advance("10m");
      expect(s.ticks).toHaveLength(0);
      await timer.advance("10m");
      expect(s.ticks).toHaveLength(1);
    } finally {
      s?.stopClock();
      await s?.stop();
      s = undefined;
      await Promise.all([mine.close(), other.close()]);
      await redis.stop();
    }
  });

  it("stops when the app closes: no timer is left and no tick runs after", async () => {
    s = await startWithClock();
    expect(s.timer.pending).toBe(1);
    s.stopClock();
    expect(s.timer.pending).toBe(0);
    await s.timer.advance("1h");
    expect(s.ticks).toHaveLength(0);
  });
});
