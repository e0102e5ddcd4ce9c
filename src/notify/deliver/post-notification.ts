import type { Sleep } from "../../github/rate-limit-retry.js";

/** How long one request may take before it counts as no answer. */
export const REQUEST_TIMEOUT_MS = 5_000;
/** How long one message may keep trying (waits included) before it is recorded as failed. */
export const GIVE_UP_AFTER_MS = 30_000;
const MAX_ATTEMPTS = 5;
const FIRST_BACKOFF_MS = 1_000;

export interface PostDeps {
  now: () => Date;
  sleep: Sleep;
  /** A signal that aborts after `ms` (default `AbortSignal.timeout`); tests drive it on virtual time. */
  timeoutSignal?: (ms: number) => AbortSignal;
}

export interface PostRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface PostResult {
  outcome: "sent" | "failed";
  /** The last HTTP status, when an answer came. */
  status?: number;
  /** Why it failed, in words that never contain the URL. */
  reason?: string;
  attempts: number;
}

/**
 * POSTs one notification. 2xx is sent. 429 and 5xx, no answer within 5 s and a failed
 * connection are tried again after a backoff (1 s, 2 s, 4 s, …) or the `Retry-After` the
 * target asked for, until 5 attempts or 30 s have passed; any other status fails at once (a
 * 404 means the webhook was deleted: trying again will not help). Never throws.
 */
export async function postNotification(deps: PostDeps, request: PostRequest): Promise<PostResult> {
  const started = deps.now().getTime();
  let last: PostResult = { outcome: "failed", reason: "not tried", attempts: 0 };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const answer = await attemptOnce(deps, request);
    if (answer.status !== undefined && answer.status >= 200 && answer.status < 300)
      return { outcome: "sent", status: answer.status, attempts: attempt };
    last = { outcome: "failed", attempts: attempt, ...answer };
    const retryable = answer.status === undefined || answer.status === 429 || answer.status >= 500;
    if (!retryable || attempt === MAX_ATTEMPTS) break;
    const wait = answer.retryAfterMs ?? FIRST_BACKOFF_MS * 2 ** (attempt - 1);
    const left = GIVE_UP_AFTER_MS - (deps.now().getTime() - started);
    if (wait > left) {
      last = { ...last, reason: `${last.reason}; gave up: the next try was due past the ${GIVE_UP_AFTER_MS / 1000} s limit` };
      return last;
    }
    await deps.sleep(wait);
  }
  return last;
}

async function attemptOnce(
  deps: PostDeps,
  request: PostRequest,
): Promise<{ status?: number; reason: string; retryAfterMs?: number }> {
  const signal = (deps.timeoutSignal ?? ((ms) => AbortSignal.timeout(ms)))(REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(request.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...request.headers },
      body: request.body,
      redirect: "manual",
      signal,
    });
    await response.body?.cancel().catch(() => {});
    return {
      status: response.status,
      reason: `HTTP ${response.status}`,
      retryAfterMs: retryAfter(response.headers.get("retry-after"), deps.now()),
    };
  } catch {
    return { reason: signal.aborted ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : "could not connect" };
  }
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now. */
export function retryAfter(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
