import { createApp } from "../../../src/app/create-app.js";
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
  const scenario = await startScenario({
    clock,
    appFn: {
      build: (gh) =>
        createApp({
          now: () => gh.clock.now(),
          sleep: async (ms) => {
            gh.clock.advance(ms);
          },
          resolve: () => Promise.resolve([PUBLIC_TEST_ADDRESS]),
          env,
          notifyTimeout: (ms) => {
            const controller = new AbortController();
            pending.add({ ms, controller });
            return controller.signal;
          },
        }),
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
    stop: async () => {
      await receivers.stop();
      await scenario.stop();
    },
  };
}
