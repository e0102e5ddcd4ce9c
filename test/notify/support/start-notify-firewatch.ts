import type { Context, Probot } from "probot";
import type { AppDeps } from "../../../src/app/deps.js";
import { createApp } from "../../../src/app/create-app.js";
import { createRuntime } from "../../../src/app/pipeline.js";
import { withRepository } from "../../../src/app/repository-work.js";
import { DEFAULT_LOCK_WAIT_MS, MemoryCoordination } from "../../../src/coordination/index.js";
import type { EventScope } from "../../../src/handlers/event-scope.js";
import { DEFAULT_REPO, startScenario, type Scenario } from "../../support/harness.js";
import { createVirtualClock } from "../../support/github/state/virtual-clock.js";
import { PUBLIC_TEST_ADDRESS } from "../../support/firewatch.js";
import { Receivers } from "./receivers.js";
import { validateDiscord, validateMattermost, validateSlack, validateTeams, webhookValidator } from "./validators.js";

export const RELAY_SECRET = "relay-secret-for-tests";

/** One channel of each kind, each on its receiver's path. */
export const ALL_KINDS_CONFIG = `
notifications:
  channels:
    sre-slack:   { kind: slack,      url_env: FIREWATCH_NOTIFY_SLACK_SRE }
    exec-teams:  { kind: teams,      url_env: FIREWATCH_NOTIFY_TEAMS_EXEC }
    ops-mm:      { kind: mattermost, url_env: FIREWATCH_NOTIFY_MM_OPS }
    community:   { kind: discord,    url_env: FIREWATCH_NOTIFY_DISCORD }
    pager-relay: { kind: webhook,    url_env: FIREWATCH_NOTIFY_RELAY_URL, secret_env: FIREWATCH_NOTIFY_RELAY_SECRET }
  routes:
    - to: [sre-slack, ops-mm, community, pager-relay]
      severities: [critical, high]
    - to: [exec-teams]
      severities: [critical]
      events: [declared, update, resolved]
`;

export interface NotifyScenario extends Scenario {
  receivers: Receivers;
  /** Runs work on acme/ops outside a webhook (as an alert or a clock tick does), through `withRepository`. */
  outsideWebhook<T>(id: string, work: (scope: EventScope, context: Context) => Promise<T>, lockKey?: string): Promise<T>;
}

/**
 * The real app on the stand-in's virtual clock, with the receivers on 127.0.0.1 and the
 * server environment naming them. `env` adds or overrides variables (`undefined` removes one).
 */
export async function startNotifyFirewatch(options: {
  config: string;
  env?: Record<string, string | undefined>;
  deliverTwice?: boolean;
  files?: Record<string, string>;
  telemetry?: AppDeps["telemetry"];
  /** Replaces the virtual-time timeout (e.g. one that throws, to prove a broken notification path breaks nothing else). */
  notifyTimeout?: AppDeps["notifyTimeout"];
}): Promise<NotifyScenario> {
  const clock = createVirtualClock();
  const receivers = await Receivers.start(clock, {
    "/slack": validateSlack,
    "/teams": validateTeams,
    "/mattermost": validateMattermost,
    "/discord": validateDiscord,
    "/relay": webhookValidator(RELAY_SECRET),
  });
  const env: Record<string, string | undefined> = {
    FIREWATCH_NOTIFY_SLACK_SRE: `${receivers.url}/slack`,
    FIREWATCH_NOTIFY_TEAMS_EXEC: `${receivers.url}/teams`,
    FIREWATCH_NOTIFY_MM_OPS: `${receivers.url}/mattermost`,
    FIREWATCH_NOTIFY_DISCORD: `${receivers.url}/discord`,
    FIREWATCH_NOTIFY_RELAY_URL: `${receivers.url}/relay`,
    FIREWATCH_NOTIFY_RELAY_SECRET: RELAY_SECRET,
    PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY----- never to be sent",
    ...options.env,
  };
  // A receiver that never answers fires the pending requests' timeouts, on virtual time.
  const pending = new Set<{ ms: number; controller: AbortController }>();
  receivers.onHang = () => {
    for (const timer of pending) {
      clock.advance(timer.ms);
      timer.controller.abort(new DOMException("timed out", "TimeoutError"));
      pending.delete(timer);
    }
  };
  let running: { app: Probot; deps: AppDeps } | undefined;
  const scenario = await startScenario({
    clock,
    appFn: {
      build: (gh) => {
        const deps: AppDeps = {
          now: () => gh.clock.now(),
          sleep: async (ms) => {
            gh.clock.advance(ms);
          },
          resolve: () => Promise.resolve([PUBLIC_TEST_ADDRESS]),
          env,
          ...(options.telemetry ? { telemetry: options.telemetry } : {}),
          notifyTimeout: options.notifyTimeout ?? ((ms) => {
            const controller = new AbortController();
            pending.add({ ms, controller });
            return controller.signal;
          }),
        };
        return (app, options) => {
          running = { app, deps };
          return createApp(deps)(app, options);
        };
      },
    },
    deliverTwice: options.deliverTwice,
    repo: {
      ...DEFAULT_REPO,
      files: { ".github/firewatch.yml": options.config, ...options.files },
      collaborators: { alice: "triage" },
    },
  });
  return {
    ...scenario,
    receivers,
    outsideWebhook: (id, work, lockKey) => {
      const { app, deps } = running!;
      const runtime = createRuntime(app, deps, new MemoryCoordination({ waitMs: DEFAULT_LOCK_WAIT_MS }));
      return withRepository(app, runtime, { owner: "acme", repo: "ops" }, { id, name: "tick" }, work, lockKey ? { lockKey } : {});
    },
    stop: async () => {
      await receivers.stop();
      await scenario.stop();
    },
  };
}
