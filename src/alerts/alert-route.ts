import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApplicationFunctionOptions, Probot } from "probot";
import type { ZodError } from "zod";
import type { Runtime } from "../app/pipeline.js";
import { NotInstalled, withRepository } from "../app/repository-work.js";
import type { GitHubClient } from "../github/client.js";
import { toAlertGroup, type AlertGroup, type AlertSource } from "./alert-group.js";
import { alertmanagerPayloadSchema, grafanaPayloadSchema } from "./alert-payload.js";
import { allowedAlertRepos, bearerTokenMatches } from "./check-bearer-token.js";
import { createWritePacer, paceContentWrites, type WritePacer } from "./pace-content-writes.js";
import { BodyTooLarge, readRequestBody } from "./read-request-body.js";
import { reflectAlertGroup, type Reflected } from "./reflect-alert-group.js";

type Handler = Parameters<ApplicationFunctionOptions["addHandler"]>[0];

const PATHS: Record<string, AlertSource> = {
  "/api/alerts/alertmanager": "alertmanager",
  "/api/alerts/grafana": "grafana",
};

/**
 * How long GitHub's limits may hold an alert's writes back before the sender is answered 503
 * (the work goes on; Alertmanager's retry then finds it done). In the app's clock when the
 * app waits on a limit or its write pacer; in real time for waits it cannot see (Probot's throttle).
 */
export const ANSWER_WITHIN_MS = 5_000;
const ANSWER_WITHIN_REAL_MS = 8_000;

const REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

function send(res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): true {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(`${JSON.stringify(body)}\n`);
  return true;
}

function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((i) => `${i.path.length > 0 ? i.path.join(".") : "body"}: ${i.message}`)
    .join("; ");
}

/**
 * `POST /api/alerts/alertmanager?repo=owner/name` and `/api/alerts/grafana?repo=…`: an alert
 * notification becomes, or updates, an incident in that repository. Answers 2xx only once
 * GitHub shows it; see the README's "Alerts" section for every status.
 */
export function alertRoute(app: Probot, runtime: Runtime): Handler {
  const { deps } = runtime;
  const pacersByInstallationCache = new Map<number, WritePacer>();
  const pacerFor = (installation: number) => {
    let pacer = pacersByInstallationCache.get(installation);
    if (!pacer) {
      pacer = createWritePacer(deps);
      pacersByInstallationCache.set(installation, pacer);
    }
    return pacer;
  };

  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://firewatch.invalid");
    const source = PATHS[url.pathname];
    if (!source) return false;
    const token = deps.env?.FIREWATCH_ALERT_TOKEN;
    if (!token) return send(res, 404, { message: "Not found: the alert endpoint is off (FIREWATCH_ALERT_TOKEN is not set)" });
    if (req.method !== "POST") return send(res, 405, { message: "Use POST" }, { allow: "POST" });
    if (!bearerTokenMatches(req.headers.authorization, token))
      return send(res, 401, { message: "Unauthorized: send Authorization: Bearer <FIREWATCH_ALERT_TOKEN>" }, { "www-authenticate": 'Bearer realm="firewatch"' });

    const repoParam = url.searchParams.get("repo") ?? "";
    const repo = REPO.exec(repoParam);
    if (!repo) return send(res, 400, { message: `repo: give the target repository as ?repo=owner/name (got ${JSON.stringify(repoParam.slice(0, 200))})` });
    const [, owner, name] = repo as unknown as [string, string, string];
    const allowed = allowedAlertRepos(deps.env?.FIREWATCH_ALERT_REPOS);
    if (allowed && !allowed.has(`${owner}/${name}`.toLowerCase()))
      return send(res, 404, { message: `Not found: ${owner}/${name} is not in FIREWATCH_ALERT_REPOS` });

    let group: AlertGroup;
    try {
      const text = await readRequestBody(req);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        return send(res, 400, { message: `The body is not JSON: ${(error as Error).message}` });
      }
      const schema = source === "grafana" ? grafanaPayloadSchema : alertmanagerPayloadSchema;
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        return send(res, 400, { message: `Not a ${source === "grafana" ? "Grafana" : "Alertmanager"} webhook body: ${describeZodError(parsed.error)}` });
      group = toAlertGroup(source, parsed.data);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.setHeader("connection", "close");
        return send(res, 413, { message: `Payload too large: ${error.message}` });
      }
      throw error;
    }
    deps.telemetry?.alertsReceived(source, group.alerts.length);
    return reflect(res, { owner, repo: name }, group);
  };

  async function reflect(res: ServerResponse, target: { owner: string; repo: string }, group: AlertGroup): Promise<true> {
    const started = deps.now().getTime();
    let hold = () => {};
    const held = new Promise<"held">((resolve) => (hold = () => resolve("held")));
    const onWait = (ms: number) => {
      if (deps.now().getTime() + ms - started > ANSWER_WITHIN_MS) hold();
    };
    const timer = setTimeout(hold, ANSWER_WITHIN_REAL_MS);
    timer.unref();
    // The request's own view of the clock: a wait on GitHub's limits that runs long answers 503.
    const watched: Runtime = {
      ...runtime,
      deps: { ...deps, sleep: (ms) => (onWait(ms), deps.sleep(ms)) },
    };
    const origin = { id: `alert-${group.hash}-${started}`, name: "alert" };
    const lockKey = `${target.owner}/${target.repo}:alert:${group.hash}`.toLowerCase();
    const prepare = (octokit: GitHubClient, installation: number) => paceContentWrites(octokit, pacerFor(installation), onWait);
    const installationOf = (payload: unknown) => (payload as { installation: { id: number } }).installation.id;
    const work = withRepository(
      app,
      watched,
      target,
      origin,
      async (scope, context) => {
        const installation = installationOf(context.payload);
        const { repository } = context.payload as unknown as { repository: { name: string; owner: { login: string } } };
        prepare(scope.octokit, installation);
        const fullName = `${repository.owner.login}/${repository.name}`;
        const reflected = await reflectAlertGroup(scope, group, (inner) =>
          withRepository(
            app,
            watched,
            { owner: repository.owner.login, repo: repository.name, installationId: installation },
            { ...origin, id: `${origin.id}-open` },
            async (fresh) => {
              prepare(fresh.octokit, installation);
              return inner(fresh);
            },
            { lockKey: `${fullName}:alerts:open`.toLowerCase() },
          ),
        );
        return { ...reflected, repository: fullName };
      },
      { lockKey, canonicalName: true },
    );
    try {
      const first = await Promise.race([work.then((reflected) => ({ reflected })), held]);
      if (first === "held") {
        work.then(
          (reflected) => app.log.info({ delivery: origin.id, ...reflected }, "alert reflected after the sender was answered 503"),
          (error: unknown) => app.log.error({ err: error, delivery: origin.id }, "alert work failed after the sender was answered 503"),
        );
        return send(res, 503, {
          message: "GitHub's rate limits are holding the writes back; the work goes on. Alertmanager's retry will find it done.",
        }, { "retry-after": "30" });
      }
      return send(res, 200, answer(first.reflected));
    } catch (error) {
      if (error instanceof NotInstalled) return send(res, 404, { message: `Not found: ${error.message}` });
      app.log.error({ err: error, delivery: origin.id, repository: `${target.owner}/${target.repo}` }, "an alert notification could not be reflected on GitHub");
      return send(res, 502, { message: "GitHub could not be updated; the sender should retry (Alertmanager does, on 5xx)." });
    } finally {
      clearTimeout(timer);
    }
  }
}

function answer(reflected: Reflected & { repository: string }): Record<string, unknown> {
  return {
    outcome: reflected.outcome,
    ...(reflected.issue !== undefined ? { issue: reflected.issue, repository: reflected.repository } : {}),
    ...(reflected.reason ? { reason: reflected.reason } : {}),
  };
}
