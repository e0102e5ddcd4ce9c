import { CoordinationUnavailable } from "./coordination-unavailable.js";

/**
 * The {@link CoordinationUnavailable} for a Redis command that failed while running: says
 * what could not be done, where Redis was expected, why, and what follows for the webhook.
 */
export function redisUnavailable(
  address: string,
  action: string,
  cause: unknown,
): CoordinationUnavailable {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new CoordinationUnavailable(
    `Redis (REDIS_URL ${address}) is unreachable, so Firewatch could not ${action}: ${reason}. ` +
      "The webhook is answered 503; redeliver it from the app's settings once Redis is back.",
    { cause },
  );
}
