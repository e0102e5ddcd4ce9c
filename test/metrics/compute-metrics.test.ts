import { describe, expect, it } from "vitest";
import { isoWeek } from "../../src/metrics/calendar-keys.js";
import { computeMetrics } from "../../src/metrics/compute-metrics.js";
import type { IncidentRecord } from "../../src/metrics/incident-record.js";
import { summarizeDurations } from "../../src/metrics/summarize-durations.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

function incident(number: number, declaredAt: string, o: { ack: number; resolve?: number; detect?: number; severity?: IncidentRecord["severity"]; services?: string[] }): IncidentRecord {
  return {
    number,
    title: `Incident ${number}`,
    url: `https://github.com/acme/llm/issues/${number}`,
    state: o.resolve === undefined ? "open" : "closed",
    severity: o.severity,
    services: o.services ?? [],
    createdAt: declaredAt,
    declaredAt,
    detectedAt: o.detect === undefined ? undefined : plus(declaredAt, -o.detect),
    acknowledgedAt: plus(declaredAt, o.ack),
    resolvedAt: o.resolve === undefined ? undefined : plus(declaredAt, o.resolve),
  };
}

const records = [
  incident(1, "2026-01-05T10:00:00.000Z", { ack: 10 * MIN, resolve: 2 * HOUR, detect: 30 * MIN, severity: "critical", services: ["inference", "gateway"] }),
  incident(2, "2026-01-07T12:00:00.000Z", { ack: 20 * MIN, resolve: 4 * HOUR, severity: "high", services: ["inference"] }),
  incident(3, "2026-01-20T00:00:00.000Z", { ack: 30 * MIN, resolve: 1 * HOUR, severity: "high" }),
  incident(4, "2026-02-02T09:00:00.000Z", { ack: 40 * MIN, detect: 60 * MIN }),
  incident(5, "2025-12-29T08:00:00.000Z", { ack: 50 * MIN, resolve: 8 * HOUR, severity: "medium" }),
];

describe("computeMetrics on hand-made incidents", () => {
  const m = computeMetrics(records);

  it("counts and rates", () => {
    expect(m).toMatchObject({ count: 5, open: 1, resolved: 4, resolutionRate: 0.8 });
    expect(m.bySeverity).toEqual({ critical: 1, high: 2, medium: 1, low: 0, unknown: 1 });
    expect(m.byService).toEqual([
      { service: "(none)", count: 3 },
      { service: "inference", count: 2 },
      { service: "gateway", count: 1 },
    ]);
  });

  it("MTTA, MTTR and MTTD: mean, median, nearest-rank p90", () => {
    expect(m.mtta).toEqual({ count: 5, mean: 30 * MIN, median: 30 * MIN, p90: 50 * MIN });
    expect(m.mttr).toEqual({ count: 4, mean: 3.75 * HOUR, median: 3 * HOUR, p90: 8 * HOUR });
    expect(m.mttd).toEqual({ count: 2, mean: 45 * MIN, median: 45 * MIN, p90: 60 * MIN });
  });

  it("incidents per ISO week, empty weeks included, and per month with MTTR", () => {
    expect(m.perWeek).toEqual([
      { week: "2026-W01", count: 1 },
      { week: "2026-W02", count: 2 },
      { week: "2026-W03", count: 0 },
      { week: "2026-W04", count: 1 },
      { week: "2026-W05", count: 0 },
      { week: "2026-W06", count: 1 },
    ]);
    expect(m.perMonth.map((x) => [x.month, x.count, x.mttr.median])).toEqual([
      ["2025-12", 1, 8 * HOUR],
      ["2026-01", 3, 2 * HOUR],
      ["2026-02", 1, null],
    ]);
  });

  it("lists the slowest to resolve first", () => {
    expect(m.slowest.map((s) => [s.number, s.timeToResolve])).toEqual([[5, 8 * HOUR], [2, 4 * HOUR], [1, 2 * HOUR], [3, 1 * HOUR]]);
  });

  it("keeps only incidents declared since a date, and extends the series to now", () => {
    const since = computeMetrics(records, { since: new Date("2026-01-06T00:00:00Z"), now: new Date("2026-02-20T00:00:00Z") });
    expect(since.count).toBe(3);
    expect(since.perWeek[0]).toEqual({ week: "2026-W02", count: 1 });
    expect(since.perWeek.at(-1)).toEqual({ week: "2026-W08", count: 0 });
  });

  it("leaves out a detection after the declaration and says so", () => {
    const odd = computeMetrics([incident(9, "2026-01-01T00:00:00Z", { ack: MIN, detect: -HOUR })]);
    expect(odd.mttd.count).toBe(0);
    expect(odd.negativeDurations).toBe(1);
  });

  it("has nulls, not NaN, without incidents", () => {
    const none = computeMetrics([]);
    expect(none).toMatchObject({ count: 0, resolutionRate: null, perWeek: [], perMonth: [], slowest: [] });
    expect(none.mttr).toEqual({ count: 0, mean: null, median: null, p90: null });
  });
});

describe("summarizeDurations", () => {
  it.each([
    [[7], 7, 7, 7],
    [[1, 2], 1.5, 1.5, 2],
    [[3, 1, 2], 2, 2, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 5.5, 9],
    [Array.from({ length: 20 }, (_, i) => i + 1), 10.5, 10.5, 18],
  ])("%j → mean %d, median %d, p90 %d", (values, mean, median, p90) => {
    expect(summarizeDurations(values)).toEqual({ count: values.length, mean, median, p90 });
  });
});

describe("isoWeek", () => {
  it.each([
    ["2026-01-01T12:00:00Z", "2026-W01"],
    ["2025-12-29T00:00:00Z", "2026-W01"],
    ["2027-01-01T00:00:00Z", "2026-W53"],
    ["2021-01-03T23:59:59Z", "2020-W53"],
    ["2024-12-30T00:00:00Z", "2025-W01"],
    ["2026-11-26T13:00:00Z", "2026-W48"],
  ])("%s is %s", (iso, week) => {
    expect(isoWeek(iso)).toBe(week);
  });
});
