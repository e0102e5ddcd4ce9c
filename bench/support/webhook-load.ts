/**
 * POSTs one webhook payload many times to an app, signed as GitHub signs deliveries
 * (HMAC-SHA256 of the body in `X-Hub-Signature-256`), each with its own delivery id, with a
 * bounded number in flight.
 */
import { createHmac, randomUUID } from "node:crypto";

export interface WebhookLoad {
  url: string;
  secret: string;
  event: string;
  payload: Record<string, unknown>;
  count: number;
  /** Deliveries in flight at once. */
  concurrency: number;
  /** Start no delivery after this many ms (those in flight finish); default: no limit. */
  maxMs?: number;
}

export interface LoadResult {
  /** Deliveries answered (fewer than `count` when `maxMs` ran out first). */
  delivered: number;
  /** Wall-clock time from the first POST to the last answer. */
  ms: number;
  /** Deliveries not answered 2xx, as "status: body". */
  failures: string[];
}

export async function postWebhooks(load: WebhookLoad): Promise<LoadResult> {
  const body = JSON.stringify(load.payload);
  const signature = `sha256=${createHmac("sha256", load.secret).update(body).digest("hex")}`;
  const failures: string[] = [];
  let started = 0;
  const t = performance.now();
  const deadline = t + (load.maxMs ?? Infinity);
  const worker = async () => {
    while (started < load.count && performance.now() < deadline) {
      started++;
      const response = await fetch(load.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/bench",
          "x-github-event": load.event,
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": signature,
        },
        body,
      });
      const text = await response.text();
      if (!response.ok) failures.push(`${response.status}: ${text.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(load.concurrency, load.count) }, worker));
  return { delivered: started, ms: performance.now() - t, failures };
}
