import type { NotificationMessage } from "../notification-message.js";
import { neutraliseMentions } from "./neutralise-for-chat.js";

/** The version of the signed webhook's JSON; a change that breaks receivers gets a new one. */
export const WEBHOOK_VERSION = 1;

/**
 * The signed webhook's body: the event as versioned JSON, for relays and pagers to read.
 * Typed text is plain (no escaping a receiver would have to undo) with its mentions broken,
 * so a relay that forwards it to chat pings nobody.
 */
export function renderWebhook(message: NotificationMessage, delivery: string): unknown {
  return {
    version: WEBHOOK_VERSION,
    event: message.event,
    delivery,
    key: message.key,
    headline: neutraliseMentions(message.headline),
    at: message.at,
    incident: {
      repository: message.repository,
      number: message.number,
      url: message.url,
      title: neutraliseMentions(message.title),
      severity: message.severity,
      status: message.status,
      services: message.services.map(neutraliseMentions),
      commander: message.commander ?? null,
    },
    text: neutraliseMentions(message.text),
  };
}
