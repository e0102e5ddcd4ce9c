import type { IncomingMessage, ServerResponse } from "node:http";
import type { FailureLog } from "../failure-log.js";
import type { HandlerRegistry, HandlerResult } from "../handlers/operation-handler.js";
import type { BaseUrls } from "../shapes/base-urls.js";
import { matchOperation, type MatchedOperation } from "../spec/match-operation.js";
import { validateRequest } from "../spec/validate-request.js";
import { validateResponse } from "../spec/validate-response.js";
import type { GitHubState } from "../state/github-state.js";
import type { WebhookIntent } from "../state/mutation-context.js";
import { ApiError } from "./api-error.js";
import { authenticate, isAppJwtOperation } from "./authenticate.js";
import { etagOf, matchesIfNoneMatch } from "./etag.js";
import type { FaultInjector } from "./fault-injection.js";
import { paginate } from "./paginate.js";
import type { RequestHolds } from "./request-holds.js";

export const API_PREFIX = "/api/v3";

/** One REST request as the stand-in saw it. */
export interface RequestRecord {
  method: string;
  /** Path without the /api/v3 prefix, e.g. /repos/acme/ops/issues/1. */
  path: string;
  query: string;
  operationId: string | undefined;
  status: number;
  /** A conditional GET answered 304 Not Modified. */
  notModified: boolean;
  /** When it arrived, on the stand-in's clock (rates on virtual time: bench/alert-storm.ts). */
  at: number;
}

export interface ApiDependencies {
  state: GitHubState;
  urls: BaseUrls;
  handlers: HandlerRegistry;
  failures: FailureLog;
  faults: FaultInjector;
  holds: RequestHolds;
  requests: RequestRecord[];
  emit(intent: WebhookIntent): void;
}

/** The REST pipeline: match → validate → authenticate → fault / hold → handle → (hold) → page → check → ETag. */
export async function handleApiRequest(deps: ApiDependencies, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", deps.urls.web);
  const method = (req.method ?? "GET").toUpperCase();
  const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) || "/" : url.pathname;
  const record: RequestRecord = { method, path, query: url.search, operationId: undefined, status: 0, notModified: false, at: deps.state.clock.now().getTime() };
  deps.requests.push(record);
  const answered: (() => void)[] = [];
  const reply = (result: HandlerResult) => {
    send(deps, req, res, url, record, result);
    for (const done of answered) done();
  };

  if (!url.pathname.startsWith(API_PREFIX)) {
    return fail(deps, reply, 404, `${method} ${url.pathname}: not under ${API_PREFIX} (is the app configured for GHES?)`);
  }
  const matched = matchOperation(method, path);
  if (!matched) return fail(deps, reply, 404, `${method} ${path}: no such operation in GitHub's REST API`);
  record.operationId = matched.operationId;
  const where = `${matched.operationId} (${method} ${matched.template})`;

  const body = await readJson(req);
  if (body instanceof Error) return fail(deps, reply, 400, `${where}: body is not JSON: ${body.message}`);
  const problems = validateRequest(matched, url.searchParams, body);
  if (problems.length > 0) return fail(deps, reply, 422, `${where}: invalid request: ${problems.join("; ")}`);

  const auth = authenticate(deps.state, matched.operationId, req.headers);
  if (!auth.ok) return fail(deps, reply, 401, `${where}: ${auth.problem}`);

  const handler = deps.handlers[matched.operationId];
  if (!handler) return fail(deps, reply, 501, `stand-in does not implement ${matched.operationId} (${method} ${matched.template})`);

  const fault = deps.faults.take(matched.operationId);
  if (fault && !fault.afterApplying) return reply(faultResult(fault));
  const heldBefore = await deps.holds.wait(matched.operationId, "before");
  if (heldBefore) answered.push(heldBefore);

  let result: HandlerResult;
  try {
    const mutation = { state: deps.state, actor: auth.actor, emit: deps.emit };
    result = await handler({ ...deps, params: matched.params, query: url.searchParams, body, headers: req.headers, mutation });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    result = { status: error.status, body: errorBody(error.status, error.message, error.errors) };
  }
  const heldAfter = await deps.holds.wait(matched.operationId, "after");
  if (heldAfter) answered.push(heldAfter);
  if (fault) return reply(faultResult(fault));
  checkResponse(deps, matched, where, result);
  return reply(result);
}

function checkResponse(deps: ApiDependencies, matched: MatchedOperation, where: string, result: HandlerResult) {
  if (result.body === undefined || result.status >= 300) return;
  const problems = validateResponse(matched, result.status, result.body);
  if (problems.length > 0) deps.failures.add(`stand-in bug: ${where} ${result.status} response does not match GitHub's schema: ${problems.join("; ")}`);
}

function send(deps: ApiDependencies, req: IncomingMessage, res: ServerResponse, url: URL, record: RequestRecord, result: HandlerResult): void {
  let body = result.body;
  const headers: Record<string, string> = {
    "x-github-request-id": `STANDIN:${deps.requests.length}`,
    ...rateLimitHeaders(deps, record),
    ...result.headers,
  };
  if (result.paginate && Array.isArray(body)) {
    const { page, link } = paginate(body, url);
    body = page;
    if (link) headers.link = link;
  }
  const text = result.raw?.text ?? (body === undefined ? "" : JSON.stringify(body));
  if (text !== "") headers["content-type"] = result.raw?.contentType ?? "application/json; charset=utf-8";
  record.status = result.status;
  if (req.method === "GET" && result.status === 200) {
    headers.etag = etagOf(text);
    if (matchesIfNoneMatch(req.headers["if-none-match"], headers.etag)) {
      record.status = 304;
      record.notModified = true;
      res.writeHead(304, { etag: headers.etag, ...rateLimitHeaders(deps, record) }).end();
      return;
    }
  }
  res.writeHead(result.status, headers).end(text);
}

const RATE_LIMIT = 5000;

/**
 * GitHub's `x-ratelimit-*` headers on every answer: the installation's 5,000 an hour less the
 * requests made with installation tokens so far, 304s excepted (GitHub does not count them);
 * the app's JWT requests count against the app's own 5,000. The hour never resets here.
 */
function rateLimitHeaders(deps: ApiDependencies, record: RequestRecord): Record<string, string> {
  if (record.operationId === undefined) return {};
  const app = isAppJwtOperation(record.operationId);
  const used = deps.requests.filter(
    (r) => r.operationId !== undefined && !r.notModified && isAppJwtOperation(r.operationId) === app,
  ).length;
  return {
    "x-ratelimit-limit": String(RATE_LIMIT),
    "x-ratelimit-remaining": String(Math.max(0, RATE_LIMIT - used)),
    "x-ratelimit-used": String(used),
    "x-ratelimit-resource": "core",
  };
}

function fail(deps: ApiDependencies, reply: (r: HandlerResult) => void, status: number, message: string): void {
  deps.failures.add(message);
  reply({ status, body: errorBody(status, message) });
}

function faultResult(fault: { status: number; headers?: Record<string, string>; body?: unknown }): HandlerResult {
  return { status: fault.status, headers: fault.headers, body: fault.body ?? errorBody(fault.status, `Injected ${fault.status}`) };
}

function errorBody(status: number, message: string, errors?: unknown[]) {
  return { message, documentation_url: "https://docs.github.com/rest", status: String(status), ...(errors && { errors }) };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
