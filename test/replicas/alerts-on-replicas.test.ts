/**
 * Issue 10 on two replicas: Alertmanager sends a group's notification to a load balancer, and
 * its retries (and the other Alertmanager of an HA pair) may land on the other replica at the
 * same moment. Two app processes sharing one real Redis must still open one incident, with
 * one Alerts comment, because the group's lock lives in Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertmanagerFiring, alertsComment, ALERT_TOKEN, postAlerts } from "../alerts/alert-requests.js";
import { startRedis, type RedisServer } from "../support/redis-server.js";
import { startReplicas, type ReplicaScenario } from "../support/replicas.js";
import { cards } from "./support.js";

describe("alerts on two replicas sharing one Redis", { timeout: 90_000 }, () => {
  let redis: RedisServer | undefined;
  let scenario: ReplicaScenario | undefined;

  beforeAll(async () => {
    redis = await startRedis();
    scenario = await startReplicas({
      count: 2,
      env: { REDIS_URL: redis.url, FIREWATCH_ALERT_TOKEN: ALERT_TOKEN },
    });
  }, 90_000);

  afterAll(async () => {
    try {
      await scenario?.stop();
    } finally {
      await redis?.stop();
    }
  });

  /** A replica's own port, as a load balancer reaches it. */
  const replica = (index: number) => {
    const root = new URL("/", scenario!.replicas[index]!.webhookUrl).href.replace(/\/$/, "");
    return { fetch: (path: string, init?: RequestInit) => fetch(`${root}${path}`, init) };
  };

  it("one group's notification on both replicas at once, twice each: one incident, one Alerts comment", async () => {
    const { gh } = scenario!;
    const payload = alertmanagerFiring();
    const answers = await Promise.all(
      [0, 1, 0, 1].map((i) => postAlerts(replica(i), "alertmanager", payload)),
    );
    // 200 once GitHub shows the group; 503 when the write pacing held an answer back longer
    // than a few seconds (the work goes on, and Alertmanager's retry finds it done).
    for (const answer of answers) expect([200, 503], JSON.stringify(answer.body)).toContain(answer.status);
    for (let attempt = 0; answers.some((a) => a.status !== 200) && attempt < 10; attempt++) {
      const retry = await postAlerts(replica(attempt % 2), "alertmanager", payload);
      if (retry.status === 200) break;
    }
    await gh.settle();

    expect([...gh.repo.issues.keys()]).toHaveLength(1);
    const [number] = [...gh.repo.issues.keys()];
    const issue = gh.issue(number!);
    expect(issue.title).toBe("vLLM KV cache saturated on the inference service");
    expect(issue.labels.sort()).toEqual(["incident", "severity:critical", "status:detected"]);
    expect(cards(issue.comments)).toHaveLength(1);
    expect(issue.comments.filter((c) => c.body.includes("firewatch:key alerts-"))).toHaveLength(1);
    expect(alertsComment(issue.comments)).toContain("**2 firing**");
    expect(issue.comments.filter((c) => c.body.includes("Escalated to **critical**"))).toHaveLength(1);
    // Every answer that was 200 named that incident.
    for (const answer of answers.filter((a) => a.status === 200)) expect(answer.body.issue).toBe(number);
  });
});
