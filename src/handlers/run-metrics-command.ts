import { buildMetricsReport } from "../metrics/build-metrics-report.js";
import { memoryHttpCache } from "../metrics/http-cache.js";
import type { Since } from "../metrics/parse-since.js";
import type { EventScope } from "./event-scope.js";

/**
 * ETags and event lists from earlier `/metrics` runs in this process: a repeat costs 304s,
 * which do not count against the rate limit. Bounded; a restart only loses the savings.
 */
const metricsHttpCache = memoryHttpCache(new Map(), 20_000);

/** `/metrics [since]`: the repository's incident metrics report, as a reply. */
export async function runMetricsCommand(
  scope: EventScope,
  since: Since | undefined,
): Promise<string> {
  const report = await buildMetricsReport({
    client: scope.octokit,
    owner: scope.repo.owner,
    repo: scope.repo.repo,
    names: scope.names,
    since,
    cache: metricsHttpCache,
    now: scope.deps.now(),
  });
  return report.markdown;
}
