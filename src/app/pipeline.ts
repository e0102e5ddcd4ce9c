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
import { countGitHubRequests } from "../telemetry/count-github-requests.js";
import type { WebhookOutcome } from "../telemetry/telemetry.js";
import { timeLockWaits } from "../coordination/time-lock-waits.js";
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
    coordination: deps.telemetry
      ? timeLockWaits(coordination, (seconds) => deps.telemetry?.lockWaited(seconds))
      : coordination,
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

/**
 * What every log line about an event carries besides Probot's own `id` (the delivery id):
 * the event with its action, the repository, the issue's number as `incident` (or the
 * `pull`); the pipeline adds the `incident` of a pull request or run once it is routed.
 * The event's client logs with the same fields, so Probot's `GitHub request: …` lines name
 * the event they were made for.
 */
function eventLogFields(event: string, payload: Record<string, unknown>): Record<string, unknown> {
  const repository = (payload.repository as { full_name?: string } | undefined)?.full_name;
  // Known before the config is read, so the config's lines carry them too: an issue's
  // number is its incident's.
  const issue = issueOf(payload);
  const pull = (payload.pull_request as { number?: unknown } | undefined)?.number;
  return {
    event,
    ...(repository ? { repository } : {}),
    ...(issue ? { incident: issue } : {}),
    ...(typeof pull === "number" ? { pull } : {}),
  };
}

/** What the route adds to the event's fields: the incident of a postmortem pull request or a run. */
function routeLogFields(route: Route, payload: Record<string, unknown>) {
  const other = route.kind === "incident" && route.issue !== issueOf(payload);
  return other ? { incident: route.issue } : undefined;
}

function issueOf(payload: Record<string, unknown>): number | undefined {
  const issue = (payload.issue as { number?: unknown } | undefined)?.number;
  return typeof issue === "number" ? issue : undefined;
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
    const { telemetry } = deps;
    const started = telemetry ? performance.now() : 0;
    const payload = context.payload as unknown as Record<string, unknown>;
    const action = typeof payload.action === "string" ? `.${payload.action}` : "";
    const event = `${context.name}${action}`;
    let outcome: WebhookOutcome = "ignored";
    let conditional = false;
    try {
      if (options.ownEvents !== "accept" && (await isOwnEvent(context, runtime.login))) return;
      // Only an event that makes a request pays for making its GETs conditional, for
      // counting them, and for a logger that names the event on every line.
      const conditionalReads = () => {
        if (conditional) return;
        conditional = true;
        const installation = (context.payload as { installation?: { id: number } }).installation?.id;
        if (telemetry) countGitHubRequests(context.octokit, telemetry, installation ?? "-");
        useConditionalRequests(context.octokit, runtime.answers, installation ?? "-", coordination.shared);
        context.log = context.log.child(eventLogFields(event, payload));
        context.octokit.log = context.log;
      };
      const loaded = await runtime.configs.get(context, deps.now(), conditionalReads);
      const route = routeEvent({
        name: event,
        payload,
        names: namesOf(loaded),
        appLogin:
          context.name === "workflow_run" ? await runtime.login().catch(() => undefined) : undefined,
      });
      if (route.kind === "ignore") return;
      conditionalReads();
      const fields = routeLogFields(route, payload);
      if (fields) {
        context.log = context.log.child(fields);
        context.octokit.log = context.log;
      }
      await identifyApp(context, runtime.login);
      await coordination.withLock(route.key, async () => {
        if (await coordination.isHandled(context.id)) {
          outcome = "duplicate";
          return;
        }
        const scope = await primeScope(context, deps, loaded, runtime);
        await handle(context, deps, route);
        await scope.flush();
        await coordination.markHandled(context.id);
        outcome = "handled";
      });
    } catch (error) {
      outcome = "error";
      // Once bound, the logger names the event already (a field twice is a duplicate JSON key).
      const fields = conditional ? { err: error } : { err: error, event };
      context.log.error(fields, "Firewatch failed to handle an event");
      throw error;
    } finally {
      telemetry?.webhook(event, outcome, (performance.now() - started) / 1000);
    }
  };
}
