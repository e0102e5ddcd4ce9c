import type { IncidentMetrics } from "./compute-metrics.js";

/**
 * Text Mermaid can always parse inside a quoted label: letters, digits and a few
 * punctuation marks; anything else (quotes, brackets, `;`, `#`, newlines) becomes a space.
 */
export function chartLabel(text: string, fallback = "unknown"): string {
  const clean = text.normalize("NFKD").replace(/[^A-Za-z0-9 ._:/+-]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 40).trim();
  return clean === "" ? fallback : clean;
}

/** A pie of incidents by severity, or undefined when there is nothing to draw. */
export function severityPie(metrics: IncidentMetrics): string | undefined {
  const slices = Object.entries(metrics.bySeverity).filter(([, n]) => n > 0);
  if (slices.length === 0) return undefined;
  return ["pie showData", "  title Incidents by severity", ...slices.map(([s, n]) => `  "${chartLabel(s)}" : ${n}`)].join("\n");
}

const HOUR = 3_600_000;

/**
 * Median MTTR per month as a bar chart (hours), for the months that have a resolved
 * incident, at most the last 24; undefined when no incident has resolved.
 */
export function mttrChart(metrics: IncidentMetrics): string | undefined {
  const months = metrics.perMonth.filter((m) => m.mttr.median !== null).slice(-24);
  if (months.length === 0) return undefined;
  const hours = months.map((m) => Math.round((m.mttr.median! / HOUR) * 10) / 10);
  const top = Math.max(1, Math.ceil(Math.max(...hours) * 1.1));
  return [
    "xychart-beta",
    '  title "Median time to resolve by month"',
    `  x-axis [${months.map((m) => `"${chartLabel(m.month)}"`).join(", ")}]`,
    `  y-axis "Hours" 0 --> ${top}`,
    `  bar [${hours.join(", ")}]`,
  ].join("\n");
}

/** Incidents per month as a bar chart; undefined without incidents. */
export function incidentsPerMonthChart(metrics: IncidentMetrics): string | undefined {
  const months = metrics.perMonth.slice(-24);
  if (metrics.count === 0 || months.length === 0) return undefined;
  const top = Math.max(1, ...months.map((m) => m.count));
  return [
    "xychart-beta",
    '  title "Incidents by month"',
    `  x-axis [${months.map((m) => `"${chartLabel(m.month)}"`).join(", ")}]`,
    `  y-axis "Incidents" 0 --> ${top}`,
    `  bar [${months.map((m) => m.count).join(", ")}]`,
  ].join("\n");
}
