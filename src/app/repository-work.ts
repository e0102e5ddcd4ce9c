import { Context, type Probot, type ProbotOctokit } from "probot";
import { useConditionalRequests } from "../github/conditional-requests.js";
import { primeScope, type EventScope } from "../handlers/event-scope.js";
import { countGitHubRequests } from "../telemetry/count-github-requests.js";
import { identifyApp } from "./deps.js";
import type { Runtime } from "./pipeline.js";

/** A repository the app acts on without a webhook (an alert request, a clock tick). */
export interface RepositoryTarget {
  owner: string;
  repo: string;
  /** The installation, when the caller already knows it (a tick listed it); else asked of GitHub. */
  installationId?: number;
  /**
   * A client to work with instead of an installation's: Actions mode's GITHUB_TOKEN, which
   * has no installation to look up (and cannot look one up).
   */
  client?: ProbotOctokit;
}

/** What a piece of work outside a webhook is, for its logs and its handled-record. */
export interface WorkOrigin {
  /** Stands in for the delivery id in logs and comment keys, e.g. `alert-<hash>` or `tick-<time>`. */
  id: string;
  /** What caused it, like a webhook event name: `alert`, `tick`. */
  name: string;
}

/** The repository is not one the app is installed on (or it does not exist). */
export class NotInstalled extends Error {
  readonly status = 404;
  constructor(readonly fullName: string) {
    super(`Firewatch is not installed on ${fullName} (or the repository does not exist)`);
  }
}

/** The installation that covers a repository, asked with the app's JWT; undefined when none does. */
export async function installationOf(app: Probot, owner: string, repo: string): Promise<number | undefined> {
  const jwt = await app.auth();
  try {
    const { data } = await jwt.rest.apps.getRepoInstallation({ owner, repo });
    return data.id;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

/**
 * Runs `work` for a repository as its installation, the way the pipeline runs a webhook's
 * handler: the same config cache, conditional reads, write retries and delivery scope — so
 * the handlers written for webhooks (declaring, ticking) work unchanged. The context it gives
 * is a stand-in for a webhook's, with the repository and installation in its payload.
 * Takes `lockKey`'s lock around the work when given (an incident, an alert group); the
 * scope's cards are written when the work is done, inside the lock.
 */
export async function withRepository<T>(
  app: Probot,
  runtime: Runtime,
  target: RepositoryTarget,
  origin: WorkOrigin,
  work: (scope: EventScope, context: Context) => Promise<T>,
  options: { lockKey?: string; canonicalName?: boolean } = {},
): Promise<T> {
  // With a client of its own there is no installation: 0 keys its caches.
  const installationId = target.client
    ? (target.installationId ?? 0)
    : (target.installationId ?? (await installationOf(app, target.owner, target.repo)));
  if (installationId === undefined) throw new NotInstalled(`${target.owner}/${target.repo}`);
  const octokit = target.client ?? ((await app.auth(installationId)) as ProbotOctokit);
  // A name someone typed (an alert's ?repo=) may differ in case from GitHub's; incident locks
  // and the handled-records are keyed by the name webhooks carry, so take GitHub's spelling.
  if (options.canonicalName) {
    const { data } = await octokit.rest.repos.get({ owner: target.owner, repo: target.repo });
    target = { ...target, owner: data.owner.login, repo: data.name };
  }
  const fullName = `${target.owner}/${target.repo}`;
  const payload = {
    installation: { id: installationId },
    repository: { full_name: fullName, name: target.repo, owner: { login: target.owner } },
  };
  // The fields a webhook's lines carry (Probot's `id` is the delivery id), so one query finds both.
  const log = app.log.child({ id: origin.id, event: origin.name, repository: fullName });
  const context = new Context(
    { id: origin.id, name: origin.name, payload } as unknown as ConstructorParameters<typeof Context>[0],
    octokit,
    log,
  );
  octokit.log = log;
  const { deps, coordination } = runtime;
  if (deps.telemetry) countGitHubRequests(context.octokit, deps.telemetry, installationId);
  useConditionalRequests(context.octokit, runtime.answers, installationId, coordination.shared);
  const loaded = await runtime.configs.get(context, deps.now());
  await identifyApp(context, runtime.login);
  const run = async () => {
    const scope = await primeScope(context, deps, loaded, runtime);
    const result = await work(scope, context);
    await scope.flush();
    return result;
  };
  return options.lockKey ? coordination.withLock(options.lockKey, run) : run();
}
