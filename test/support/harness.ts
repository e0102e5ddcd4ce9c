import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, createProbot, type ApplicationFunction, type Logger } from "probot";
import { appEnv, WEBHOOK_SECRET } from "./app-credentials.js";
import { printBurstSeedOnFailure } from "./burst-seed-on-failure.js";
import { GitHubStandIn } from "./github/github-stand-in.js";
import type { HandlerRegistry } from "./github/handlers/operation-handler.js";
import type { RepositorySeed } from "./github/state/github-state.js";
import { testOctokit, type OctokitPlugins, type ThrottleEvent } from "./octokit-plugins.js";
import { createVirtualClock, type VirtualClock } from "./github/state/virtual-clock.js";
import { rsaKeyPair } from "./rsa-key-pair.js";

export interface ScenarioOptions {
  /** The app under test, or a factory given the stand-in (e.g. `(gh) => createApp({ now: () => gh.clock.now() })`). */
  appFn: ApplicationFunction | { build(gh: GitHubStandIn): ApplicationFunction };
  deliverTwice?: boolean;
  /** Defaults to acme/ops with no files and no collaborators besides the owner. */
  repo?: RepositorySeed;
  clock?: VirtualClock;
  /** Extra stand-in operation handlers, by operationId. */
  handlers?: HandlerRegistry;
  /** A settle() delivering more webhooks than this fails as a loop (default 200). */
  maxDeliveries?: number;
  /** Octokit's throttle and retry plugins: "off" (default) or "production" with short waits (octokit-plugins.ts). */
  plugins?: OctokitPlugins;
  /** The logger Probot gives the app (e.g. pino writing JSON lines to a test's stream); default: Probot's own. */
  log?: Logger;
}

export interface RunningApp {
  /** The app server's root, e.g. http://127.0.0.1:51234. */
  readonly url: string;
  /** A plain HTTP request to the app server (its custom routes, or anything else). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Replaces the app with a brand-new Probot and server, same credentials: nothing in memory survives. */
  restart(): Promise<void>;
  /** Each time a rate limit reached Probot's throttle handler (only with `plugins: "production"`). */
  readonly throttleEvents: readonly ThrottleEvent[];
}

export interface Scenario {
  gh: GitHubStandIn;
  app: RunningApp;
  /** Stops the app and the stand-in, then throws if the stand-in recorded any failure. */
  stop(): Promise<void>;
}

export const DEFAULT_REPO: RepositorySeed = { owner: "acme", name: "ops" };

/** Starts the stand-in and the app under test wired to it through real HTTP, as on GHES. */
export async function startScenario(options: ScenarioOptions): Promise<Scenario> {
  const { privateKey, publicKey } = rsaKeyPair();
  const gh = await GitHubStandIn.start({
    appPublicKey: publicKey,
    webhookSecret: WEBHOOK_SECRET,
    clock: options.clock ?? createVirtualClock(),
    handlers: options.handlers,
    deliverTwice: options.deliverTwice,
    maxDeliveries: options.maxDeliveries,
  });
  gh.addRepository(options.repo ?? DEFAULT_REPO);
  await printBurstSeedOnFailure(gh);
  const appFn = typeof options.appFn === "function" ? options.appFn : options.appFn.build(gh);
  const env = appEnv(gh, privateKey);

  const throttleEvents: ThrottleEvent[] = [];
  const start = () => startApp(appFn, env, testOctokit(options.plugins ?? "off", throttleEvents), options.log);
  let server = await start();
  let url = serverUrl(server);
  gh.webhookTarget = `${url}/api/github/webhooks`;

  const app: RunningApp = {
    get url() {
      return url;
    },
    fetch: (path, init) => fetch(new URL(path, url), init),
    throttleEvents,
    async restart() {
      await closeServer(server);
      server = await start();
      url = serverUrl(server);
      gh.webhookTarget = `${url}/api/github/webhooks`;
    },
  };

  return {
    gh,
    app,
    async stop() {
      await closeServer(server);
      await gh.stop();
      gh.assertClean();
    },
  };
}

async function startApp(
  appFn: ApplicationFunction,
  env: Record<string, string>,
  Octokit: ReturnType<typeof testOctokit>,
  log?: Logger,
): Promise<Server> {
  const probot = createProbot({ env, overrides: { Octokit, ...(log ? { log } : {}) } });
  const middleware = await createNodeMiddleware(appFn, { probot });
  const server = createServer((req, res) => {
    void middleware(req, res, () => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

function serverUrl(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
