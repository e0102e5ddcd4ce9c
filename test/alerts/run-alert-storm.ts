import { groupHash } from "../../src/alerts/alert-group.js";
import { readLedger } from "../../src/alerts/render-alerts-comment.js";
import type { Scenario } from "../support/harness.js";
import { alertsComment, postAlerts, stormGroup } from "./alert-requests.js";

export interface StormResult {
  groups: number;
  alerts: number;
  /** POSTs made, retries after a 503 included (Alertmanager retries 5xx). */
  posts: number;
  answered503: number;
  /** Most content-creating requests (issues and comments created) in any 60 s of virtual time. */
  maxContentPerMinute: number;
  contentRequests: number;
  /** Comments edited (the storm incident's Alerts comment, once per gathered group). */
  edits: number;
  /** Content-creating requests and edits together in the busiest minute (both are paced). */
  maxWritesPerMinute: number;
  /** Virtual ms from the storm's start until the last group's notification was answered 2xx. */
  lastReflectedMs: number;
  incidents: number;
  stormIncidents: number;
  /** Groups found on no incident, and on more than one. */
  missing: number;
  doubled: number;
}

const CONTENT_CREATING = /^\/repos\/[^/]+\/[^/]+\/issues(\/\d+\/comments)?$/;

/**
 * A storm: `groups` alert groups of `alertsPerGroup` alerts each, all sent at once as
 * Alertmanager would at the end of group_wait, each retried after a 5xx until answered 2xx.
 * Then reads back what GitHub holds: which incidents exist and which groups each one lists.
 */
export async function runAlertStorm(scenario: Scenario, groups: number, alertsPerGroup: number): Promise<StormResult> {
  const { gh, app } = scenario;
  const startedAt = gh.clock.now().getTime();
  const firstRequest = gh.requests.length;
  const payloads = Array.from({ length: groups }, (_, i) => stormGroup(i, alertsPerGroup));
  let posts = 0;
  let answered503 = 0;
  let lastReflectedMs = 0;
  await Promise.all(
    payloads.map(async (payload) => {
      for (let attempt = 1; attempt <= 50; attempt++) {
        posts++;
        const answer = await postAlerts(app, "alertmanager", payload);
        if (answer.status === 503) {
          answered503++;
          continue;
        }
        if (answer.status !== 200) throw new Error(`group ${payload.groupKey}: ${answer.status} ${JSON.stringify(answer.body)}`);
        lastReflectedMs = Math.max(lastReflectedMs, gh.clock.now().getTime() - startedAt);
        return;
      }
      throw new Error(`group ${payload.groupKey} was never answered 2xx`);
    }),
  );
  await gh.settle();

  const requests = gh.requests.slice(firstRequest);
  const content = requests.filter((r) => r.method === "POST" && CONTENT_CREATING.test(r.path)).map((r) => r.at);
  const edits = requests.filter((r) => r.method === "PATCH" && /\/issues\/comments\/\d+$/.test(r.path)).map((r) => r.at);

  const issues = [...gh.repo.issues.keys()].map((n) => gh.issue(n));
  const holders = new Map<string, number>();
  for (const issue of issues) {
    for (const g of readLedger(alertsComment(issue.comments)).groups) holders.set(g.hash, (holders.get(g.hash) ?? 0) + 1);
  }
  const hashes = payloads.map((p) => groupHash(`alertmanager:${p.groupKey}`));
  return {
    groups,
    alerts: groups * alertsPerGroup,
    posts,
    answered503,
    contentRequests: content.length,
    maxContentPerMinute: busiestMinute(content),
    edits: edits.length,
    maxWritesPerMinute: busiestMinute([...content, ...edits]),
    lastReflectedMs,
    incidents: issues.filter((i) => i.labels.includes("incident")).length,
    stormIncidents: issues.filter((i) => i.title === "Alert storm").length,
    missing: hashes.filter((h) => !holders.has(h)).length,
    doubled: hashes.filter((h) => (holders.get(h) ?? 0) > 1).length,
  };
}

/** The most timestamps within any 60 s. */
function busiestMinute(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= 60_000) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}
