import { randomUUID } from "node:crypto";
import type { FailureLog } from "../failure-log.js";
import { postWebhook, type QueuedWebhook } from "./post-webhook.js";
import { newSeed, seededRandom, shuffled } from "./seeded-random.js";
import { WebhookTargets } from "./webhook-targets.js";

export type { QueuedWebhook } from "./post-webhook.js";

/** One HTTP POST of a webhook to the app, as recorded for assertions. */
export interface DeliveryRecord {
  id: string;
  event: string;
  action: string;
  /** 1, or 2 for the repeat sent by `deliverTwice` / `twice`. */
  attempt: number;
  /** The HTTP status, or 0 when the connection failed (e.g. the replica was killed). */
  status: number;
  payload: Record<string, unknown>;
  /** The URL it was POSTed to (one of several when replicas share the deliveries). */
  target: string;
  /** In a burst settle: which round (1 = what was pending when settle was called). */
  round?: number;
  /** Why the connection failed, when status is 0. */
  error?: string;
}

/** A POST sent and not yet answered: which target is busy with which delivery. */
export type InFlightDelivery = Pick<DeliveryRecord, "id" | "event" | "action" | "attempt" | "target">;

/** How `settle()` delivers; no options is the default: one at a time, in order. */
export interface SettleOptions {
  /** Every pending webhook at the same moment in a seeded random order; repeat with what the reactions queue. */
  burst?: boolean;
  /** Seed of the burst order (default: `BURST_SEED` from the environment, else random); see `lastSeed`. */
  seed?: number;
  /**
   * Send each webhook twice with the same X-GitHub-Delivery: "sequential" once the first POST
   * answered, "together" with both POSTs in flight at once. Default: "sequential" when
   * `deliverTwice` is set, else once.
   */
  twice?: "sequential" | "together" | false;
}

export interface WebhookQueueOptions {
  secret: string;
  failures: FailureLog;
  /** A settle() that delivers more than this many webhooks is a loop. */
  maxDeliveries?: number;
}

/**
 * Webhooks wait here until `settle()`, which POSTs them signed like GitHub signs them — one
 * at a time in order, or in bursts — and keeps going while the app's reactions queue more.
 */
export class WebhookQueue {
  readonly targets = new WebhookTargets();
  /** Send each webhook a second time, with the same X-GitHub-Delivery, after the first finished. */
  deliverTwice = false;
  readonly deliveries: DeliveryRecord[] = [];
  /** POSTs sent and not yet answered, e.g. to find the replica a held request belongs to. */
  readonly inFlight = new Set<InFlightDelivery>();
  /** The seed of the last burst settle, for a failing test to print (failures recorded in it name it too). */
  lastSeed: number | undefined;
  private readonly pending: QueuedWebhook[] = [];
  private settling: Promise<void> | undefined;

  constructor(private readonly options: WebhookQueueOptions) {}

  enqueue(event: string, action: string, payload: Record<string, unknown>): void {
    this.pending.push({ id: randomUUID(), event, action, payload });
  }

  /** Queues an earlier delivery again with its X-GitHub-Delivery, as "Redeliver" in GitHub's UI does. */
  redeliver(deliveryId: string): void {
    const earlier = this.deliveries.find((delivery) => delivery.id === deliveryId);
    if (!earlier) throw new Error(`redeliver: no delivery ${deliveryId}`);
    this.pending.push({ id: earlier.id, event: earlier.event, action: earlier.action, payload: earlier.payload });
  }

  /** Removes and returns what is pending, undelivered (a test that runs the app another way). */
  take(): { id: string; event: string; action: string; payload: Record<string, unknown> }[] {
    return this.pending.splice(0).map(({ id, event, action, payload }) => ({ id, event, action, payload }));
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Delivers until nothing is pending. A settle already running is joined, whatever the options. */
  settle(options: SettleOptions = {}): Promise<void> {
    this.settling ??= (options.burst ? this.drainInBursts(options) : this.drain()).finally(() => {
      this.settling = undefined;
    });
    return this.settling;
  }

  private async drain(): Promise<void> {
    let delivered = 0;
    while (this.pending.length > 0) {
      this.guardLoop(delivered, "");
      const webhook = this.pending.shift() as QueuedWebhook;
      await this.post(webhook, 1);
      if (this.deliverTwice) await this.post(webhook, 2);
      delivered++;
    }
  }

  private async drainInBursts(options: SettleOptions): Promise<void> {
    const seed = options.seed ?? newSeed();
    this.lastSeed = seed;
    const random = seededRandom(seed);
    const twice = options.twice ?? (this.deliverTwice ? "sequential" : false);
    const note = ` (burst seed ${seed})`;
    let delivered = 0;
    for (let round = 1; this.pending.length > 0; round++) {
      this.guardLoop(delivered, note);
      const batch = shuffled(this.pending.splice(0, this.limit - delivered), random);
      delivered += batch.length;
      await Promise.all(
        batch.map(async (webhook) => {
          if (twice === "together") await Promise.all([this.post(webhook, 1, round, note), this.post(webhook, 2, round, note)]);
          else {
            await this.post(webhook, 1, round, note);
            if (twice === "sequential") await this.post(webhook, 2, round, note);
          }
        }),
      );
    }
  }

  private get limit(): number {
    return this.options.maxDeliveries ?? 200;
  }

  /** @throws once a settle has delivered `limit` webhooks and more are pending: the app is looping. */
  private guardLoop(delivered: number, note: string): void {
    if (delivered < this.limit) return;
    const next = this.pending.map((w) => `${w.event}.${w.action}`).slice(0, 10).join(", ");
    this.pending.length = 0;
    this.options.failures.add(`webhook loop: more than ${this.limit} deliveries in one settle(); still pending: ${next}${note}`);
    throw new Error(`settle(): more than ${this.limit} webhook deliveries — the app is looping on its own events${note}`);
  }

  private async post(webhook: QueuedWebhook, attempt: number, round?: number, note = ""): Promise<void> {
    const target = this.targets.pick();
    const sent: InFlightDelivery = { id: webhook.id, event: webhook.event, action: webhook.action, attempt, target };
    this.inFlight.add(sent);
    const outcome = await postWebhook(target, this.options.secret, webhook).finally(() => this.inFlight.delete(sent));
    const record: DeliveryRecord = { ...webhook, attempt, status: outcome.status, target };
    if (round !== undefined) record.round = round;
    if (outcome.error !== undefined) record.error = outcome.error;
    this.deliveries.push(record);
    if (outcome.status !== 0 && outcome.status < 400) return;
    const answer = outcome.error ? `failed: ${outcome.error}` : `answered ${outcome.status}: ${outcome.text.slice(0, 300)}`;
    const where = this.targets.all.length > 1 ? ` (target ${target})` : "";
    this.options.failures.add(`webhook ${webhook.event}.${webhook.action} (${webhook.id}, attempt ${attempt}) ${answer}${where}${note}`);
  }
}
