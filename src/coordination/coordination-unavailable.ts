/**
 * Thrown when the coordination store (Redis) cannot be reached while running, or a lock
 * stayed busy past the wait limit. `status` 503 makes Probot answer the webhook
 * "503 Service Unavailable", so the delivery shows as failed in the app's settings and can
 * be redelivered from GitHub once the store is back (GitHub never redelivers by itself).
 */
export class CoordinationUnavailable extends Error {
  /** The HTTP status Probot's webhook middleware answers with. */
  readonly status = 503;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "CoordinationUnavailable";
  }
}
