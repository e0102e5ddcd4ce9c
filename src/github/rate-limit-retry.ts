import { statusOf } from "./client.js";

export type Sleep = (ms: number) => Promise<void>;

const MAX_ATTEMPTS = 4;
const MAX_WAIT_MS = 120_000;

/**
 * Waits out GitHub's secondary rate limit (403 or 429 with `retry-after`, 80 content-creating
 * requests a minute) and tries again, so a burst of writes is delayed, never dropped.
 * Probot's throttling only logs these, so the app does it here for its writes.
 */
export async function withRateLimitRetry<T>(write: () => Promise<T>, sleep: Sleep): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const wait = rateLimitWait(error);
      if (wait === undefined || attempt >= MAX_ATTEMPTS) throw error;
      await sleep(wait);
    }
  }
}

function rateLimitWait(error: unknown): number | undefined {
  const status = statusOf(error);
  if (status !== 403 && status !== 429) return undefined;
  const response = (
    error as { response?: { headers?: Record<string, string | undefined>; data?: unknown } }
  ).response;
  const retryAfter = Number(response?.headers?.["retry-after"]);
  const message = JSON.stringify(response?.data ?? "");
  if (!Number.isFinite(retryAfter) && !/secondary rate limit/i.test(message) && status !== 429)
    return undefined;
  const seconds = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 60;
  return Math.min(seconds * 1000, MAX_WAIT_MS);
}
