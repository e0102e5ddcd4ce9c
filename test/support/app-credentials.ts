import type { GitHubStandIn } from "./github/github-stand-in.js";

export const WEBHOOK_SECRET = "stand-in-webhook-secret";

/**
 * The environment Probot reads to talk to the stand-in as a GitHub App on GHES: its host over
 * plain HTTP, the app id, the private key whose public half the stand-in was given, and the
 * webhook secret the stand-in signs with. Shared by the in-process app and app processes.
 */
export function appEnv(gh: GitHubStandIn, privateKey: string): Record<string, string> {
  return {
    GHE_HOST: gh.host,
    GHE_PROTOCOL: "http",
    APP_ID: String(gh.state.app.id),
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET,
    LOG_LEVEL: "warn",
  };
}
