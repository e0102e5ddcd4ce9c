/** The Redis key of the lock named `key` (one per incident or alert). */
export function lockKey(key: string): string {
  return `firewatch:lock:${key}`;
}

/** The Redis key of a claim (`Coordination.claim`), e.g. one clock tick's. */
export function claimKey(key: string): string {
  return `firewatch:claim:${key}`;
}

/** The Redis key recording that a delivery was handled. */
export function deliveryKey(deliveryId: string): string {
  return `firewatch:delivery:${deliveryId}`;
}

/**
 * How long a handled delivery id is remembered: 7 days, longer than anyone redelivers a
 * webhook from the app's settings in practice (GitHub keeps deliveries for 3 days).
 */
export const DELIVERY_TTL_SECONDS = 7 * 24 * 60 * 60;
