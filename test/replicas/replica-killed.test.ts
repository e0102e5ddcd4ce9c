/**
 * Issue 8, part 6: a replica dies (SIGKILL) in the middle of a delivery while it holds the
 * incident's lock in Redis. Nobody releases that lock: the other replica gets it only once
 * its lease ran out, and then a redelivery of the failed webhook (GitHub never redelivers by
 * itself; people press "Redeliver" in the app's settings) finishes what the dead one left.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startRedis, type RedisServer } from "../support/redis-server.js";
import { startReplicas, type ReplicaScenario } from "../support/replicas.js";
import { cards, cardOf, noteTexts, stateOf, timedWrites } from "./support.js";

const LEASE_MS = 1_500;

describe(
  "a replica killed in the middle of a delivery, with locks in a shared Redis",
  { timeout: 60_000 },
  () => {
    let redis: RedisServer | undefined;
    let scenario: ReplicaScenario | undefined;
    afterEach(async () => {
      try {
        await scenario?.stop();
      } finally {
        await redis?.stop();
        scenario = undefined;
        redis = undefined;
      }
    });

    it("the other replica writes only once the dead one's lease ran out, and the redelivery completes the incident: one card, the note once, one reaction", async () => {
      const timed = timedWrites();
      redis = await startRedis();
      scenario = await startReplicas({
        count: 2,
        env: { REDIS_URL: redis.url, FIREWATCH_LOCK_LEASE_MS: String(LEASE_MS) },
        handlers: timed.handlers,
        repo: { owner: "acme", name: "ops", collaborators: { alice: "write" } },
      });
      const { gh, replicas } = scenario;
      const n = gh
        .as("alice")
        .openIssue({ title: "GPU OOM", labels: ["incident", "severity:high"] });
      await gh.settle();
      expect(cards(gh.issue(n).comments)).toHaveLength(1);

      // A /note: its reaction is applied (and held there, unanswered), the card not written yet.
      const hold = gh.holdNext({
        route: "reactions/create-for-issue-comment",
        afterApplying: true,
      });
      const note = gh.as("alice").comment(n, "/note vLLM replicas restarting in a loop");
      const sentAt = Date.now();
      const settled = gh.settle();
      await hold.reached;
      const [victim] = scenario.busy();
      expect(victim).toBeDefined();
      await scenario.kill(victim!.index);
      const killedAt = Date.now();
      hold.release();
      await hold.answered;
      await settled;
      const survivor = replicas.find((r) => r.index !== victim!.index)!;

      const failed = gh.deliveries.at(-1)!;
      expect(`${failed.event}.${failed.action}:${failed.status}`).toBe("issue_comment.created:0");
      expect(gh.failures.all).toEqual([
        expect.stringMatching(/^webhook issue_comment\.created .* failed: fetch failed/),
      ]);
      gh.failures.clear();
      // What a person sees now: the reaction, but the card does not have the note.
      expect(gh.issue(n).comments.find((c) => c.id === note)!.reactions).toEqual({ "+1": 1 });
      expect(noteTexts(gh.issue(n).comments)).toEqual([]);
      // The kill landed while the lease the dead replica took was still running.
      expect(killedAt).toBeLessThan(sentAt + LEASE_MS);

      // The next event, and the redelivery of the failed one, both reach the survivor at once.
      gh.as("bob").addLabels(n, ["status:investigating"]);
      gh.redeliver(failed.id);
      const before = gh.deliveries.length;
      const askedAt = Date.now();
      await gh.settle({ burst: true });

      // Round 1 is those two; later rounds are the app's own changes coming back as webhooks.
      const after = gh.deliveries.slice(before);
      expect(after.every((d) => d.status === 200)).toBe(true);
      const burst = after.filter((d) => d.round === 1);
      expect(burst.map((d) => `${d.event}.${d.action}:${d.status}`).sort()).toEqual([
        "issue_comment.created:200",
        "issues.labeled:200",
      ]);
      expect(new Set(after.map((d) => d.target))).toEqual(new Set([survivor.webhookUrl]));
      expect(burst.find((d) => d.event === "issue_comment")!.id).toBe(failed.id);

      // The survivor got both while the dead replica's lease was still running, yet wrote nothing
      // until it ran out: the dead one took the lock at the earliest when its delivery was sent
      // (sentAt), with a lease of LEASE_MS, and nobody let go of it.
      expect(askedAt).toBeLessThan(sentAt + LEASE_MS);
      const bySurvivor = timed.writes.filter((w) => w.at > killedAt);
      expect(bySurvivor.length).toBeGreaterThan(0);
      expect(Math.min(...bySurvivor.map((w) => w.at))).toBeGreaterThanOrEqual(sentAt + LEASE_MS);

      const issue = gh.issue(n);
      expect(issue.labels.sort()).toEqual(["incident", "severity:high", "status:investigating"]);
      expect(cards(issue.comments)).toHaveLength(1);
      expect(cardOf(issue.comments)).toContain("| Status | `investigating` |");
      expect(noteTexts(issue.comments)).toEqual(["vLLM replicas restarting in a loop"]);
      expect(stateOf(issue.comments).handled).toContain(note);
      expect(issue.comments.find((c) => c.id === note)!.reactions).toEqual({ "+1": 1 });
      expect(issue.comments.filter((c) => c.user === "firewatch[bot]")).toHaveLength(1);
    });
  },
);
