import { findOperationById, matchOperation } from "../spec/match-operation.js";

/** An error the stand-in answers with instead of (or after) doing the work. */
export interface FaultSpec {
  /**
   * The operation: "issues/create-comment", or "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
   * or a path template with `method` given separately.
   */
  route: string;
  method?: string;
  status: number;
  headers?: Record<string, string>;
  /** JSON body; defaults to GitHub's `{ message, documentation_url }`. */
  body?: unknown;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** How many matching requests go through first (default 0): e.g. 1 fails the second comment, not the card. */
  after?: number;
  /** Carry out the write, then answer the error: the ambiguous 5xx a retry must survive. */
  afterApplying?: boolean;
}

interface ArmedFault extends FaultSpec {
  operationId: string;
  /** Matching requests still to let through before failing. */
  passing: number;
  remaining: number;
}

/** Faults waiting for their request, checked in the order they were added. */
export class FaultInjector {
  private readonly armed: ArmedFault[] = [];

  /** @throws when the route names no operation in GitHub's description. */
  add(spec: FaultSpec): void {
    this.armed.push({ ...spec, operationId: resolveOperationId(spec), passing: spec.after ?? 0, remaining: spec.times ?? 1 });
  }

  /** The fault for this request, if any; consumes one of its `after`, else one of its `times`. */
  take(operationId: string): ArmedFault | undefined {
    const fault = this.armed.find((candidate) => candidate.operationId === operationId && candidate.remaining > 0);
    if (!fault) return undefined;
    if (fault.passing > 0) {
      fault.passing--;
      return undefined;
    }
    fault.remaining--;
    return fault;
  }
}

/** The operationId a fault or hold names (see `FaultSpec.route`). */
export function resolveOperationId(spec: { route: string; method?: string }): string {
  const [first = "", second] = spec.route.trim().split(/\s+/);
  const method = second ? first : spec.method;
  const template = second ?? first;
  if (!template.startsWith("/")) {
    if (findOperationById(template)) return template;
    throw new Error(`failNext/holdNext: no operation "${template}" in GitHub's OpenAPI description`);
  }
  if (!method) throw new Error(`failNext/holdNext: "${template}" needs a method`);
  // A template matches itself: its {placeholders} are accepted as parameter values.
  const matched = matchOperation(method, template);
  if (!matched || matched.template !== template) {
    throw new Error(`failNext/holdNext: no operation ${method.toUpperCase()} ${template} in GitHub's OpenAPI description`);
  }
  return matched.operationId;
}

/** GitHub's 403 for a secondary rate limit, with `retry-after`. */
export function secondaryRateLimit(route: string, retryAfterSeconds = 60): FaultSpec {
  return {
    route,
    status: 403,
    headers: { "retry-after": String(retryAfterSeconds), "x-ratelimit-remaining": "4900" },
    body: {
      message:
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.",
      documentation_url:
        "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
      status: "403",
    },
  };
}

/** A 429 Too Many Requests with `retry-after`. */
export function tooManyRequests(route: string, retryAfterSeconds = 60): FaultSpec {
  return {
    route,
    status: 429,
    headers: { "retry-after": String(retryAfterSeconds) },
    body: { message: "Too Many Requests", documentation_url: "https://docs.github.com/rest", status: "429" },
  };
}
