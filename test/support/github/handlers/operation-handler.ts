import type { IncomingHttpHeaders } from "node:http";
import type { BaseUrls } from "../shapes/base-urls.js";
import type { GitHubState } from "../state/github-state.js";
import type { MutationContext } from "../state/mutation-context.js";

/** What a handler gets: the validated request and the state to read and change. */
export interface HandlerContext {
  state: GitHubState;
  urls: BaseUrls;
  /** Path parameters of the matched template, decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body, already validated against the operation's requestBody schema. */
  body: unknown;
  headers: IncomingHttpHeaders;
  /** Changes made through it are done by the authenticated caller and queue their webhooks. */
  mutation: MutationContext;
}

export interface HandlerResult {
  status: number;
  /** JSON body; validated against the operation's response schema for this status. */
  body?: unknown;
  /** A non-JSON body (e.g. raw file content); not schema-validated. */
  raw?: { contentType: string; text: string };
  headers?: Record<string, string>;
  /** The body is the complete list; the server pages it (per_page/page, Link header). */
  paginate?: boolean;
}

export type OperationHandler = (ctx: HandlerContext) => HandlerResult | Promise<HandlerResult>;

/** operationId (e.g. "issues/add-labels") → handler. */
export type HandlerRegistry = Record<string, OperationHandler>;

/** Path parameters that GitHub's description declares as integers. */
export function intParam(ctx: HandlerContext, name: string): number {
  return Number(ctx.params[name]);
}
