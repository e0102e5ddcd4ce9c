import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, createProbot, type ApplicationFunction } from "probot";
import { withholdRedisFromProbot } from "../../src/coordination/index.js";
import { testOctokit, type OctokitPlugins } from "./octokit-plugins.js";

/** How long SIGTERM waits for deliveries in progress before cutting their connections. */
const DRAIN_MS = 2_000;

/**
 * The body of an app process (replicas.ts starts it with `node --import tsx <entry>`): Probot
 * from this process's environment — the stand-in's credentials plus what the test added —
 * serving `appFn` on a free port of 127.0.0.1. The port goes to stdout as one JSON line,
 * `{"port":N}`, the only line the parent reads; SIGTERM stops it cleanly (exit 0).
 *
 * Octokit's plugins are "production" (throttle and retry on, waits shortened, see
 * octokit-plugins.ts) unless `FIREWATCH_TEST_OCTOKIT_PLUGINS=off`: replicas are there to
 * behave like production, and full production waits would make each test take minutes.
 */
export async function serveAppProcess(appFn: ApplicationFunction, onStop: () => Promise<void> = async () => {}): Promise<void> {
  const plugins: OctokitPlugins = process.env.FIREWATCH_TEST_OCTOKIT_PLUGINS === "off" ? "off" : "production";
  // As `npm start` does (src/coordination/preflight.ts): REDIS_URL is Firewatch's, not Probot's throttle's.
  const env = { ...process.env };
  withholdRedisFromProbot(env);
  const probot = createProbot({ env, overrides: { Octokit: testOctokit(plugins, []) } });
  const middleware = await createNodeMiddleware(appFn, { probot });
  const server = createServer((req, res) => {
    void middleware(req, res, () => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);

  process.once("SIGTERM", () => {
    setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
    server.close(() => {
      onStop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error("stopping failed:", error);
          process.exit(1);
        },
      );
    });
    server.closeIdleConnections();
  });
}
