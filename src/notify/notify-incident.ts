import type { ChannelConfig, NotificationsConfig } from "../config/notifications-schema.js";
import { NOTIFY_ENV_PREFIX } from "../config/notifications-schema.js";
import type { IncidentState } from "../incident/incident-state.js";
import type { Telemetry } from "../telemetry/telemetry.js";
import { deriveNotifications, seenOf } from "./derive-notifications.js";
import type { NotificationMessage } from "./notification-message.js";
import { notifyStateSchema, type ChannelDelivery, type NotifyState } from "./notify-state.js";
import { postNotification, type PostDeps } from "./post-notification.js";
import { deliveryId, renderForKind } from "./render-for-kind.js";
import { routeNotifications } from "./route-notifications.js";
import { signBody } from "./sign-body.js";

export interface NotifyInput {
  config: NotificationsConfig;
  /** The server's environment: where the webhook URLs and secrets are. */
  env: Readonly<Record<string, string | undefined>>;
  deps: PostDeps & { telemetry?: Telemetry };
  repository: string;
  issue: { number: number; title: string; url: string };
  /** The state about to be written to the card. */
  state: IncidentState;
  /** The card's state as GitHub holds it before this write; undefined when there is no card yet. */
  previous: IncidentState | undefined;
  severity: string;
  status: string;
  resolvedAt: string | undefined;
}

export interface NotifyResult {
  /** What the card should remember; undefined when no channel is configured (the card is left as it was). */
  notify: NotifyState | undefined;
  /** "Needs attention" lines for the card (variables that are not set), in Markdown. */
  attention: string[];
}

/**
 * Tells the channels what changed since they last heard of the incident, and returns what the
 * card must remember of it: called just before the card is written, so the card write that the
 * change makes anyway records the deliveries, and a redelivered event (the card already says
 * the channels heard it) sends nothing. Never throws; a failed delivery is recorded as such.
 */
export async function notifyIncident(input: NotifyInput): Promise<NotifyResult> {
  const { config, env, state, previous } = input;
  const channelNames = Object.keys(config.channels);
  if (channelNames.length === 0) return { notify: undefined, attention: [] };
  const attention = channelNames.flatMap((name) =>
    missingVariables(config.channels[name]!, env).map(
      (variable) =>
        `- Notifications: channel \`${name}\` needs the server environment variable \`${variable}\`, which is not set; nothing is sent there.`,
    ),
  );
  const stored = notifyStateSchema.safeParse(previous?.notify);
  const prior = stored.success ? stored.data : undefined;
  const seen = seenOf(state, input.status, input.severity);
  const before =
    prior?.seen ?? (previous ? seenOf(previous, previous.history?.current ?? input.status, input.severity) : undefined);
  const messages = deriveNotifications(before, previous === undefined, {
    state,
    seen,
    repository: input.repository,
    number: input.issue.number,
    title: input.issue.title,
    url: input.issue.url,
    resolvedAt: input.resolvedAt,
    now: input.deps.now().toISOString(),
  });
  const announced = prior?.announced ?? [];
  const routed = routeNotifications(config, messages, { severity: input.severity, services: state.services }, announced);
  const channels = { ...(prior?.channels ?? {}) };
  await Promise.all(
    routed.map(async ({ channel, config: channelConfig, messages: list }) => {
      for (const message of list) {
        channels[channel] = await deliver(input, channel, channelConfig, message);
      }
    }),
  );
  return {
    notify: {
      seen,
      announced: [...new Set([...announced, ...routed.map((r) => r.channel)])],
      channels,
    },
    attention,
  };
}

function missingVariables(channel: ChannelConfig, env: NotifyInput["env"]): string[] {
  return [channel.url_env, channel.secret_env].filter(
    (name): name is string => name !== undefined && !env[name],
  );
}

async function deliver(
  input: NotifyInput,
  channel: string,
  config: ChannelConfig,
  message: NotificationMessage,
): Promise<ChannelDelivery> {
  const at = input.deps.now().toISOString();
  const record = (outcome: "sent" | "failed", rest: Partial<ChannelDelivery>): ChannelDelivery => ({
    kind: config.kind,
    event: message.event,
    outcome,
    attempts: 0,
    at,
    ...rest,
  });
  const url = readVariable(input.env, config.url_env);
  const secret = config.secret_env ? readVariable(input.env, config.secret_env) : undefined;
  if (!url || (config.kind === "webhook" && !secret)) {
    input.deps.telemetry?.notification(config.kind, "skipped");
    const missing = !url ? config.url_env : config.secret_env;
    return record("failed", { reason: `\`${missing}\` is not set on the server` });
  }
  if (!/^https?:\/\//i.test(url)) {
    input.deps.telemetry?.notification(config.kind, "skipped");
    return record("failed", { reason: `\`${config.url_env}\` does not hold an http(s) URL` });
  }
  const delivery = deliveryId(message, channel);
  const body = JSON.stringify(renderForKind(config.kind, message, delivery));
  const headers: Record<string, string> = { "user-agent": "Firewatch" };
  if (config.kind === "webhook" && secret) {
    headers["x-firewatch-event"] = message.event;
    headers["x-firewatch-delivery"] = delivery;
    headers["x-firewatch-signature-256"] = signBody(body, secret);
  }
  const result = await postNotification(input.deps, { url, body, headers });
  input.deps.telemetry?.notification(config.kind, result.outcome);
  return record(result.outcome, {
    attempts: result.attempts,
    at: input.deps.now().toISOString(),
    ...(result.status !== undefined ? { status: result.status } : {}),
    ...(result.outcome === "failed" && result.reason ? { reason: result.reason } : {}),
  });
}

/** Only `FIREWATCH_NOTIFY_*` variables are ever read, whatever the config got past validation. */
function readVariable(env: NotifyInput["env"], name: string): string | undefined {
  return name.startsWith(NOTIFY_ENV_PREFIX) ? env[name] || undefined : undefined;
}
