import ipaddr from "ipaddr.js";
import { isHostAllowed } from "../../runbooks/http-allow-list.js";
import { describeRefusal, refusedAddress, type AllowedCidr } from "../../runbooks/refused-address.js";
import { bareHost, refusedHost } from "../../runbooks/refused-host.js";
import type { RunbookEffect } from "../../runbooks/runbook-effect.js";
import { pinnedDispatcher } from "./pinned-dispatcher.js";
import type { ResolveHost } from "./resolve-host.js";

type HttpCheck = Extract<RunbookEffect, { kind: "httpCheck" }>;

/** The most of a response body kept for `body_contains` (the rest is never read). */
export const MAX_HTTP_BODY_BYTES = 64 * 1024;

/** How `http` steps reach the network: replaced as a whole in tests. */
export interface HttpNetwork {
  fetch: typeof fetch;
  resolve: ResolveHost;
  /** Private networks the operator allowed (`FIREWATCH_HTTP_ALLOW_CIDRS`). */
  allowCidrs: readonly AllowedCidr[];
}

/**
 * Performs an `http` step's request. The host is checked against the allow-list again (the
 * config may have changed since validation); its name is resolved and refused when any
 * address is in a private network, and the request connects to the first address checked,
 * not to whatever a second lookup would say. Redirects are refused rather than followed
 * (they could lead off the list), the body is read up to a cap, and the timeout covers
 * the lookup and the request.
 */
export async function performHttpCheck(
  effect: HttpCheck,
  allow: readonly string[],
  network: HttpNetwork,
): Promise<{ status?: number; body?: string; error?: string }> {
  if (!isHostAllowed(effect.url, allow))
    return { error: `host ${hostOf(effect.url)} is not in runbooks.http_allow` };
  const refused = refusedHost(effect.url, network.allowCidrs);
  if (refused) return { error: refused };
  const signal = AbortSignal.timeout(effect.timeoutMs);
  let dispatcher: ReturnType<typeof pinnedDispatcher> | undefined;
  try {
    const checked = await checkedAddress(bareHost(effect.url) ?? "", network, signal);
    if ("error" in checked) return checked;
    dispatcher = pinnedDispatcher(checked.address);
    const response = await network.fetch(effect.url, {
      method: effect.method,
      redirect: "manual",
      signal,
      headers: { "user-agent": "Firewatch-runbook-check" },
      dispatcher,
      ...(effect.body !== undefined && effect.method !== "GET" && effect.method !== "HEAD"
        ? { body: effect.body }
        : {}),
      // undici's own Dispatcher type and the copy in Node's fetch types (undici-types) differ
      // in name only; the object is what Node's fetch accepts.
    } as unknown as RequestInit);
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
  } finally {
    await dispatcher?.destroy().catch(() => undefined);
  }
}

/** The address to connect to: the host itself when it is one, else every resolved one checked. */
async function checkedAddress(
  host: string,
  network: HttpNetwork,
  signal: AbortSignal,
): Promise<{ address: string } | { error: string }> {
  if (ipaddr.isValid(host)) return { address: host }; // refusedHost judged it already
  let addresses: string[];
  try {
    addresses = await untilAborted(network.resolve(host), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    const code = (error as { code?: string }).code;
    return { error: `could not resolve ${host}${code ? ` (${code})` : ""}` };
  }
  if (addresses.length === 0) return { error: `${host} resolves to no address` };
  for (const address of addresses) {
    const refused = refusedAddress(address, network.allowCidrs);
    if (refused) return { error: describeRefusal(host, refused) };
  }
  return { address: addresses[0]! };
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
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
