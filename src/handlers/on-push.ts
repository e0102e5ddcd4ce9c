import type { Context } from "probot";
import type { ConfigCache } from "../github/config-cache.js";

/** GitHub lists at most this many commits in a push payload; a longer push may touch anything. */
const LISTED_COMMITS = 20;

/** Files whose change can change what Firewatch reads: its config, runbooks, fault trees, templates. */
const READ_BY_FIREWATCH = /^\.github\/|^templates\/|\.(ya?ml|hbs)$/;

/**
 * `push`: a change to the default branch that touches what Firewatch reads drops the
 * repository's cached config, so the next event reads it again (a 304 when it did not
 * change). Costs no request.
 */
export async function onPush(configs: ConfigCache, context: Context<"push">): Promise<void> {
  const { payload } = context;
  if (payload.ref !== `refs/heads/${payload.repository.default_branch}`) return;
  const paths = payload.commits.flatMap((c) => [
    ...(c.added ?? []),
    ...(c.modified ?? []),
    ...(c.removed ?? []),
  ]);
  if (payload.commits.length >= LISTED_COMMITS || paths.some((p) => READ_BY_FIREWATCH.test(p)))
    await configs.forget(payload.installation?.id, payload.repository.full_name);
}
