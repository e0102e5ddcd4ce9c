import { createHmac, randomUUID } from "node:crypto";
import type { FailureLog } from "../failure-log.js";

export interface QueuedWebhook {
  id: string;
  event: string;
  action: string;
  payload: Record<string, unknown>;
}

/** One HTTP POST of a webhook to the app, as recorded for assertions. */
export interface DeliveryRecord {
  id: string;
  event: string;
  action: string;
  /** 1, or 2 for the repeat sent by `deliverTwice`. */
  attempt: number;
  status: number;
  payload: Record<string, unknown>;
}

export interface WebhookQueueOptions {
  secret: string;
  failures: FailureLog;
  /** A settle() that delivers more than this many webhooks is a loop. */
  maxDeliveries?: number;
}

/**
 * Webhooks wait here until `settle()`, which POSTs them one at a time, in order, signed like
 * GitHub signs them, and keeps going while the app's reactions queue more.
 */
export class WebhookQueue {
  /** Where to POST; the harness points it at the app's webhook path. */
  target: string | undefined;
  /** Send each webhook a second time, with the same X-GitHub-Delivery, after the first finished. */
  deliverTwice = false;
  readonly deliveries: DeliveryRecord[] = [];
  private readonly pending: QueuedWebhook[] = [];
  private settling: Promise<void> | undefined;

  constructor(private readonly options: WebhookQueueOptions) {}

  enqueue(event: string, action: string, payload: Record<string, unknown>): void {
    this.pending.push({ id: randomUUID(), event, action, payload });
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Delivers until nothing is pending. */
  settle(): Promise<void> {
    this.settling ??= this.drain().finally(() => {
      this.settling = undefined;
    });
    return this.settling;
  }

  private async drain(): Promise<void> {
    const limit = this.options.maxDeliveries ?? 200;
    let delivered = 0;
    while (this.pending.length > 0) {
      if (delivered >= limit) {
        const next = this.pending.map((w) => `${w.event}.${w.action}`).slice(0, 10).join(", ");
        this.pending.length = 0;
        this.options.failures.add(`webhook loop: more than ${limit} deliveries in one settle(); still pending: ${next}`);
        throw new Error(`settle(): more than ${limit} webhook deliveries — the app is looping on its own events`);
      }
      const webhook = this.pending.shift() as QueuedWebhook;
      await this.post(webhook, 1);
      if (this.deliverTwice) await this.post(webhook, 2);
      delivered++;
    }
  }

  private async post(webhook: QueuedWebhook, attempt: number): Promise<void> {
    if (!this.target) throw new Error("settle(): no webhook target set (start the app first)");
    const body = JSON.stringify(webhook.payload);
    const signature = createHmac("sha256", this.options.secret).update(body).digest("hex");
    const response = await fetch(this.target, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "GitHub-Hookshot/stand-in",
        "x-github-event": webhook.event,
        "x-github-delivery": webhook.id,
        "x-hub-signature-256": `sha256=${signature}`,
      },
      body,
    });
    const text = await response.text();
    this.deliveries.push({ ...webhook, attempt, status: response.status });
    if (response.status >= 400) {
      this.options.failures.add(
        `webhook ${webhook.event}.${webhook.action} (${webhook.id}, attempt ${attempt}) answered ${response.status}: ${text.slice(0, 300)}`,
      );
    }
  }
}
