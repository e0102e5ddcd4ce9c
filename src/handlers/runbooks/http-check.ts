import { isHostAllowed } from "../../runbooks/http-allow-list.js";
import type { RunbookEffect } from "../../runbooks/runbook-effect.js";

type HttpCheck = Extract<RunbookEffect, { kind: "httpCheck" }>;

/** The most of a response body kept for `body_contains` (the rest is never read). */
export const MAX_HTTP_BODY_BYTES = 64 * 1024;

/**
 * Performs an `http` step's request. The host is checked against the allow-list again (the
 * config may have changed since validation), redirects are refused rather than followed
 * (they could lead off the list), the body is read up to a cap, and the timeout is enforced.
 */
export async function performHttpCheck(
  effect: HttpCheck,
  allow: readonly string[],
  fetchImpl: typeof fetch,
): Promise<{ status?: number; body?: string; error?: string }> {
  if (!isHostAllowed(effect.url, allow))
    return { error: `host ${hostOf(effect.url)} is not in runbooks.http_allow` };
  try {
    const response = await fetchImpl(effect.url, {
      method: effect.method,
      redirect: "manual",
      signal: AbortSignal.timeout(effect.timeoutMs),
      headers: { "user-agent": "Firewatch-runbook-check" },
      ...(effect.body !== undefined && effect.method !== "GET" && effect.method !== "HEAD"
        ? { body: effect.body }
        : {}),
    });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return {
        status: response.status,
        error: `redirect (${response.status}) refused: http checks do not follow redirects`,
      };
    }
    return { status: response.status, body: await readCapped(response) };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "TimeoutError" || name === "AbortError")
      return {
        error: `no response within ${effect.timeoutMs >= 1000 ? `${Math.round(effect.timeoutMs / 1000)}s` : `${effect.timeoutMs}ms`}`,
      };
    return { error: error instanceof Error ? error.message.slice(0, 200) : "request failed" };
  }
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_HTTP_BODY_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, MAX_HTTP_BODY_BYTES).toString("utf8");
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "(invalid URL)";
  }
}
