import type { Context } from "probot";
import type { Config } from "../config/schema.js";
import type { ConfigProblem, LoadedConfig } from "../config/load-config.js";
import type { AppDeps } from "../app/deps.js";
import type { Runtime } from "../app/pipeline.js";
import { applyEffects, type ApplyResult } from "../github/apply-effects.js";
import { cacheReadsUntilWrite, forgetKeptReads } from "../github/cache-reads-until-write.js";
import { retryRateLimitedWrites } from "../github/rate-limit-retry.js";
import type { GitHubClient, RepoRef } from "../github/client.js";
import type { Effect } from "../effects/effect.js";
import { IncidentReads } from "../github/incident-reads.js";
import { loadConfig } from "../github/load-config.js";
import { loadIncident, type LoadedIncident } from "../github/load-incident.js";
import type { IncidentState } from "../incident/incident-state.js";
import { labelNames, type LabelNames } from "../incident/label-names.js";
import { creditStatusHistory } from "../incident/status-history.js";
import { writeCard } from "./refresh-card.js";

/** Everything one webhook delivery's handling needs, loaded once. */
export interface EventScope {
  octokit: GitHubClient;
  repo: RepoRef;
  log: Context["log"];
  deliveryId: string;
  config: Config;
  configProblems: ConfigProblem[];
  names: LabelNames;
  deps: AppDeps;
  /** The delivery's reads of its incidents: each issue, its events and comments read once. */
  reads: IncidentReads;
  /** The incident as it is now (read once per delivery, kept current by the app's own writes). */
  incident(issue: number, options?: { events?: "always" | "when-needed" }): Promise<LoadedIncident>;
  apply(effects: readonly Effect[]): Promise<ApplyResult>;
  /**
   * Runs `work` holding another incident's lock, reading it afresh inside; for handlers that
   * find their incidents only after reading (a workflow run that names none, the tick).
   */
  lockIncident<T>(issue: number, work: () => Promise<T>): Promise<T>;
  /**
   * Records an incident's new state for this delivery (what `incident()` returns from now on)
   * and marks its card to be written; with no state, only marks the card.
   */
  recordState(issue: number, state?: IncidentState): void;
  /** Writes every marked card once, from the final state (the pipeline calls it last). */
  flush(): Promise<void>;
  /** The app's caches across deliveries (absent in a scope a test builds by hand). */
  caches?: Runtime["caches"];
}

/** One scope per delivery: the handlers of one event share its config and reads. */
const scopePerDeliveryCache = new WeakMap<Context, Promise<EventScope>>();

/** The pipeline creates the scope with the config it already has, inside the incident's lock. */
export function primeScope(
  context: Context,
  deps: AppDeps,
  loaded: LoadedConfig,
  runtime: Runtime,
): Promise<EventScope> {
  const scope = Promise.resolve(fromContext(context, deps, loaded, runtime));
  scopePerDeliveryCache.set(context, scope);
  return scope;
}

export function openScope(context: Context, deps: AppDeps): Promise<EventScope> {
  let scope = scopePerDeliveryCache.get(context);
  if (!scope) {
    scope = loadConfig(context).then((loaded) => fromContext(context, deps, loaded));
    scopePerDeliveryCache.set(context, scope);
  }
  return scope;
}

function fromContext(
  context: Context,
  deps: AppDeps,
  loaded: LoadedConfig,
  runtime?: Runtime,
): EventScope {
  cacheReadsUntilWrite(context.octokit);
  retryRateLimitedWrites(context.octokit, deps.sleep);
  const { octokit, log, id } = context;
  return createScope({ octokit, repo: context.repo(), log, deliveryId: id, deps, loaded, runtime });
}

/** A scope from its parts (the pipeline's, or a test's that calls a handler directly). */
export function createScope(parts: {
  octokit: GitHubClient;
  repo: RepoRef;
  log: Context["log"];
  deliveryId: string;
  deps: AppDeps;
  loaded: LoadedConfig;
  runtime?: Runtime;
}): EventScope {
  const { octokit, repo, log, deps, runtime } = parts;
  const { config, problems } = parts.loaded;
  const names = labelNames(config);
  const reads = new IncidentReads(octokit, repo, deps.now);
  const fullName = `${repo.owner}/${repo.repo}`;
  const recorded = new Map<number, IncidentState>();
  const marked = new Set<number>();
  const flushIssue = async (issue: number) => {
    if (!marked.delete(issue)) return;
    await writeCard(scope, issue);
  };
  const scope: EventScope = {
    octokit,
    repo,
    log,
    deliveryId: parts.deliveryId,
    config,
    configProblems: problems,
    names,
    deps,
    reads,
    caches: runtime?.caches,
    incident: async (issue, options) => {
      const loaded = await loadIncident(reads, issue, names, options);
      const state = recorded.get(issue);
      if (!state) return loaded;
      const history = creditStatusHistory(loaded.baseHistory, state.statusCredits);
      return { ...loaded, state, history };
    },
    recordState: (issue, state) => {
      if (state) recorded.set(issue, state);
      marked.add(issue);
    },
    flush: async () => {
      for (const issue of [...marked]) await flushIssue(issue);
    },
    apply: (effects) => applyEffects({ octokit, repo, log, reads }, effects),
    lockIncident: (issue, work) => {
      const locked = async () => {
        reads.forget(issue);
        forgetKeptReads(octokit);
        recorded.delete(issue);
        const result = await work();
        await flushIssue(issue);
        return result;
      };
      return runtime ? runtime.coordination.withLock(`${fullName}#${issue}`, locked) : locked();
    },
  };
  return scope;
}
