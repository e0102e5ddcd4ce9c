import { computeMetrics } from "../metrics/compute-metrics.js";
import { memoryHttpCache } from "../metrics/http-cache.js";
import { loadIncidentRecords } from "../metrics/load-incident-records.js";
import { sinceDate, type Since } from "../metrics/parse-since.js";
import { renderMetricsMarkdown } from "../metrics/render-metrics-markdown.js";
import type { RequestClient } from "../metrics/conditional-get.js";
import type { EventScope } from "./event-scope.js";

/**
 * ETags and event lists from earlier `/metrics` runs in this process: a repeat costs 304s,
 * which do not count against the rate limit. Bounded, and lost on restart (only cost is lost).
 */
const metricsHttpCache = memoryHttpCache();
const CACHE_ENTRY_LIMIT = 20_000;

/** `/metrics [since]`: the repository's incident metrics report, as a reply. */
export async function runMetricsCommand(
  scope: EventScope,
  since: Since | undefined,
): Promise<string> {
  const now = scope.deps.now();
  const from = since ? sinceDate(since, now) : undefined;
  if (metricsHttpCache.entries.size > CACHE_ENTRY_LIMIT) metricsHttpCache.entries.clear();
  const { records, stats } = await loadIncidentRecords({
    client: scope.octokit as unknown as RequestClient,
    owner: scope.repo.owner,
    repo: scope.repo.repo,
    names: scope.names,
    since: from,
    cache: metricsHttpCache,
    now,
  });
  const metrics = computeMetrics(records, { since: from, now });
  return renderMetricsMarkdown(metrics, {
    repo: `${scope.repo.owner}/${scope.repo.repo}`,
    generatedAt: now,
    requests: stats,
  });
}
