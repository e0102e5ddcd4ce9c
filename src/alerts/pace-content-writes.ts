import type { GitHubClient } from "../github/client.js";
import type { Sleep } from "../github/rate-limit-retry.js";

/**
 * GitHub's secondary limit is 80 content-creating requests a minute; alert work stays at
 * 60, leaving room for what people do at the same time. Probot's throttle already spaces
 * these writes 3 s apart in production (20 a minute); this pacer is what keeps alerts under
 * the limit without it (a throttle turned off, several app instances behind one installation
 * still share GitHub's limit — those need Redis for Probot's throttle), and what the storm
 * benchmark measures on virtual time.
 */
export const ALERT_CONTENT_WRITES_PER_MINUTE = 60;

/**
 * Issues and comments created (what GitHub counts as content-creating), and comments edited:
 * a storm edits the storm incident's Alerts comment once per group, and whether GitHub counts
 * an edit is not documented, so edits are paced as if it did.
 */
const PACED = [
  { method: "POST", path: /\/issues(\/\d+\/comments)?$/ },
  { method: "PATCH", path: /\/issues\/comments\/\d+$/ },
];

export interface WritePacer {
  /** Waits for the next free slot; `onWait` hears how long, before the wait. */
  take(onWait?: (ms: number) => void): Promise<void>;
}

/** One queue per installation: each content-creating write at least 60 s / limit after the previous. */
export function createWritePacer(clock: { now: () => Date; sleep: Sleep }, perMinute = ALERT_CONTENT_WRITES_PER_MINUTE): WritePacer {
  const interval = 60_000 / perMinute;
  let last = Number.NEGATIVE_INFINITY;
  let queue: Promise<void> = Promise.resolve();
  return {
    take(onWait) {
      const turn = queue.then(async () => {
        const wait = last + interval - clock.now().getTime();
        if (wait > 0) {
          onWait?.(wait);
          await clock.sleep(wait);
        }
        last = clock.now().getTime();
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

/** Sends this client's content-creating requests through the pacer. */
export function paceContentWrites(octokit: GitHubClient, pacer: WritePacer, onWait?: (ms: number) => void): void {
  octokit.hook.before("request", async (options) => {
    const method = (options.method ?? "GET").toUpperCase();
    if (method === "GET") return;
    const path = new URL(octokit.request.endpoint.parse(options).url).pathname;
    if (PACED.some((p) => p.method === method && p.path.test(path))) await pacer.take(onWait);
  });
}
