import { truncate } from "../../markdown/truncate.js";
import { LIMITS, RESOLVED_COLOUR, SEVERITY_COLOURS } from "./chat-limits.js";
import { eventEmoji } from "./event-emoji.js";
import type { NotificationMessage } from "../notification-message.js";
import { markdownText } from "./neutralise-for-chat.js";
import { facts } from "./render-slack.js";

const L = LIMITS.discord;

/**
 * A Discord execute-webhook body: one embed (title linking to the issue, the text, the facts
 * as inline fields) and `allowed_mentions: { parse: [] }`, so nothing in it can ping anyone
 * even if a mention survived. Every part is cut to its embed limit, and the description to
 * what the 6,000-character total leaves.
 */
export function renderDiscord(message: NotificationMessage): unknown {
  const title = truncate(`${eventEmoji(message)} ${markdownText(message.headline)}: ${markdownText(message.title)}`, L.title);
  const fields = facts(message).map(([name, value]) => ({
    name,
    value: truncate(markdownText(value), L.fieldValue) || "—",
    inline: true,
  }));
  const footer = truncate(`${message.repository}#${message.number} · Firewatch`, L.footer);
  const used = title.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const description = truncate(markdownText(message.text), Math.min(L.description, L.total - used));
  const colour = message.event === "resolved" ? RESOLVED_COLOUR : (SEVERITY_COLOURS[message.severity] ?? "#6e7781");
  return {
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title,
        url: message.url,
        ...(description ? { description } : {}),
        color: Number.parseInt(colour.slice(1), 16),
        fields,
        footer: { text: footer },
        timestamp: message.at,
      },
    ],
  };
}
