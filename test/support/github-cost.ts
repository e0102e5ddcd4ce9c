/**
 * Requests as GitHub counts them against an installation's rate limit: every request made
 * with the installation token, a 404 included, except a `304 Not Modified`; requests made
 * with the app's JWT (`GET /app`, `POST /app/installations/{id}/access_tokens`, the
 * `…/installation` look-ups) count against the app, not the installation.
 */
import type { RequestRecord } from "./github/http/api-request-handler.js";

/** Endpoints GitHub only answers for the app itself, authenticated with its JWT. */
const APP_JWT_PATH =
  /^\/app(\/|$)|^\/(repos\/[^/]+\/[^/]+|orgs\/[^/]+|users\/[^/]+)\/installation$/;

export interface GitHubCost {
  /** Counted requests other than GET. */
  writes: number;
  /** Counted GETs. */
  reads: number;
  /** Not counted: 304s and the app JWT's requests. */
  free: number;
}

export const isAppJwtRequest = (r: RequestRecord): boolean => APP_JWT_PATH.test(r.path);
export const isCounted = (r: RequestRecord): boolean => !r.notModified && !isAppJwtRequest(r);

export function githubCost(requests: readonly RequestRecord[]): GitHubCost {
  const counted = requests.filter(isCounted);
  const writes = counted.filter((r) => r.method !== "GET").length;
  return { writes, reads: counted.length - writes, free: requests.length - counted.length };
}

/** `GET /repos/acme/ops/contents/.github/firewatch.yml → 404`, with `(free)` on what is not counted. */
export function describeRequest(r: RequestRecord): string {
  const why = r.notModified ? " (free: 304)" : isAppJwtRequest(r) ? " (free: app JWT)" : "";
  return `${r.method} ${r.path}${r.query} → ${r.status}${why}`;
}
