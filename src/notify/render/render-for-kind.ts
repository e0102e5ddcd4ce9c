import { createHash } from "node:crypto";
import type { ChannelKind } from "../../config/notifications-schema.js";
import type { NotificationMessage } from "../notification-message.js";
import { renderDiscord } from "./render-discord.js";
import { renderMattermost } from "./render-mattermost.js";
import { renderSlack } from "./render-slack.js";
import { renderTeams } from "./render-teams.js";
import { renderWebhook } from "./render-webhook.js";

/** The body a channel of this kind is sent for one message. */
export function renderForKind(kind: ChannelKind, message: NotificationMessage, delivery: string): unknown {
  switch (kind) {
    case "slack":
      return renderSlack(message);
    case "mattermost":
      return renderMattermost(message);
    case "teams":
      return renderTeams(message);
    case "discord":
      return renderDiscord(message);
    case "webhook":
      return renderWebhook(message, delivery);
  }
}

/**
 * The delivery id of one message to one channel: derived from the incident, the message's key
 * and the channel, so a resend after a crash carries the same id and a receiver can drop it.
 */
export function deliveryId(message: NotificationMessage, channel: string): string {
  const hex = createHash("sha256")
    .update(`${message.repository}#${message.number}:${message.key}:${channel}`)
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
