import { formatDuration } from "../time/duration.js";
import { tableCell } from "../markdown/index.js";
import type { IncidentMetrics } from "./compute-metrics.js";
import { incidentsPerMonthChart, mttrChart, severityPie } from "./mermaid-charts.js";
import type { RequestStats } from "./request-stats.js";
import type { DurationSummary } from "./summarize-durations.js";

export interface ReportContext {
  /** `owner/name`, shown in the title. */
  repo?: string;
  generatedAt: Date;
  /** What the API calls behind the report cost. */
  requests?: RequestStats;
  /**
   * Link the slowest incidents to their issues. Off for comments: a link to an issue in a
   * comment adds a "mentioned" event to that issue's timeline.
   */
  links?: boolean;
}

const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
const chart = (source: string | undefined) => (source ? ["", "```mermaid", source, "```"] : []);
const percent = (x: number | null) => (x === null ? "—" : `${Math.round(x * 1000) / 10}%`);
const d = (ms: number | null) => formatDuration(ms ?? undefined);
const times = (name: string, what: string, s: DurationSummary) => [name, what, String(s.count), d(s.mean), d(s.median), d(s.p90)];

/** The metrics report as GitHub-flavoured Markdown with Mermaid charts. User text (titles) is made safe. */
export function renderMetricsMarkdown(m: IncidentMetrics, ctx: ReportContext): string {
  const scope = m.since ? `since ${m.since.slice(0, 10)}` : "all time";
  const lines = [
    `## Incident metrics${ctx.repo ? ` for ${tableCell(ctx.repo)}` : ""}`,
    "",
    `${m.count} incident${m.count === 1 ? "" : "s"}, ${scope}; generated ${ctx.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    "",
    table(["incidents", "open", "resolved", "resolution rate"], [[String(m.count), String(m.open), String(m.resolved), percent(m.resolutionRate)]]),
    "",
    "### Response times",
    "",
    table(["", "from → to", "incidents", "mean", "median", "p90"], [
      times("MTTD", "detected → declared", m.mttd),
      times("MTTA", "declared → acknowledged", m.mtta),
      times("MTTR", "declared → resolved", m.mttr),
    ]),
    "",
    "Times come from the issues' label and close events. p90 is the nearest-rank 90th percentile; MTTD counts only incidents whose form gave \"Detected at\"." +
      (m.negativeDurations > 0 ? ` ${m.negativeDurations} duration(s) that ended before they began were left out.` : ""),
    "",
    "### By severity",
    "",
    table(["severity", "incidents"], Object.entries(m.bySeverity).map(([s, n]) => [s, String(n)])),
    ...chart(severityPie(m)),
    "",
    "### By service",
    "",
    m.byService.length === 0 ? "No incidents." : table(["service", "incidents"], m.byService.slice(0, 20).map((s) => [tableCell(s.service), String(s.count)])),
    "",
    "### Over time",
    "",
    table(["month", "incidents", "median MTTR"], m.perMonth.slice(-12).map((x) => [x.month, String(x.count), d(x.mttr.median)])),
    ...chart(incidentsPerMonthChart(m)),
    ...chart(mttrChart(m)),
    "",
    table(["ISO week", "incidents"], m.perWeek.slice(-12).map((w) => [w.week, String(w.count)])),
    "",
    "### Slowest to resolve",
    "",
    m.slowest.length === 0
      ? "No resolved incidents."
      : table(["incident", "severity", "time to resolve", "title"], m.slowest.map((s) => [
          ctx.links ? `[${s.number}](${s.url})` : `\`${s.number}\``,
          s.severity ?? "—",
          formatDuration(s.timeToResolve),
          tableCell(s.title),
        ])),
  ];
  if (ctx.requests) {
    const r = ctx.requests;
    lines.push("", `<sub>Built with ${r.requests} API request${r.requests === 1 ? "" : "s"}, ${r.notModified} of them answered 304 Not Modified (free against the rate limit); ${r.skipped} event list${r.skipped === 1 ? "" : "s"} reused unchanged.</sub>`);
  }
  return lines.join("\n") + "\n";
}
