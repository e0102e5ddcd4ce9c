import { afterEach, describe, expect, it } from "vitest";
import { startRedis } from "../support/redis-server.js";
import { startReplicas, type ReplicaScenario } from "../support/replicas.js";

const TRIVIAL = "test/standin/fixtures/trivial-app-process.ts";

/** Replicas are real processes: each starts tsx and Probot, so allow for a slow shared machine. */
describe("harness: replicas as real app processes", { timeout: 120_000 }, () => {
  let scenario: ReplicaScenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("two replicas share a burst of deliveries round-robin, each answering as itself; SIGTERM stops them cleanly", async () => {
    scenario = await startReplicas({ count: 2, entry: TRIVIAL, env: { REPLICA_NOTE: ", env from the test" } });
    const { gh, replicas } = scenario;
    const issues = [gh.as("alice").openIssue({ title: "one" }), gh.as("alice").openIssue({ title: "two" })];
    await gh.settle({ burst: true });

    const replicaOf = (target: string) => replicas.findIndex((r) => r.webhookUrl === target);
    const opened = gh.deliveries.filter((d) => d.event === "issues");
    expect(opened.map((d) => `${replicaOf(d.target)}:${d.status}`).sort()).toEqual(["0:200", "1:200"]);
    const answers = issues.map((n) => gh.issue(n).comments.map((c) => `${c.user}: ${c.body}`));
    expect(answers.flat().sort()).toEqual(["firewatch[bot]: replica 0, env from the test", "firewatch[bot]: replica 1, env from the test"]);
    expect(new Set(replicas.map((r) => r.pid)).size).toBe(2);

    await scenario.stop();
    scenario = undefined;
    expect(replicas.map((r) => r.exit)).toEqual([{ code: 0, signal: null }, { code: 0, signal: null }]);
  });

  it("kill(i) lands while that replica is mid-delivery; the other one takes the next deliveries", async () => {
    scenario = await startReplicas({ count: 2, entry: TRIVIAL });
    const { gh, replicas } = scenario;
    const hold = gh.holdNext("issues/create-comment");
    const held = gh.as("alice").openIssue({ title: "held" });
    const settled = gh.settle();
    await hold.reached;
    const [busy] = scenario.busy();
    expect(busy?.index).toBe(0);
    await scenario.kill(0);
    hold.release();
    await hold.answered;
    await settled;
    await gh.settle();

    expect(replicas[0]?.exit).toEqual({ code: null, signal: "SIGKILL" });
    expect(gh.deliveries.map((d) => `${d.event}.${d.action}:${d.status}`)).toEqual(["issues.opened:0", "issue_comment.created:200"]);
    expect(gh.failures.all).toEqual([expect.stringMatching(/^webhook issues\.opened .* failed: fetch failed/)]);
    gh.failures.clear();
    // The comment's request had fully arrived before the kill: GitHub carries it out anyway.
    expect(gh.issue(held).comments.map((c) => c.body)).toEqual(["replica 0"]);

    const after = gh.as("alice").openIssue({ title: "after" });
    await gh.settle();
    expect(gh.webhookTargets).toEqual([replicas[1]?.webhookUrl]);
    expect(gh.issue(after).comments.map((c) => c.body)).toEqual(["replica 1"]);
  });

  it("the default entry is Firewatch itself (in-memory coordination): it declares an incident", async () => {
    scenario = await startReplicas({ count: 1 });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "GPU OOM", labels: ["incident", "severity:high"] });
    await gh.settle();
    expect(gh.deliveries.every((d) => d.status === 200)).toBe(true);
    expect(gh.issue(n).comments.some((c) => c.user === "firewatch[bot]" && c.body.includes("Incident"))).toBe(true);
  });

  it("REDIS_URL reaches the replicas: two Firewatch processes share Redis (locks, and the throttle's queues)", async () => {
    const redis = await startRedis();
    try {
      scenario = await startReplicas({ count: 2, env: { REDIS_URL: redis.url } });
      const { gh, replicas } = scenario;
      const issues = [1, 2].map((i) => gh.as("alice").openIssue({ title: `GPU OOM ${i}`, labels: ["incident"] }));
      await gh.settle({ burst: true });
      expect(new Set(gh.deliveries.map((d) => d.target))).toEqual(new Set(replicas.map((r) => r.webhookUrl)));
      expect(gh.deliveries.every((d) => d.status === 200)).toBe(true);
      for (const n of issues) expect(gh.issue(n).comments.filter((c) => c.body.includes("Incident"))).toHaveLength(1);
      expect(replicas[0]?.output()).toMatch(/coordination through Redis at redis:\/\/127\.0\.0\.1:/);
      await scenario.stop();
      scenario = undefined;
    } finally {
      await redis.stop();
    }
  });

  it("a replica that fails to start is reported with what it printed on stdout and stderr", async () => {
    const failing = startReplicas({ count: 1, entry: "test/standin/fixtures/failing-app-process.ts" });
    await expect(failing).rejects.toThrow(
      /replica 0 .* did not start: exited \(code 3, signal null\) before printing its port\n--- stdout ---\nbooting replica 0\n[\s\S]*--- stderr ---\ncannot start: the configuration is missing/,
    );
  });
});
