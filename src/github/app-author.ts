import type { GitHubClient } from "./client.js";

/**
 * Which account the app writes as, per event client. Hidden state (the card, runbook
 * executions) and hidden keys are trusted only in what that account wrote: another bot
 * that echoes user text (a workflow, say) could otherwise plant them. Until the login is
 * known, any bot account is accepted (the weaker rule the app started with).
 */
const appLoginPerClientCache = new WeakMap<GitHubClient, string>();

export function rememberAppLogin(octokit: GitHubClient, login: string): void {
  appLoginPerClientCache.set(octokit, login);
}

export function isAppAuthor(
  octokit: GitHubClient,
  user: { login?: string; type?: string } | null | undefined,
): boolean {
  if (user?.type !== "Bot") return false;
  const login = appLoginPerClientCache.get(octokit);
  return login === undefined || user.login === login;
}

/** The app's login as recorded for this client (`firewatch[bot]` until GitHub has said). */
export function appLoginOf(octokit: GitHubClient): string {
  return appLoginPerClientCache.get(octokit) ?? "firewatch[bot]";
}
