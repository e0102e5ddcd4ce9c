import type { Context } from "probot";
import type { Config } from "../config/schema.js";
import type { ConfigProblem } from "../config/load-config.js";
import type { AppDeps } from "../app/deps.js";
import { applyEffects, type ApplyResult } from "../github/apply-effects.js";
import { cacheReadsUntilWrite } from "../github/cache-reads-until-write.js";
import type { GitHubClient, RepoRef } from "../github/client.js";
import type { Effect } from "../effects/effect.js";
import { loadConfig } from "../github/load-config.js";
import { labelNames, type LabelNames } from "../incident/label-names.js";

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
  apply(effects: readonly Effect[]): Promise<ApplyResult>;
}

/** One scope per delivery: the handlers of one event share its config instead of reading it again. */
const scopePerDeliveryCache = new WeakMap<Context, Promise<EventScope>>();

export function openScope(context: Context, deps: AppDeps): Promise<EventScope> {
  let scope = scopePerDeliveryCache.get(context);
  if (!scope) {
    scope = createScope(context, deps);
    scopePerDeliveryCache.set(context, scope);
  }
  return scope;
}

async function createScope(context: Context, deps: AppDeps): Promise<EventScope> {
  cacheReadsUntilWrite(context.octokit);
  const { config, problems } = await loadConfig(context);
  const repo = context.repo();
  const scope: EventScope = {
    octokit: context.octokit,
    repo,
    log: context.log,
    deliveryId: context.id,
    config,
    configProblems: problems,
    names: labelNames(config),
    deps,
    apply: (effects) =>
      applyEffects(
        { octokit: context.octokit, repo, log: context.log, sleep: deps.sleep },
        effects,
      ),
  };
  return scope;
}
