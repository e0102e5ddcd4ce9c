import { LRUCache } from "lru-cache";
import type { Context, Probot } from "probot";
import type { RunbookFile } from "../handlers/runbooks/runbook-files.js";
import type { Coordination } from "../coordination/coordination.js";
import { createAnswerCache, useConditionalRequests, type AnswerCache } from "../github/conditional-requests.js";
import { createConfigCache, type ConfigCache } from "../github/config-cache.js";
import { primeScope } from "../handlers/event-scope.js";
import { routeEvent, type Route } from "../handlers/route-event.js";
import type { LoadedConfig } from "../config/load-config.js";
import { labelNames, type LabelNames } from "../incident/label-names.js";
import { identifyApp, isOwnEvent, ownLogin, type AppDeps } from "./deps.js";

/** What one app instance keeps across deliveries: its login, caches and coordination. */
export interface Runtime {
  deps: AppDeps;
  login: () => Promise<string>;
  answers: AnswerCache;
  configs: ConfigCache;
  coordination: Coordination;
  caches: {
    /** Runbook files read and validated at a commit (a commit's files never change). */
    runbookFilesByCommit: LRUCache<string, RunbookFile[]>;
  };
}

export function createRuntime(app: Probot, deps: AppDeps, coordination: Coordination): Runtime {
  return {
    deps,
    login: ownLogin(app, deps.appLogin),
    answers: createAnswerCache(),
    configs: createConfigCache(coordination.shared),
    coordination,
    caches: { runbookFilesByCommit: new LRUCache({ max: 200 }) },
  };
}

/** Label names per loaded config: built once per config, not once per event. */
const namesPerConfigCache = new WeakMap<LoadedConfig, LabelNames>();
function namesOf(loaded: LoadedConfig): LabelNames {
  let names = namesPerConfigCache.get(loaded);
  if (!names) {
    names = labelNames(loaded.config);
    namesPerConfigCache.set(loaded, names);
  }
  return names;
}

export type Handle<C extends Context> = (context: C, deps: AppDeps, route: Route) => Promise<void>;

/**
 * One pipeline for every event: drop what cannot concern Firewatch from the payload alone
 * (the config comes from the cache, so that costs no request) → take the lock of the
 * incident it concerns → skip a delivery already handled → handle (load once, decide,
 * apply) → record the delivery as handled → release. A delivery that failed part-way is
 * not recorded, so its redelivery finishes what was left undone.
 */
export function pipeline<C extends Context>(
  runtime: Runtime,
  handle: Handle<C>,
  options: { ownEvents?: "ignore" | "accept" } = {},
) {
  return async (context: C): Promise<void> => {
    const { deps, coordination } = runtime;
    try {
      if (options.ownEvents !== "accept" && (await isOwnEvent(context, runtime.login))) return;
      // Only an event that makes a request pays for making its GETs conditional.
      let conditional = false;
      const conditionalReads = () => {
        if (conditional) return;
        conditional = true;
        const installation = (context.payload as { installation?: { id: number } }).installation?.id;
        useConditionalRequests(context.octokit, runtime.answers, installation ?? "-", coordination.shared);
      };
      const loaded = await runtime.configs.get(context, deps.now(), conditionalReads);
      const payload = context.payload as unknown as Record<string, unknown>;
      const action = typeof payload.action === "string" ? `.${payload.action}` : "";
      const route = routeEvent({
        name: `${context.name}${action}`,
        payload,
        names: namesOf(loaded),
        appLogin:
          context.name === "workflow_run" ? await runtime.login().catch(() => undefined) : undefined,
      });
      if (route.kind === "ignore") return;
      conditionalReads();
      await identifyApp(context, runtime.login);
      await coordination.withLock(route.key, async () => {
        if (await coordination.isHandled(context.id)) return;
        const scope = await primeScope(context, deps, loaded, runtime);
        await handle(context, deps, route);
        await scope.flush();
        await coordination.markHandled(context.id);
      });
    } catch (error) {
      context.log.error(
        { err: error, delivery: context.id, event: context.name },
        "Firewatch failed to handle an event",
      );
      throw error;
    }
  };
}
