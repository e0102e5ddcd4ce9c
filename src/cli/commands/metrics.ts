import { Octokit } from "@octokit/rest";
import { parseConfig } from "../../config/load-config.js";
import { labelNames } from "../../incident/label-names.js";
import { computeMetrics } from "../../metrics/compute-metrics.js";
import { conditionalGet, type RequestClient } from "../../metrics/conditional-get.js";
import { cacheFileFor, fileHttpCache, userCacheDir } from "../../metrics/file-http-cache.js";
import type { HttpCache } from "../../metrics/http-cache.js";
import { loadIncidentRecords } from "../../metrics/load-incident-records.js";
import { parseSince, sinceDate } from "../../metrics/parse-since.js";
import { renderMetricsMarkdown } from "../../metrics/render-metrics-markdown.js";
import { noRequests } from "../../metrics/request-stats.js";
import { loadYaml } from "../../yaml/load-yaml.js";
import type { CliCommand, CliInput, CliIo } from "../cli-command.js";
import { defineCommand } from "../define-command.js";
import { describeApiError } from "../describe-api-error.js";

export interface MetricsDeps {
  env: NodeJS.ProcessEnv;
  now(): Date;
  createClient(options: { baseUrl: string; token: string }): RequestClient;
  /** The cache for one API and repository, with `save()` to keep it; undefined for none. */
  openCache(apiUrl: string, repo: string): Promise<(HttpCache & { save(): Promise<void> }) | undefined>;
}

const REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export const defaultMetricsDeps: MetricsDeps = {
  env: process.env,
  now: () => new Date(),
  createClient: ({ baseUrl, token }) => new Octokit({ baseUrl, auth: token, userAgent: "firewatch-cli", log: quiet }),
  openCache: async (apiUrl, repo) => fileHttpCache(cacheFileFor(userCacheDir(), apiUrl, repo)),
};

/** `GITHUB_API_URL` (set in Actions), else `GHE_HOST`/`GHE_PROTOCOL` (as Probot reads them), else github.com. */
export function apiUrlFrom(env: NodeJS.ProcessEnv): string {
  if (env.GITHUB_API_URL) return env.GITHUB_API_URL.replace(/\/+$/, "");
  if (env.GHE_HOST) return `${env.GHE_PROTOCOL || "https"}://${env.GHE_HOST}/api/v3`;
  return "https://api.github.com";
}

/** `firewatch metrics`: the incident metrics report of a repository, from its issues' events. */
export function createMetricsCommand(deps: MetricsDeps): CliCommand {
  return defineCommand({
    name: "metrics",
    define: (command) =>
      command
        .description("incident metrics report (MTTA, MTTR, …) from a repository's incident issues")
        .usage("--repo <owner/name> [options]")
        .option("--repo <owner/name>", "the repository whose incidents to report on (required)")
        .option("--since <period>", "only incidents declared since: 90d, 12w, 6m, 1y or a date such as 2026-01-31")
        .option("--format <format>", "md or json", "md")
        .option("--no-cache", "ignore and do not write the cache of API answers"),
    execute: (input, io) => runMetrics(input, io, deps),
  });
}

export const metricsCommand = createMetricsCommand(defaultMetricsDeps);

async function runMetrics({ options, usageError: usage }: CliInput, io: CliIo, deps: MetricsDeps): Promise<number> {
  const values = options as { repo?: string; since?: string; format: string; cache: boolean };
  const repoMatch = REPO.exec(values.repo ?? "");
  if (!repoMatch) return usage(values.repo ? `--repo "${values.repo}" is not owner/name` : "--repo owner/name is required");
  const [, owner, repo] = repoMatch as unknown as [string, string, string];
  if (values.format !== "md" && values.format !== "json") return usage(`--format "${values.format}" is not md or json`);
  const since = values.since === undefined ? undefined : parseSince(values.since);
  if (since && !since.ok) return usage(`--since: ${since.error.replace(/`/g, "")}`);
  const token = deps.env.GITHUB_TOKEN || deps.env.GH_TOKEN;
  if (!token) {
    io.stderr("firewatch metrics: GITHUB_TOKEN is not set. Export a token that can read the repository's issues (a fine-grained token with Issues: read, or `gh auth token`).");
    return 2;
  }

  const apiUrl = apiUrlFrom(deps.env);
  const client = deps.createClient({ baseUrl: apiUrl, token });
  const cache = !values.cache ? undefined : await deps.openCache(apiUrl, `${owner}/${repo}`);
  const now = deps.now();
  const sinceAt = since?.ok ? sinceDate(since.value, now) : undefined;
  try {
    const configStats = noRequests();
    const config = await loadRepoConfig(client, owner, repo, cache, configStats, io);
    const { records, stats } = await loadIncidentRecords({ client, owner, repo, names: labelNames(config), since: sinceAt, cache, now });
    stats.requests += configStats.requests;
    stats.notModified += configStats.notModified;
    await cache?.save();
    const metrics = computeMetrics(records, { since: sinceAt, now });
    if (values.format === "json") io.stdout(JSON.stringify({ repo: `${owner}/${repo}`, generatedAt: now.toISOString(), requests: stats, metrics }, null, 2));
    else io.stdout(renderMetricsMarkdown(metrics, { repo: `${owner}/${repo}`, generatedAt: now, requests: stats, links: true }));
    io.stderr(`${stats.requests} API requests (${stats.notModified} answered 304 Not Modified), ${stats.skipped} event lists reused from ${cache ? "the cache" : "nowhere"}`);
    return 0;
  } catch (error) {
    io.stderr(`firewatch metrics: ${describeApiError(error, apiUrl, { name: `${owner}/${repo}`, needs: `access to ${owner}/${repo}'s issues` })}`);
    return 1;
  }
}

async function loadRepoConfig(client: RequestClient, owner: string, repo: string, cache: HttpCache | undefined, stats: ReturnType<typeof noRequests>, io: CliIo) {
  const content = await conditionalGet(client, `/repos/${owner}/${repo}/contents/.github/firewatch.yml`, (d) => {
    const file = d as { content?: string; encoding?: string };
    return file.encoding === "base64" && file.content ? Buffer.from(file.content, "base64").toString("utf8") : "";
  }, cache, stats);
  const yaml = loadYaml(content ?? "");
  if (!yaml.ok) io.stderr(`warning: .github/firewatch.yml line ${yaml.error.line}: ${yaml.error.message}; using the default labels`);
  const { config, problems } = parseConfig(yaml.ok ? yaml.value : undefined);
  for (const p of problems) io.stderr(`warning: .github/firewatch.yml ${p.field}: ${p.message}`);
  return config;
}
