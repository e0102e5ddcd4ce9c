import type { Context, Probot } from "probot";
import { rememberAppLogin } from "../github/app-author.js";
import type { Sleep } from "../github/rate-limit-retry.js";
import type { Coordination } from "../coordination/index.js";
import type { ResolveHost } from "../handlers/runbooks/resolve-host.js";
import type { AllowedCidr } from "../runbooks/refused-address.js";
import type { Telemetry } from "../telemetry/telemetry.js";
import type { ClockSettings } from "../clock/run-clock.js";

/** What the app takes from its surroundings, so tests can give it a virtual clock. */
export interface AppDeps {
  now: () => Date;
  sleep: Sleep;
  /**
   * How runbook `http` steps reach the network (default: the global fetch). The allow-list is
   * checked before it is called; tests pass one that routes allowed hosts to a local server.
   */
  fetch?: typeof fetch;
  /**
   * How runbook `http` steps resolve host names (default: the system resolver). Every address
   * is checked against the private networks before the request connects to the first one;
   * tests answer with fixed addresses so no lookup leaves the machine.
   */
  resolve?: ResolveHost;
  /** Private networks `http` steps may reach after all (`FIREWATCH_HTTP_ALLOW_CIDRS`); none by default. */
  httpAllowCidrs?: readonly AllowedCidr[];
  /** One writer per incident and handled-delivery records (src/coordination/); absent in most tests. */
  coordination?: Coordination;
  /**
   * The server's environment, for settings and secrets the operator gives (the alert token,
   * notification webhook URLs); absent → none. Never read from the repository.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * How a notification request times out (default: `AbortSignal.timeout`); tests give a signal
   * that a never-answering receiver aborts, so a 5 s wait is virtual.
   */
  notifyTimeout?: (ms: number) => AbortSignal;
  /** Where the app reports its metrics (src/telemetry/); absent → nowhere. */
  telemetry?: Telemetry;
  /**
   * The built-in clock (src/clock/, `FIREWATCH_TICK_INTERVAL`): ticks open incidents by itself
   * every interval; absent → no clock (most tests, and Actions mode, where `schedule` ticks).
   */
  clock?: ClockSettings;
  /**
   * The account the app writes as, when it is known without asking GitHub: in Actions mode
   * `github-actions[bot]` (a GITHUB_TOKEN cannot call `GET /app`). Absent → asked once.
   */
  appLogin?: string;
}

/** The app's own login (`<slug>[bot]`), asked of GitHub once per process (unless `known`). */
export function ownLogin(app: Probot, known?: string): () => Promise<string> {
  if (known) return () => Promise.resolve(known);
  let ownLoginCache: Promise<string> | undefined;
  return () => {
    ownLoginCache ??= app
      .auth()
      .then((octokit) => octokit.rest.apps.getAuthenticated())
      .then(({ data }) => `${data?.slug ?? "firewatch"}[bot]`)
      .catch((error: unknown) => {
        ownLoginCache = undefined;
        throw error;
      });
    return ownLoginCache;
  };
}

/** True for events the app caused itself: it never acts on those (DESIGN.md "Boundaries"). */
export async function isOwnEvent(context: Context, login: () => Promise<string>): Promise<boolean> {
  const sender = (context.payload as { sender?: { login?: string; type?: string } }).sender;
  if (sender?.type !== "Bot") return false;
  return sender.login === (await login());
}

/** Tells the event's client which account is the app's, when GitHub says so (else the weaker any-bot rule stays). */
export async function identifyApp(context: Context, login: () => Promise<string>): Promise<void> {
  try {
    rememberAppLogin(context.octokit, await login());
  } catch (error) {
    context.log.warn(
      { err: error, delivery: context.id },
      "could not read the app's own login (GET /app)",
    );
  }
}
