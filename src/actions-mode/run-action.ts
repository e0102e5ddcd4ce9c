import { readFileSync } from "node:fs";
import { Probot, type ProbotOctokit } from "probot";
import { createApp } from "../app/create-app.js";
import type { Runtime } from "../app/pipeline.js";
import { withRepository } from "../app/repository-work.js";
import type { Sleep } from "../github/rate-limit-retry.js";
import { runningIncidentsOf, tickIncidents } from "../handlers/runbooks/tick-incidents.js";
import { readHttpAllowCidrs } from "../runbooks/http-allow-cidrs.js";
import { pendingCommandComments, type ListedComment } from "./pending-command-comments.js";
import { ActionSetupError, readActionEnv } from "./read-action-env.js";

/** Who the app is in Actions mode: the GITHUB_TOKEN's account. */
export const ACTIONS_LOGIN = "github-actions[bot]";

export interface ActionOptions {
  now: () => Date;
  sleep: Sleep;
  /** Probot's Octokit, or a test's (plugins off); `baseUrl` is set from GITHUB_API_URL either way. */
  Octokit?: typeof ProbotOctokit;
}

/** What a run did: each piece of work, and the ones that failed with why. */
export interface ActionOutcome {
  handled: string[];
  failed: { what: string; message: string }[];
}

type Payload = Record<string, unknown> & {
  action?: string;
  issue?: { number: number; pull_request?: unknown };
  comment?: { id: number };
};

/**
 * One run of Firewatch as a GitHub Action: the same app as the server (createApp), given the
 * event GitHub Actions started the run for (`GITHUB_EVENT_NAME`, `GITHUB_EVENT_PATH`) through
 * Probot 14's own `receive`, authenticated with `GITHUB_TOKEN` against `GITHUB_API_URL`.
 *
 * - An event about an issue also handles every command comment on that issue not handled
 *   yet (pending-command-comments.ts), oldest first: GitHub keeps only the newest pending
 *   run of the workflow's concurrency group, so the runs of earlier comments may never come.
 * - `schedule` (and `workflow_dispatch`) is a tick of the repository's open incidents.
 *
 * A failure in one piece does not stop the others; the outcome lists them.
 */
export async function runAction(
  env: Readonly<Record<string, string | undefined>>,
  options: ActionOptions,
): Promise<ActionOutcome> {
  const settings = readActionEnv(env);
  const payload = readEvent(settings.eventPath);
  const probot = new Probot({
    githubToken: settings.token,
    baseUrl: settings.apiUrl,
    logLevel: (env.LOG_LEVEL as "info" | undefined) ?? "info",
    ...(options.Octokit ? { Octokit: options.Octokit } : {}),
  });
  let runtime: Runtime | undefined;
  let httpAllowCidrs;
  try {
    httpAllowCidrs = readHttpAllowCidrs(env);
  } catch (error) {
    throw new ActionSetupError(messageOf(error));
  }
  const app = createApp(
    { now: options.now, sleep: options.sleep, env, appLogin: ACTIONS_LOGIN, httpAllowCidrs },
    (_, ready) => (runtime = ready),
  );
  // No server in Actions mode: routes (the alert endpoint) have nowhere to listen.
  await probot.load(app, { cwd: process.cwd(), addHandler: () => undefined });
  const octokit = (await probot.auth()) as ProbotOctokit;
  const [owner = "", repo = ""] = settings.repository.split("/");
  const outcome: ActionOutcome = { handled: [], failed: [] };
  const attempt = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work();
      outcome.handled.push(what);
    } catch (error) {
      outcome.failed.push({ what, message: messageOf(error) });
    }
  };
  const name = settings.eventName;

  if (name === "schedule" || name === "workflow_dispatch") {
    await attempt(`tick of ${settings.repository}`, () =>
      withRepository(probot, runtime!, { owner, repo, client: octokit }, { id: settings.runId, name: "tick" }, async (scope) =>
        tickIncidents(scope, await runningIncidentsOf(scope), ACTIONS_LOGIN),
      ),
    );
    return outcome;
  }

  const issue = payload.issue && !payload.issue.pull_request ? payload.issue.number : undefined;
  const ownComment =
    issue !== undefined && name === "issue_comment" && payload.action === "created" ? payload.comment?.id : undefined;
  // An own comment is handled with the others, in order, below.
  if (ownComment === undefined) {
    await attempt(`${name}${payload.action ? `.${payload.action}` : ""}`, () =>
      probot.receive({ id: settings.runId, name, payload } as Parameters<Probot["receive"]>[0]),
    );
  }
  if (issue === undefined) return outcome;

  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issue,
    per_page: 100,
  });
  for (const comment of pendingCommandComments(comments as ListedComment[], ACTIONS_LOGIN, options.now())) {
    await attempt(`comment ${comment.id} on #${issue}`, async () => {
      // The issue as it is now: an earlier comment may have declared it an incident.
      const { data: current } = await octokit.rest.issues.get({ owner, repo, issue_number: issue });
      const event = {
        ...payload,
        action: "created",
        issue: current,
        comment,
        sender: comment.user,
      };
      await probot.receive({
        id: comment.id === ownComment ? settings.runId : `${settings.runId}-comment-${comment.id}`,
        name: "issue_comment",
        payload: event,
      } as Parameters<Probot["receive"]>[0]);
    });
  }
  return outcome;
}

function readEvent(path: string): Payload {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ActionSetupError(`GITHUB_EVENT_PATH ${path} cannot be read (${messageOf(error)}).`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    return parsed as Payload;
  } catch (error) {
    throw new ActionSetupError(`GITHUB_EVENT_PATH ${path} is not a JSON event (${messageOf(error)}).`);
  }
}

/** One line per cause: Probot's receive rejects with an AggregateError of each handler's error. */
function messageOf(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(messageOf).join("; ");
  return error instanceof Error ? error.message : String(error);
}
