import { ProbotOctokit, type Context } from "probot";
import { describe, expect, it } from "vitest";
import type { GitHubClient } from "../../src/github/client.js";
import { createAnswerCache, useConditionalRequests } from "../../src/github/conditional-requests.js";
import { createConfigCache } from "../../src/github/config-cache.js";
import { startStandIn } from "../standin/start-stand-in.js";
import { sharedRedis } from "../support/shared-redis.js";

const redis = sharedRedis();

const replica = () => redis.coordination();

describe("what replicas share through Redis besides the locks", () => {
  it("a GET one replica answered is revalidated by the other for free (a 304)", async () => {
    const { gh, token } = await startStandIn();
    try {
      const [a, b] = [await replica(), await replica()];
      const Octokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));
      // Each replica has its own client and its own in-memory answers; only Redis is common.
      const clients = [a, b].map((coordination) => {
        const octokit = new Octokit({ auth: { token }, baseUrl: gh.urls.api }) as unknown as GitHubClient;
        useConditionalRequests(octokit, createAnswerCache(), 777, coordination.shared);
        return octokit;
      });
      const n = gh.as("alice").openIssue({ title: "KV cache at 100%" });
      const first = await clients[0]!.rest.issues.get({ owner: "acme", repo: "ops", issue_number: n });
      const second = await clients[1]!.rest.issues.get({ owner: "acme", repo: "ops", issue_number: n });
      expect(second.data.title).toBe(first.data.title);
      expect(gh.requests.filter((r) => r.operationId === "issues/get").map((r) => r.status)).toEqual([200, 304]);
    } finally {
      await gh.stop();
    }
  });

  it("a push one replica receives makes the other read the config again", async () => {
    const [a, b] = [await replica(), await replica()];
    const reads = { count: 0 };
    const context = {
      payload: { installation: { id: 777 }, repository: { full_name: "acme/ops" } },
      config: async () => ({ labels: { incident: `outage-${++reads.count}` } }),
      log: { warn: () => {} },
      id: "d",
    } as unknown as Context;
    const [onA, onB] = [createConfigCache(a.shared), createConfigCache(b.shared)];
    const now = new Date();
    await onA.get(context, now);
    await onB.get(context, now);
    expect((await onB.get(context, now)).config.labels.incident).toBe("outage-2"); // cached on B
    expect(reads.count).toBe(2);

    await onA.forget(777, "acme/ops"); // the push reached replica A
    expect((await onB.get(context, now)).config.labels.incident).toBe("outage-3");
    expect(reads.count).toBe(3);
  });
});
