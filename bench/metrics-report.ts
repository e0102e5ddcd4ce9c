/**
 * What a metrics report over 1,000 incidents costs in API requests and time, against the
 * GitHub stand-in over real HTTP: a first run with an empty cache, a repeated run, and a
 * run after a few incidents changed. Run with `npx tsx bench/metrics-report.ts [count]`.
 */
import { Octokit } from "@octokit/rest";
import { configSchema } from "../src/config/schema.js";
import { labelNames } from "../src/incident/label-names.js";
import { computeMetrics } from "../src/metrics/compute-metrics.js";
import { memoryHttpCache } from "../src/metrics/http-cache.js";
import { loadIncidentRecords } from "../src/metrics/load-incident-records.js";
import { renderMetricsMarkdown } from "../src/metrics/render-metrics-markdown.js";
import { GitHubStandIn } from "../test/support/github/github-stand-in.js";
import { rsaKeyPair } from "../test/support/rsa-key-pair.js";
import { seedIncidents } from "../test/metrics/seed-incidents.js";

const count = Number(process.argv[2] ?? 1_000);
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

const gh = await GitHubStandIn.start({ appPublicKey: rsaKeyPair().publicKey, webhookSecret: "bench" });
try {
  gh.addRepository({ owner: "acme", name: "llm" });
  let t = performance.now();
  seedIncidents(gh, { count });
  const events = [...gh.repo.issues.values()].reduce((n, i) => n + i.events.length, 0);
  console.log(`seeded ${count} incidents with ${events} issue events in ${Math.round(performance.now() - t)} ms`);

  const client = new Octokit({ baseUrl: gh.urls.api, auth: gh.installationToken(), log: quiet });
  const names = labelNames(configSchema.parse({}));
  const cache = memoryHttpCache();
  const rows: string[][] = [];

  const run = async (label: string) => {
    const served = gh.requests.length;
    t = performance.now();
    const { records, stats } = await loadIncidentRecords({ client, owner: "acme", repo: "llm", names, cache, now: gh.clock.now() });
    const markdown = renderMetricsMarkdown(computeMetrics(records), { repo: "acme/llm", generatedAt: gh.clock.now(), requests: stats });
    const ms = Math.round(performance.now() - t);
    const seen = gh.requests.slice(served);
    const counted = seen.filter((r) => !r.notModified).length;
    if (seen.length !== stats.requests) throw new Error(`the loader counted ${stats.requests} requests, the stand-in saw ${seen.length}`);
    rows.push([label, String(records.length), String(stats.requests), String(stats.notModified), String(counted), String(stats.skipped), `${ms} ms`, `${(markdown.length / 1024).toFixed(1)} KB`]);
  };

  await run("first run (empty cache)");
  await run("repeated run");
  gh.clock.advance("1d");
  for (const n of [3, 250, 500, 750, count]) gh.as("erin").addLabels(n, ["postmortem-due"]);
  await run("after 5 incidents were labelled");
  await run("repeated again");

  const head = ["run", "incidents", "requests", "304s", "counted against the limit", "event lists reused", "time", "report"];
  console.log([head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n"));
  gh.assertClean();
} finally {
  await gh.stop();
}
