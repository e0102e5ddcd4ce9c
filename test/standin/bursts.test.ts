import { afterEach, describe, expect, it } from "vitest";
import type { ApplicationFunction } from "probot";
import { startScenario, type Scenario } from "../support/harness.js";
import { seededRandom, shuffled } from "../support/github/webhooks/seeded-random.js";

/** Records, per delivery id, how many handlers were running when each began; each handler takes 150 ms. */
function overlapApp(seen: { id: string; action: string; running: number }[], react = false): ApplicationFunction {
  let running = 0;
  return (app) => {
    app.on(["issues.opened", "issues.labeled"], async (context) => {
      running++;
      seen.push({ id: context.id, action: context.payload.action, running });
      await new Promise((resolve) => setTimeout(resolve, 150));
      running--;
      if (react && context.payload.action === "opened" && !context.isBot) {
        await context.octokit.rest.issues.addLabels(context.issue({ labels: ["triage"] }));
      }
    });
  };
}

describe("GitHub stand-in: burst deliveries", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("settle() without options still delivers one at a time, in order", async () => {
    const seen: { id: string; action: string; running: number }[] = [];
    scenario = await startScenario({ appFn: overlapApp(seen) });
    const { gh } = scenario;
    gh.as("alice").openIssue({ title: "a", labels: ["incident", "severity:high"] });
    await gh.settle();
    expect(seen.map((s) => `${s.action}:${s.running}`)).toEqual(["opened:1", "labeled:1", "labeled:1"]);
    expect(gh.deliveries.every((d) => d.round === undefined)).toBe(true);
  });

  it("burst: every pending webhook is in flight at once; what the reactions queue follows in the next round", async () => {
    const seen: { id: string; action: string; running: number }[] = [];
    scenario = await startScenario({ appFn: overlapApp(seen, true) });
    const { gh } = scenario;
    const number = gh.as("alice").openIssue({ title: "a", labels: ["incident", "severity:high"] });
    await gh.settle({ burst: true, seed: 7 });

    expect(Math.max(...seen.map((s) => s.running))).toBe(3);
    expect(gh.deliveries.map((d) => `${d.round}:${d.action}`).sort()).toEqual(["1:labeled", "1:labeled", "1:opened", "2:labeled"]);
    expect(gh.lastBurstSeed).toBe(7);
    expect(gh.issue(number).labels).toEqual(["incident", "severity:high", "triage"]);
  });

  it("twice: 'together' has both copies of a delivery, same X-GitHub-Delivery, in flight at once", async () => {
    const seen: { id: string; action: string; running: number }[] = [];
    scenario = await startScenario({ appFn: overlapApp(seen) });
    const { gh } = scenario;
    gh.as("alice").openIssue({ title: "a" });
    await gh.settle({ burst: true, twice: "together" });

    expect(seen.map((s) => s.running).sort()).toEqual([1, 2]);
    expect(seen[0]?.id).toBe(seen[1]?.id);
    expect(gh.deliveries.map((d) => `${d.id === seen[0]?.id}#${d.attempt}:${d.status}`).sort()).toEqual(["true#1:200", "true#2:200"]);
  });

  it("twice: 'sequential' sends the copy once the first answered", async () => {
    const seen: { id: string; action: string; running: number }[] = [];
    scenario = await startScenario({ appFn: overlapApp(seen) });
    const { gh } = scenario;
    gh.as("alice").openIssue({ title: "a" });
    await gh.settle({ burst: true, twice: "sequential" });
    expect(seen.map((s) => s.running)).toEqual([1, 1]);
    expect(gh.deliveries.map((d) => d.attempt)).toEqual([1, 2]);
  });

  it("names the seed in every failure recorded during a burst, and keeps the loop guard", async () => {
    const appFn: ApplicationFunction = (app) => {
      app.on("issues.labeled", async (context) => {
        if (context.payload.label?.name === "boom") throw new Error("boom");
        await context.octokit.rest.issues.addLabels(context.issue({ labels: [`again-${Math.random()}`] }));
      });
    };
    scenario = await startScenario({ appFn, maxDeliveries: 12 });
    const { gh } = scenario;
    gh.as("alice").openIssue({ title: "loop", labels: ["incident", "boom"] });
    await expect(gh.settle({ burst: true, seed: 99 })).rejects.toThrow(/more than 12 webhook deliveries .*\(burst seed 99\)$/);
    expect(gh.failures.all).toEqual([
      expect.stringMatching(/^webhook issues\.labeled \(.*attempt 1\) answered 500: .*\(burst seed 99\)$/),
      expect.stringMatching(/^webhook loop: more than 12 deliveries in one settle\(\); still pending: issues\.labeled.*\(burst seed 99\)$/),
    ]);
    expect(gh.deliveries).toHaveLength(12);
    gh.failures.clear();
  });

  it("redeliver queues an earlier delivery again with its X-GitHub-Delivery", async () => {
    const seen: { id: string; action: string; running: number }[] = [];
    scenario = await startScenario({ appFn: overlapApp(seen) });
    const { gh } = scenario;
    gh.as("alice").openIssue({ title: "a" });
    await gh.settle();
    gh.redeliver(gh.deliveries[0]?.id ?? "");
    await gh.settle();
    expect(seen.map((s) => s.id)).toEqual([seen[0]?.id, seen[0]?.id]);
  });
});

describe("seeded shuffle", () => {
  it("gives the same order for the same seed, and another for another seed", () => {
    const items = Array.from({ length: 12 }, (_, i) => i);
    const first = shuffled(items, seededRandom(42));
    expect(shuffled(items, seededRandom(42))).toEqual(first);
    expect(shuffled(items, seededRandom(43))).not.toEqual(first);
    expect([...first].sort((a, b) => a - b)).toEqual(items);
  });
});
