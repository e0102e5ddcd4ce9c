/**
 * Issue 8, part 6: a delivery may hold its incident's lock longer than GitHub waits for an
 * answer. Probot answers "202 still processing" after 9 s and keeps running the handler; a
 * second delivery for the same incident waits for the lock all that time, is answered 202 as
 * well (not an error: GitHub shows it delivered), and runs once the first is done. One process
 * with memory coordination is enough: the waiting is the same as across replicas.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startFirewatch } from "../support/firewatch.js";
import type { Scenario } from "../support/harness.js";
import { cards, cardOf, noteTexts, stateOf } from "./support.js";

/** Resolves once the stand-in got no request for `ms` in a row. */
async function quiet(gh: Scenario["gh"], ms: number): Promise<void> {
  for (let seen = -1; seen !== gh.requests.length;) {
    seen = gh.requests.length;
    await sleep(ms);
  }
}

/** Probot's webhook middleware answers 202 after this long (@octokit/webhooks' default). */
const WEBHOOK_BUDGET_MS = 9_000;

describe("a lock held longer than the webhook's time budget", { timeout: 30_000 }, () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("the delivery waiting for it is answered 202, not an error; after release both complete, one after the other, nothing written twice", async () => {
    scenario = await startFirewatch({ collaborators: { alice: "write" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "GPU OOM", labels: ["incident", "severity:high"] });
    await gh.settle();
    expect(cards(gh.issue(n).comments)).toHaveLength(1);

    // A /note and a status change at the same moment; whichever takes the lock first is held
    // at its card write (GitHub being slow), with the other one waiting for the lock.
    const hold = gh.holdNext("issues/update-comment");
    const note = gh.as("alice").comment(n, "/note vLLM replicas restarting in a loop");
    gh.as("bob").addLabels(n, ["status:investigating"]);
    const before = gh.deliveries.length;
    const sentAt = Date.now();
    const settled = gh.settle({ burst: true });
    await hold.reached;
    const requestsAtHold = gh.requests.length;

    await settled; // both POSTs are answered (after 9 s), while the handlers still run
    await sleep(Math.max(0, sentAt + WEBHOOK_BUDGET_MS + 1_000 - Date.now()));
    const burst = gh.deliveries.slice(before).filter((d) => d.round === 1);
    expect(burst.map((d) => `${d.event}.${d.action}:${d.status}`).sort()).toEqual([
      "issue_comment.created:202",
      "issues.labeled:202",
    ]);
    // Never two writers: while the holder was stuck, more than 9 s, nothing else wrote.
    expect(gh.requests.slice(requestsAtHold).filter((r) => r.method !== "GET")).toEqual([]);
    hold.release();
    await hold.answered;

    // Both finish on their own, after their webhooks were answered: labels and card show both,
    // and then nothing more is asked of GitHub (their handlers returned).
    await vi.waitFor(
      () => {
        const issue = gh.issue(n);
        expect(issue.labels.sort()).toEqual(["incident", "severity:high", "status:investigating"]);
        expect(noteTexts(issue.comments)).toEqual(["vLLM replicas restarting in a loop"]);
        expect(cardOf(issue.comments)).toContain("| Status | `investigating` |");
        expect(issue.comments.find((c) => c.id === note)!.reactions).toEqual({ "+1": 1 });
      },
      { timeout: 5_000, interval: 50 },
    );
    await quiet(gh, 500);
    await gh.settle(); // the app's own changes, coming back as webhooks

    const issue = gh.issue(n);
    expect(issue.labels.sort()).toEqual(["incident", "severity:high", "status:investigating"]);
    expect(cards(issue.comments)).toHaveLength(1);
    expect(issue.comments.filter((c) => c.user === "firewatch[bot]")).toHaveLength(1);
    expect(stateOf(issue.comments).handled).toContain(note);
    const writes = gh.requests
      .slice(requestsAtHold)
      .filter((r) => r.method !== "GET")
      .map((r) => r.operationId);
    expect(
      writes.filter((w) => w === "reactions/create-for-issue-comment").length,
    ).toBeLessThanOrEqual(1);
    expect(writes.filter((w) => w === "issues/create-comment")).toEqual([]);
    expect(
      gh.deliveries
        .slice(before)
        .filter((d) => d.round !== 1)
        .every((d) => d.status === 200),
    ).toBe(true);
  });
});
