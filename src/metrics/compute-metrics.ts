import { SEVERITIES } from "../config/schema.js";
import { isoWeek, monthKey, monthsBetween, weeksBetween } from "./calendar-keys.js";
import type { IncidentRecord } from "./incident-record.js";
import { summarizeDurations, type DurationSummary } from "./summarize-durations.js";

export interface SlowIncident {
  number: number;
  title: string;
  url: string;
  severity?: string;
  /** Declared → resolved, in milliseconds. */
  timeToResolve: number;
}

export interface IncidentMetrics {
  /** Incidents declared at or after this instant (all incidents when absent). */
  since?: string;
  count: number;
  open: number;
  resolved: number;
  /** resolved / count; null without incidents. */
  resolutionRate: number | null;
  /** Every severity (and `unknown`), including zeros. */
  bySeverity: Record<string, number>;
  /** Services by incident count, most first; an incident counts once for each service it names; `(none)` for none. */
  byService: { service: string; count: number }[];
  /** Detected (the form's "Detected at") → declared. */
  mttd: DurationSummary;
  /** Declared → acknowledged (the first move out of `detected`). */
  mtta: DurationSummary;
  /** Declared → resolved. */
  mttr: DurationSummary;
  /** Durations left out because they ended before they began (a "Detected at" after the declaration, say). */
  negativeDurations: number;
  /** Incidents per ISO week (UTC), from `since` (or the first incident) to `now` (or the last), empty weeks included. */
  perWeek: { week: string; count: number }[];
  /** Incidents per month (UTC), over the same range, with the MTTR of those declared in the month and since resolved. */
  perMonth: { month: string; count: number; mttr: DurationSummary }[];
  /** The incidents that took longest to resolve, slowest first (at most 10). */
  slowest: SlowIncident[];
}

export interface MetricsOptions {
  /** Only incidents declared (or, without a declaration, opened) at or after this instant. */
  since?: Date;
  /** The end of the weekly and monthly series (the last incident when absent). */
  now?: Date;
  /** How many slow incidents to list. */
  slowest?: number;
}

const anchor = (r: IncidentRecord) => r.declaredAt ?? r.createdAt;

/** The incident metrics of a repository, from its incident records. Pure. */
export function computeMetrics(all: readonly IncidentRecord[], options: MetricsOptions = {}): IncidentMetrics {
  const sinceMs = options.since?.getTime();
  const records = all
    .filter((r) => sinceMs === undefined || Date.parse(anchor(r)) >= sinceMs)
    .sort((a, b) => anchor(a).localeCompare(anchor(b)) || a.number - b.number);
  let negativeDurations = 0;
  const span = (from: string | undefined, to: string | undefined): number | undefined => {
    if (!from || !to) return undefined;
    const ms = Date.parse(to) - Date.parse(from);
    if (Number.isNaN(ms)) return undefined;
    if (ms < 0) negativeDurations++;
    return ms >= 0 ? ms : undefined;
  };
  const durations = (pick: (r: IncidentRecord) => number | undefined, of = records) =>
    of.map(pick).filter((v): v is number => v !== undefined);
  const ttr = (r: IncidentRecord) => {
    const ms = r.declaredAt && r.resolvedAt ? Date.parse(r.resolvedAt) - Date.parse(r.declaredAt) : NaN;
    return ms >= 0 ? ms : undefined;
  };

  const resolved = records.filter((r) => r.resolvedAt !== undefined || r.state === "closed").length;
  const bySeverity: Record<string, number> = Object.fromEntries([...SEVERITIES, "unknown"].map((s) => [s, 0]));
  const services = new Map<string, number>();
  for (const r of records) {
    bySeverity[r.severity ?? "unknown"]! += 1;
    for (const s of r.services.length > 0 ? new Set(r.services) : ["(none)"]) services.set(s, (services.get(s) ?? 0) + 1);
  }

  const first = options.since?.toISOString() ?? (records[0] && anchor(records[0]));
  const last = options.now?.toISOString() ?? (records.at(-1) && anchor(records.at(-1)!));
  const weekCounts = countBy(records, (r) => isoWeek(anchor(r)));
  const byMonth = new Map<string, IncidentRecord[]>();
  for (const r of records) {
    const key = monthKey(anchor(r));
    byMonth.set(key, byMonth.get(key) ?? []).get(key)!.push(r);
  }
  const perWeek = first && last && first <= last ? weeksBetween(first, last).map((week) => ({ week, count: weekCounts.get(week) ?? 0 })) : [];
  const perMonth =
    first && last && first <= last
      ? monthsBetween(first, last).map((month) => {
          const inMonth = byMonth.get(month) ?? [];
          return { month, count: inMonth.length, mttr: summarizeDurations(durations(ttr, inMonth)) };
        })
      : [];

  return {
    since: options.since?.toISOString(),
    count: records.length,
    open: records.length - resolved,
    resolved,
    resolutionRate: records.length === 0 ? null : resolved / records.length,
    bySeverity,
    byService: [...services].map(([service, count]) => ({ service, count })).sort((a, b) => b.count - a.count || (a.service < b.service ? -1 : 1)),
    mttd: summarizeDurations(durations((r) => span(r.detectedAt, r.declaredAt))),
    mtta: summarizeDurations(durations((r) => span(r.declaredAt, r.acknowledgedAt))),
    mttr: summarizeDurations(durations((r) => span(r.declaredAt, r.resolvedAt))),
    negativeDurations,
    perWeek,
    perMonth,
    slowest: records
      .flatMap((r) => {
        const t = ttr(r);
        return t === undefined ? [] : [{ number: r.number, title: r.title, url: r.url, severity: r.severity, timeToResolve: t }];
      })
      .sort((a, b) => b.timeToResolve - a.timeToResolve || a.number - b.number)
      .slice(0, options.slowest ?? 10),
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
