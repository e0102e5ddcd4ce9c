import type { Severity } from "../config/schema.js";
import { parseIssueForm } from "../incident/parse-issue-form.js";
import type { LabelNames } from "../incident/label-names.js";
import { deriveStatusHistory, type IssueEvent } from "../incident/status-history.js";
import { conditionalGetAll, type RequestClient } from "./conditional-get.js";
import type { HttpCache } from "./http-cache.js";
import type { IncidentRecord } from "./incident-record.js";
import { noRequests, type RequestStats } from "./request-stats.js";

export interface LoadOptions {
  client: RequestClient;
  owner: string;
  repo: string;
  names: LabelNames;
  /** Only issues updated since then are listed (a superset of the incidents declared since). */
  since?: Date;
  /** Responses from earlier runs; without one every run costs the full price. */
  cache?: HttpCache;
  now: Date;
  /** Event lists fetched at once (GitHub allows 100 concurrent requests; stay well below). */
  concurrency?: number;
}

interface IssueSummary {
  number: number;
  title: string;
  url: string;
  state: "open" | "closed";
  labels: string[];
  createdAt: string;
  updatedAt: string;
  services: string[];
  detectedAt?: string;
}

const EVENTS = new Set(["labeled", "unlabeled", "closed", "reopened"]);
const eventsKey = (owner: string, repo: string, n: number) => `firewatch:events:${owner}/${repo}#${n}`;

/**
 * Loads every incident of a repository with as few requests as GitHub allows: one listing
 * (100 issues a page) and one event list per incident the first time; after that the
 * listing is asked conditionally (unchanged pages are 304s, free against the rate limit)
 * and the events of an issue whose `updated_at` has not moved are not asked for at all.
 */
export async function loadIncidentRecords(options: LoadOptions): Promise<{ records: IncidentRecord[]; stats: RequestStats }> {
  const { client, owner, repo, names, cache, now } = options;
  const stats = noRequests();
  const query = new URLSearchParams({ labels: names.incident, state: "all", sort: "created", direction: "asc", per_page: "100" });
  // Whole days, so the URL (and its cached ETag) stays the same across runs on one day.
  if (options.since) query.set("since", `${options.since.toISOString().slice(0, 10)}T00:00:00Z`);
  const path = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  const issues = await conditionalGetAll(client, `${path}/issues?${query}`, (item) => pickIssue(item, now), cache, stats);

  const records: IncidentRecord[] = new Array<IncidentRecord>(issues.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < issues.length; i = next++) {
      const issue = issues[i]!;
      const events = await loadEvents(options, `${path}/issues/${issue.number}/events?per_page=100`, issue, stats);
      records[i] = toRecord(issue, events, names);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, 50)) }, worker));
  return { records, stats };
}

async function loadEvents(options: LoadOptions, url: string, issue: IssueSummary, stats: RequestStats): Promise<IssueEvent[]> {
  const { client, cache, owner, repo } = options;
  const key = eventsKey(owner, repo, issue.number);
  const cached = (await cache?.get(key))?.data as { updatedAt: string; events: IssueEvent[] } | undefined;
  if (cached && cached.updatedAt === issue.updatedAt) {
    stats.skipped++;
    return cached.events;
  }
  const events = await conditionalGetAll(client, url, pickEvent, cache, stats);
  await cache?.set(key, { data: { updatedAt: issue.updatedAt, events } });
  return events;
}

function toRecord(issue: IssueSummary, events: readonly IssueEvent[], names: LabelNames): IncidentRecord {
  const history = deriveStatusHistory(events, names);
  const severity = issue.labels.map((l) => names.parseSeverity(l)).find((s): s is Severity => s !== undefined);
  return {
    number: issue.number,
    title: issue.title,
    url: issue.url,
    state: issue.state,
    severity,
    services: issue.services,
    createdAt: issue.createdAt,
    detectedAt: issue.detectedAt,
    declaredAt: history.declaredAt ?? issue.createdAt,
    acknowledgedAt: history.acknowledgedAt,
    resolvedAt: history.resolvedAt,
  };
}

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

function pickIssue(item: unknown, now: Date): IssueSummary | undefined {
  const i = item as Json;
  if (typeof i.number !== "number" || i.pull_request) return undefined;
  const form = parseIssueForm(str(i.body) ?? "", now);
  const labels = Array.isArray(i.labels) ? i.labels.map((l) => (typeof l === "string" ? l : str((l as Json).name))).filter((l): l is string => !!l) : [];
  return {
    number: i.number,
    title: str(i.title) ?? "",
    url: str(i.html_url) ?? "",
    state: i.state === "closed" ? "closed" : "open",
    labels,
    createdAt: str(i.created_at) ?? "",
    updatedAt: str(i.updated_at) ?? "",
    services: form.services,
    ...(form.detectedAt && { detectedAt: form.detectedAt }),
  };
}

function pickEvent(item: unknown): IssueEvent | undefined {
  const e = item as Json;
  const event = str(e.event);
  const createdAt = str(e.created_at);
  if (!event || !createdAt || !EVENTS.has(event)) return undefined;
  const actor = e.actor as Json | null | undefined;
  const label = e.label as Json | null | undefined;
  return {
    event,
    created_at: createdAt,
    actor: actor ? { login: str(actor.login) ?? "ghost", type: str(actor.type) } : null,
    label: label ? { name: str(label.name) ?? "" } : null,
  };
}
