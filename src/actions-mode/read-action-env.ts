/** What a run of the action is given by GitHub Actions (the runner's default environment). */
export interface ActionEnv {
  token: string;
  eventName: string;
  eventPath: string;
  /** `GITHUB_API_URL`: https://api.github.com, or a GitHub Enterprise Server's `/api/v3`. */
  apiUrl: string;
  /** `owner/name` (`GITHUB_REPOSITORY`): the repository a `schedule` run ticks. */
  repository: string;
  /** `GITHUB_RUN_ID`-`GITHUB_RUN_ATTEMPT`: stands in for a delivery id in logs and keys. */
  runId: string;
}

/** A setting the run cannot do without is missing or malformed: said in one `::error::` line. */
export class ActionSetupError extends Error {}

/**
 * Reads the variables GitHub Actions sets for every step, plus `GITHUB_TOKEN`, which a step
 * gets only when the workflow passes it (`env: GITHUB_TOKEN: ${{ github.token }}`; the
 * shipped action.yml does). Throws {@link ActionSetupError} naming what is missing.
 */
export function readActionEnv(env: Readonly<Record<string, string | undefined>>): ActionEnv {
  const missing = ["GITHUB_TOKEN", "GITHUB_EVENT_NAME", "GITHUB_EVENT_PATH", "GITHUB_REPOSITORY"].filter(
    (name) => !env[name]?.trim(),
  );
  if (missing.length > 0) {
    throw new ActionSetupError(
      `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set. Run Firewatch as a step of a GitHub Actions workflow (uses: <owner>/firewatch@v1), which sets them; GITHUB_TOKEN comes from the action's \`token\` input (default: github.token).`,
    );
  }
  const repository = env.GITHUB_REPOSITORY!.trim();
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw new ActionSetupError(`GITHUB_REPOSITORY "${repository}" is not owner/name.`);
  }
  const apiUrl = (env.GITHUB_API_URL?.trim() || "https://api.github.com").replace(/\/+$/, "");
  try {
    new URL(apiUrl);
  } catch {
    throw new ActionSetupError(`GITHUB_API_URL "${apiUrl}" is not a URL.`);
  }
  return {
    token: env.GITHUB_TOKEN!.trim(),
    eventName: env.GITHUB_EVENT_NAME!.trim(),
    eventPath: env.GITHUB_EVENT_PATH!.trim(),
    apiUrl,
    repository,
    runId: `run-${env.GITHUB_RUN_ID ?? "local"}-${env.GITHUB_RUN_ATTEMPT ?? "1"}`,
  };
}
