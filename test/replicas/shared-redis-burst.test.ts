/**
 * Issue 8, part 5: two Firewatch processes behind a load balancer, sharing one real Redis,
 * get the bursts of test/incident/concurrency.test.ts — every delivery twice, both copies at
 * the same moment, each POST landing on a replica picked at random (seeded) — and the
 * incident ends up exactly as with one process.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { GitHubStandIn } from "../support/github/github-stand-in.js";
import { startRedis, type RedisServer } from "../support/redis-server.js";
import { startReplicas, type ReplicaScenario } from "../support/replicas.js";
import {
  cardOf,
  cards,
  CONFIG,
  CRITICAL_RUNBOOK,
  FORM_BODY,
  noteTexts,
  printSeedsOnFailure,
  replicaSeed,
  stateOf,
} from "./support.js";

const SPLIT_SEED = replicaSeed();

describe(
  "two replicas sharing one Redis, every delivery twice at the same moment, split at random between them",
  { timeout: 60_000 },
  () => {
    let redis: RedisServer | undefined;
    let scenario: ReplicaScenario | undefined;
    let gh: GitHubStandIn;
    /** Each test has its own repository (its own config); all share the replicas and Redis. */
    const repo = (name: string, files: Record<string, string>) =>
      gh.addRepository({ owner: "acme", name, files, collaborators: { alice: "write" } });

    beforeAll(async () => {
      redis = await startRedis();
      scenario = await startReplicas({
        count: 2,
        env: { REDIS_URL: redis.url },
        pick: { pick: "random", seed: SPLIT_SEED },
      });
      gh = scenario.gh;
    }, 90_000);

    afterAll(async () => {
      try {
        await scenario?.stop();
      } finally {
        await redis?.stop();
      }
    });

    let deliveredBefore = 0;
    afterEach(() => {
      // The stand-in is shared: its failures are checked (and forgotten) after each test.
      const failures = [...gh.failures.all];
      gh.failures.clear();
      expect(failures).toEqual([]);
      deliveredBefore = gh.deliveries.length;
    });

    /** Both replicas took part in this test's deliveries, and every POST was answered 200. */
    const expectBothReplicasAnsweredEverything = () => {
      const mine = gh.deliveries.slice(deliveredBefore);
      expect(mine.map((d) => d.status).filter((s) => s !== 200)).toEqual([]);
      expect(new Set(mine.map((d) => d.target))).toEqual(
        new Set(scenario!.replicas.map((r) => r.webhookUrl)),
      );
    };

    it("six label changes at once: the latest status and severity stand, one 'Labels changed at the same moment' note, the card agrees", async () => {
      printSeedsOnFailure(gh, SPLIT_SEED);
      const ops = repo("labels", { ".github/firewatch.yml": CONFIG });
      const n = gh
        .as("alice", ops)
        .openIssue({ title: "GPU OOM", labels: ["incident", "severity:high"] });
      await gh.settle();

      const clicks: [string, string][] = [
        ["alice", "status:investigating"],
        ["bob", "severity:critical"],
        ["carol", "status:identified"],
        ["dave", "severity:medium"],
        ["erin", "status:containing"],
        ["frank", "severity:low"],
      ];
      for (const [who, label] of clicks) gh.as(who, ops).addLabels(n, [label]);
      await gh.settle({ burst: true, twice: "together" });

      const issue = gh.issue(n, ops);
      expect(issue.labels.sort()).toEqual(["incident", "severity:low", "status:containing"]);
      expect(cards(issue.comments)).toHaveLength(1);
      const card = cardOf(issue.comments);
      expect(card).toContain("| Status | `containing` |");
      expect(card).toContain("| Severity | `low` |");
      const notes = issue.comments.filter((c) =>
        c.body.includes("Labels changed at the same moment"),
      );
      expect(notes).toHaveLength(1);
      expect(notes[0]!.body).toContain("`status:containing` (@erin)");
      expect(notes[0]!.body).toContain("`severity:critical` (@bob)");
      expect(
        issue.comments.filter((c) => c.body.includes("Escalated to **critical**")),
      ).toHaveLength(0);
      expectBothReplicasAnsweredEverything();
    });

    it("opened and labeled of a critical incident form at once: one card, one escalation, one runbook execution", async () => {
      printSeedsOnFailure(gh, SPLIT_SEED);
      const ops = repo("form", {
        ".github/firewatch.yml": CONFIG,
        ".github/runbooks/page-gpu-team.yml": CRITICAL_RUNBOOK,
      });
      const n = gh
        .as("alice", ops)
        .openIssue({ title: "[Incident] GPU OOM", body: FORM_BODY, labels: ["incident"] });
      await gh.settle({ burst: true, twice: "together" });

      const issue = gh.issue(n, ops);
      expect(issue.labels.sort()).toEqual(["incident", "severity:critical", "status:detected"]);
      expect(cards(issue.comments)).toHaveLength(1);
      expect(
        issue.comments.filter((c) => c.body.includes("Escalated to **critical**")),
      ).toHaveLength(1);
      expect(issue.comments.filter((c) => c.body.includes("firewatch:key runbook:"))).toHaveLength(
        1,
      );
      expectBothReplicasAnsweredEverything();
    });

    it("three /note commands at once: nothing lost, nothing twice, every comment id in the card's handled", async () => {
      printSeedsOnFailure(gh, SPLIT_SEED);
      const ops = repo("notes", {});
      const n = gh
        .as("alice", ops)
        .openIssue({ title: "GPU OOM", labels: ["incident", "severity:high"] });
      await gh.settle();

      const ids = [
        gh.as("alice", ops).comment(n, "/note vLLM replicas restarting in a loop"),
        gh.as("alice", ops).comment(n, "/note KV cache at 100% before each crash"),
        gh.as("alice", ops).comment(n, "/note rolled back to the previous model build"),
      ];
      await gh.settle({ burst: true, twice: "together" });

      const issue = gh.issue(n, ops);
      expect(cards(issue.comments)).toHaveLength(1);
      expect(noteTexts(issue.comments)).toEqual([
        "KV cache at 100% before each crash",
        "rolled back to the previous model build",
        "vLLM replicas restarting in a loop",
      ]);
      expect(stateOf(issue.comments).handled).toEqual(expect.arrayContaining(ids));
      for (const id of ids)
        expect(issue.comments.find((c) => c.id === id)!.reactions).toEqual({ "+1": 1 });
      // No reply either: a /note that worked is answered with its reaction only.
      expect(issue.comments.filter((c) => c.user === "firewatch[bot]")).toHaveLength(1);
      expectBothReplicasAnsweredEverything();
    });
  },
);
