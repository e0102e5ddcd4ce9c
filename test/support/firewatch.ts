import type { Logger } from "probot";
import { createApp } from "../../src/app/create-app.js";
import type { Telemetry } from "../../src/telemetry/telemetry.js";
import type { ResolveHost } from "../../src/handlers/runbooks/resolve-host.js";
import { readHttpAllowCidrs } from "../../src/runbooks/http-allow-cidrs.js";
import type { RepositorySeed } from "./github/state/github-state.js";
import { DEFAULT_REPO, startScenario, type Scenario } from "./harness.js";
import type { OctokitPlugins } from "./octokit-plugins.js";

export interface FirewatchScenarioOptions {
  deliverTwice?: boolean;
  /** Files on the default branch, path → content (e.g. `.github/firewatch.yml`). */
  files?: Record<string, string>;
  collaborators?: RepositorySeed["collaborators"];
  /** What `http` runbook steps call instead of the network (see runbook-firewatch.ts). */
  fetch?: typeof fetch;
  /** How `http` steps resolve names; by default every name is a documentation address, so no lookup leaves the machine. */
  resolve?: ResolveHost;
  /** The operator's `FIREWATCH_HTTP_ALLOW_CIDRS`, e.g. "10.0.0.0/8". */
  httpAllowCidrs?: string;
  /** Octokit's throttle and retry plugins (harness.ts): "off" by default, or "production" with short waits. */
  plugins?: OctokitPlugins;
  /** Where the app reports metrics (e.g. a PrometheusTelemetry a test scrapes); default: nowhere. */
  telemetry?: Telemetry;
  /** The server's environment the app is given (`deps.env`), e.g. `FIREWATCH_METRICS_TOKEN`. */
  env?: Record<string, string | undefined>;
  /** The logger Probot gives the app (harness.ts), e.g. one that keeps JSON lines for a test to read. */
  log?: Logger;
}

/** What every name resolves to in tests unless a test says otherwise: TEST-NET-3, routed nowhere. */
export const PUBLIC_TEST_ADDRESS = "203.0.113.10";

/** The real Firewatch app against the GitHub stand-in, on the stand-in's virtual clock. */
export function startFirewatch(options: FirewatchScenarioOptions = {}): Promise<Scenario> {
  return startScenario({
    appFn: {
      build: (gh) =>
        createApp({
          now: () => gh.clock.now(),
          sleep: async (ms) => {
            gh.clock.advance(ms);
          },
          ...(options.fetch ? { fetch: options.fetch } : {}),
          resolve: options.resolve ?? (() => Promise.resolve([PUBLIC_TEST_ADDRESS])),
          httpAllowCidrs: readHttpAllowCidrs({ FIREWATCH_HTTP_ALLOW_CIDRS: options.httpAllowCidrs }),
          ...(options.telemetry ? { telemetry: options.telemetry } : {}),
          ...(options.env ? { env: options.env } : {}),
        }),
    },
    deliverTwice: options.deliverTwice,
    plugins: options.plugins ?? "off",
    log: options.log,
    // alice, the responder most tests act as, has the triage role GitHub asks of anyone who
    // labels issues (and Firewatch asks of anyone who declares); a test may give her another.
    repo: { ...DEFAULT_REPO, files: options.files, collaborators: { alice: "triage", ...options.collaborators } },
  });
}

/** Runs a scenario test body once with single deliveries and once with every webhook delivered twice. */
export const DELIVERY_MODES = [
  { name: "delivered once", deliverTwice: false },
  { name: "delivered twice", deliverTwice: true },
] as const;
