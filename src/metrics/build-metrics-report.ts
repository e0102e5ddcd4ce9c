import type { LabelNames } from "../incident/label-names.js";
import { computeMetrics, type IncidentMetrics } from "./compute-metrics.js";
import type { RequestClient } from "./conditional-get.js";
import type { HttpCache } from "./http-cache.js";
import { loadIncidentRecords } from "./load-incident-records.js";
import { sinceDate, type Since } from "./parse-since.js";
import { renderMetricsMarkdown } from "./render-metrics-markdown.js";
import type { RequestStats } from "./request-stats.js";

export interface MetricsReportOptions {
  client: RequestClient;
  owner: string;
  repo: string;
  names: LabelNames;
  since?: Since;
  cache?: HttpCache;
  now: Date;
  /** Link incidents to their issues (the CLI); off for comments, where links add "mentioned" events. */
  links?: boolean;
}

export interface MetricsReport {
  metrics: IncidentMetrics;
  markdown: string;
  requests: RequestStats;
}

/** Load → compute → render: what `/metrics` replies and `firewatch metrics` prints. */
export async function buildMetricsReport(options: MetricsReportOptions): Promise<MetricsReport> {
  const { owner, repo, now } = options;
  const since = options.since && sinceDate(options.since, now);
  const { records, stats } = await loadIncidentRecords({ ...options, since });
  const metrics = computeMetrics(records, { since, now });
  const markdown = renderMetricsMarkdown(metrics, { repo: `${owner}/${repo}`, generatedAt: now, requests: stats, links: options.links });
  return { metrics, markdown, requests: stats };
}
