import type { LabelNames } from "./label-names.js";
import { statusRank, type Status } from "./lifecycle.js";

/** The slice of a GitHub issue event (`GET …/issues/{n}/events`) the lifecycle needs. */
export interface IssueEvent {
  id?: number;
  event: string;
  created_at: string;
  actor?: { login: string; type?: string } | null;
  label?: { name: string } | null;
}

export interface StatusEntry {
  status: Status;
  at: string;
  by: string;
  regression: boolean;
}

export interface IncidentTimes {
  /** When the issue became an incident (the `incident` label, or the issue's creation with it). */
  declaredAt?: string;
  /** The first move out of `detected` (MTTA ends here). */
  acknowledgedAt?: string;
  /** The move to `resolved` that still stands (MTTR ends here); unset while the incident is open again. */
  resolvedAt?: string;
}

export interface StatusHistory extends IncidentTimes {
  entries: StatusEntry[];
  current?: Status;
}

const isBot = (e: IssueEvent) => e.actor?.type === "Bot";

/**
 * Recomputes an incident's status history from GitHub's own issue events, so times are
 * what GitHub recorded, not when the app happened to run. A status label that a bot took
 * away again before any other status change was a refused transition and does not count;
 * closing means `resolved` and reopening means `investigating`.
 */
export function deriveStatusHistory(
  events: readonly IssueEvent[],
  names: LabelNames,
): StatusHistory {
  const ordered = [...events].sort((a, b) => a.created_at.localeCompare(b.created_at));
  const entries: StatusEntry[] = [];
  let declaredAt: string | undefined;
  const push = (status: Status, e: IssueEvent) => {
    const current = entries.at(-1)?.status;
    if (current === status) return;
    const regression = current !== undefined && statusRank(status) < statusRank(current);
    entries.push({ status, at: e.created_at, by: e.actor?.login ?? "ghost", regression });
  };
  ordered.forEach((e, i) => {
    if (e.event === "labeled" && e.label?.name === names.incident) declaredAt ??= e.created_at;
    if (e.event === "closed") return push("resolved", e);
    if (e.event === "reopened") return push("investigating", e);
    if (e.event !== "labeled" || !e.label) return;
    const status = names.parseStatus(e.label.name);
    if (!status || wasRefused(ordered, i, names)) return;
    push(status, e);
  });
  const current = entries.at(-1)?.status;
  const ack = entries.find((x) => x.status !== "detected");
  const lastResolve = [...entries].reverse().find((x) => x.status === "resolved");
  const stillResolved = current === "resolved" || current === "post-incident";
  return {
    entries,
    current,
    declaredAt: declaredAt ?? entries[0]?.at,
    acknowledgedAt: ack?.at,
    resolvedAt: stillResolved ? lastResolve?.at : undefined,
  };
}

function wasRefused(events: readonly IssueEvent[], index: number, names: LabelNames): boolean {
  const added = events[index]!.label!.name;
  for (const e of events.slice(index + 1)) {
    if (e.event === "closed" || e.event === "reopened") return false;
    if (!e.label || !names.isStatusLabel(e.label.name)) continue;
    return e.event === "unlabeled" && e.label.name === added && isBot(e);
  }
  return false;
}

/** The label among `present` that GitHub's events show was added last. */
export function newestLabel(
  events: readonly IssueEvent[],
  present: readonly string[],
): string | undefined {
  let newest: { name: string; at: string } | undefined;
  for (const e of events) {
    const name = e.event === "labeled" ? e.label?.name : undefined;
    if (name && present.includes(name) && (!newest || e.created_at >= newest.at))
      newest = { name, at: e.created_at };
  }
  return newest?.name;
}

export interface StatusCredit {
  status: string;
  by: string;
  at: string;
}

/**
 * The app makes the label changes that commands ask for, so GitHub records the app as
 * their actor. Each such entry is credited to the person whose command asked for it: the
 * latest credit for that status made at or before the change.
 */
export function creditStatusHistory(
  history: StatusHistory,
  credits: readonly StatusCredit[],
): StatusHistory {
  if (credits.length === 0) return history;
  const entries = history.entries.map((entry) => {
    if (!entry.by.endsWith("[bot]")) return entry;
    const credit = credits.filter((c) => c.status === entry.status && c.at <= entry.at).at(-1);
    return credit ? { ...entry, by: credit.by } : entry;
  });
  return { ...history, entries };
}
