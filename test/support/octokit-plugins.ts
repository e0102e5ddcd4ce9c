import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";

/**
 * How the app's Octokit treats rate limits and errors in a test:
 * - "off": `@octokit/plugin-throttling` and `@octokit/plugin-retry` disabled (every request
 *   goes out at once, every error reaches the app) — the harness's default.
 * - "production": both on, with Probot's own handlers and the plugins' own rules (which
 *   requests are spaced, how many in flight, which statuses are retried and how often); only
 *   the waiting is shortened, see `productionOctokit`.
 */
export type OctokitPlugins = "off" | "production";

/** A call of Probot's throttle handler, recorded so a test can see a limit reached it. */
export interface ThrottleEvent {
  kind: "secondary-limit" | "rate-limit";
  method: string;
  url: string;
  /** Seconds, as GitHub's `retry-after` (or the plugin's fallback) said. */
  retryAfter: number;
  /** What Probot's handler answered: in Probot 14 a secondary limit is never retried. */
  retried: boolean;
}

/** Every wait of the plugins is divided by this; nothing else differs from production. */
export const PLUGIN_WAIT_DIVISOR = 1000;

export function testOctokit(plugins: OctokitPlugins, events: ThrottleEvent[]): typeof ProbotOctokit {
  if (plugins === "production") return productionOctokit(events);
  // Callback form: the object form is overwritten by Probot's own options (FACTS.md).
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    retry: { enabled: false },
    throttle: { enabled: false },
  }));
}

type Handler = (retryAfter: number, options: { method: string; url: string }, ...rest: unknown[]) => unknown;
interface ThrottleOptions {
  onSecondaryRateLimit: Handler;
  onRateLimit: Handler;
  connection?: Bottleneck.IORedisConnection;
  Bottleneck?: typeof Bottleneck;
}

/**
 * Probot's Octokit as in production, except for durations. What differs, exactly:
 * - plugin-retry waits `(retryCount + 1)²` × `retryAfterBaseValue` ms: 1 ms instead of 1000
 *   (so 1, 4, 9 ms instead of 1, 4, 9 s); still 3 retries, same statuses.
 * - plugin-throttling retries after `retry-after` × `retryAfterBaseValue`: 1 ms per second
 *   instead of 1000; Probot's handlers decide as in production (and are recorded).
 * - plugin-throttling's Bottleneck groups keep their ids, `maxConcurrent` (global 10, auth 1,
 *   search 1, write 1, notifications 1), Redis TTL and Redis connection (when `REDIS_URL` is
 *   set), but `minTime` is write 1 ms (1000), notifications 3 ms (3000), search 2 ms (2000).
 *   They are made once per app instance instead of once per process, so a `restart()` starts
 *   with fresh limiters, as a new process does.
 */
function productionOctokit(events: ThrottleEvent[]): typeof ProbotOctokit {
  let groups: Record<"global" | "auth" | "search" | "write" | "notifications", Bottleneck.Group> | undefined;
  return ProbotOctokit.defaults((options: Record<string, unknown>) => {
    const throttle = options.throttle as ThrottleOptions;
    groups ??= throttleGroups(throttle.Bottleneck ?? Bottleneck, throttle.connection);
    return {
      ...options,
      retry: { ...(options.retry as object | undefined), retryAfterBaseValue: 1000 / PLUGIN_WAIT_DIVISOR },
      throttle: {
        ...throttle,
        ...groups,
        retryAfterBaseValue: 1000 / PLUGIN_WAIT_DIVISOR,
        onSecondaryRateLimit: recorded("secondary-limit", throttle.onSecondaryRateLimit, events),
        onRateLimit: recorded("rate-limit", throttle.onRateLimit, events),
      },
    };
  });
}

/** plugin-throttling 11's groups (its `createGroups`), with `minTime` divided. */
function throttleGroups(B: typeof Bottleneck, connection: Bottleneck.IORedisConnection | undefined) {
  const common = { timeout: 1000 * 60 * 2, ...(connection && { connection }) };
  const group = (id: string, maxConcurrent: number, minTime?: number) =>
    new B.Group({ id, maxConcurrent, ...(minTime !== undefined && { minTime: minTime / PLUGIN_WAIT_DIVISOR }), ...common });
  return {
    global: group("octokit-global", 10),
    auth: group("octokit-auth", 1),
    search: group("octokit-search", 1, 2000),
    write: group("octokit-write", 1, 1000),
    notifications: group("octokit-notifications", 1, 3000),
  };
}

/** Handlers already wrapped: an installation's Octokit is built from the app's options, wrapped once already. */
const recordedHandlers = new WeakSet<Handler>();

/** Calls Probot's handler unchanged and returns its answer; records the call. */
function recorded(kind: ThrottleEvent["kind"], handler: Handler, events: ThrottleEvent[]): Handler {
  if (recordedHandlers.has(handler)) return handler;
  const wrapped: Handler = (retryAfter, options, ...rest) => {
    const answer = handler(retryAfter, options, ...rest);
    events.push({ kind, method: options.method, url: options.url, retryAfter, retried: Boolean(answer) });
    return answer;
  };
  recordedHandlers.add(wrapped);
  return wrapped;
}
