/**
 * Part A of `bench/webhook-cost.ts`: one measured phase of signed webhooks POSTed to one app
 * process, and the medians over rounds.
 */
import type { GitHubStandIn } from "../../test/support/github/github-stand-in.js";
import type { RequestRecord } from "../../test/support/github/http/api-request-handler.js";
import type { AppChild } from "./app-child.js";
import { githubCost } from "../../test/support/github-cost.js";
import { postWebhooks, type WebhookLoad } from "./webhook-load.js";

export interface Phase {
  delivered: number;
  /** Deliveries answered per second of wall-clock time. */
  perSecond: number;
  /** CPU of the app's own process per webhook. */
  cpuMs: number;
  /** CPU of this process per webhook: the stand-in answering the app, the load generator sending. */
  standInCpuMs: number;
  /** Requests per webhook counted against the installation. */
  requests: number;
}

/**
 * The `issues.labeled` payload for an ordinary issue given the `bug` label, as the stand-in
 * builds it from @octokit/webhooks-examples, delivered (with its `opened`) to the app that
 * `gh.webhookTarget` points at; with the requests that app made for the two.
 */
export async function ignoredLabeledPayload(
  gh: GitHubStandIn,
): Promise<{ payload: Record<string, unknown>; requests: RequestRecord[] }> {
  const requestsBefore = gh.requests.length;
  const alice = gh.as("alice");
  const issue = alice.openIssue({
    title: "Typo in the quick start",
    body: "`npm start` is spelled `npm strat`.",
  });
  alice.addLabels(issue, ["bug"]);
  await gh.settle();
  const delivery = gh.deliveries.find((d) => d.event === "issues" && d.action === "labeled");
  if (!delivery) throw new Error("the stand-in delivered no issues.labeled");
  return { payload: delivery.payload, requests: gh.requests.slice(requestsBefore) };
}

export async function measurePhase(
  gh: GitHubStandIn,
  app: AppChild,
  load: Omit<WebhookLoad, "url">,
): Promise<Phase> {
  const requestsBefore = gh.requests.length;
  const appCpu = await app.cpuMicros();
  const ownCpu = process.cpuUsage();
  const { delivered, ms, failures } = await postWebhooks({ ...load, url: app.webhookUrl });
  const own = process.cpuUsage(ownCpu);
  const appCpuMs = ((await app.cpuMicros()) - appCpu) / 1000;
  if (failures.length > 0) {
    throw new Error(`${app.kind}: ${failures.length} deliveries failed, e.g. ${failures[0]}`);
  }
  const cost = githubCost(gh.requests.slice(requestsBefore));
  return {
    delivered,
    perSecond: delivered / (ms / 1000),
    cpuMs: appCpuMs / delivered,
    standInCpuMs: (own.user + own.system) / 1000 / delivered,
    requests: (cost.reads + cost.writes) / delivered,
  };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Each figure's median over the rounds (taken figure by figure). */
export function medianPhase(phases: Phase[]): Phase {
  const m = (key: keyof Phase) => median(phases.map((p) => p[key]));
  return {
    delivered: m("delivered"),
    perSecond: m("perSecond"),
    cpuMs: m("cpuMs"),
    standInCpuMs: m("standInCpuMs"),
    requests: m("requests"),
  };
}
