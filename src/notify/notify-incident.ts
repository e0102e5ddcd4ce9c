import type { ChannelConfig, NotificationsConfig } from "../config/notifications-schema.js";
import type { IncidentState } from "../incident/incident-state.js";
import { deriveNotifications, seenOf } from "./derive-notifications.js";
import { notifyStateSchema, type NotifyState } from "./notify-state.js";
import { deliverMessage, type DeliverInput } from "./deliver/deliver-message.js";
import { routeNotifications } from "./route-notifications.js";

export interface NotifyInput extends DeliverInput {
  config: NotificationsConfig;
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
  const stored = notifyStateSchema.safeParse(previous?.notify);
  const prior = stored.success ? stored.data : undefined;
  // No channel configured (any more): nothing is sent, and the card's Notifications section
  // goes; what the channels heard is kept, so configuring them again repeats nothing.
  if (channelNames.length === 0)
    return { notify: prior && Object.keys(prior.channels).length > 0 ? { ...prior, channels: {} } : undefined, attention: [] };
  const attention = channelNames.flatMap((name) =>
    missingVariables(config.channels[name]!, env).map(
      (variable) =>
        `- Notifications: channel \`${name}\` needs the server environment variable \`${variable}\`, which is not set; nothing is sent there.`,
    ),
  );
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
  const routed = routeNotifications(config, messages, { severity: input.severity, services: state.services }, announced, state.planChannels);
  // Channels no longer configured drop off the card.
  const channels = Object.fromEntries(
    Object.entries(prior?.channels ?? {}).filter(([name]) => name in config.channels),
  );
  await Promise.all(
    routed.map(async ({ channel, config: channelConfig, messages: list }) => {
      for (const message of list) {
        channels[channel] = await deliverMessage(input, channel, channelConfig, message);
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
