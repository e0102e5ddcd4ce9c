import type { ApplicationFunctionOptions, Probot } from "probot";
import { countGitHubRequests } from "./count-github-requests.js";
import { countUnheardEvents } from "./count-unheard-events.js";
import { metricsRoute } from "./metrics-route.js";
import type { Telemetry } from "./telemetry.js";

/**
 * Wires telemetry into the app as it loads: deliveries no handler listens to are counted,
 * the app's own client (its JWT: `GET /app`, installation tokens and look-ups) is counted
 * like the installations', and `GET /metrics` serves what the telemetry can scrape,
 * behind `FIREWATCH_METRICS_TOKEN` when the operator set one.
 */
export function useTelemetry(
  app: Probot,
  options: Pick<ApplicationFunctionOptions, "addHandler">,
  telemetry: Telemetry,
  env: Readonly<Record<string, string | undefined>> = {},
): void {
  countUnheardEvents(app, telemetry);
  app
    .auth()
    .then((octokit) => countGitHubRequests(octokit, telemetry, "app"))
    .catch((error: unknown) =>
      app.log.warn({ err: error }, "GitHub requests made with the app's JWT are not counted"),
    );
  const { scrape } = telemetry;
  if (scrape) {
    const token = env.FIREWATCH_METRICS_TOKEN?.trim() || undefined;
    options.addHandler(metricsRoute({ scrape: () => scrape.call(telemetry) }, token));
  }
}
