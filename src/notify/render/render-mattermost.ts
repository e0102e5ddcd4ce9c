import { truncate } from "../../markdown/truncate.js";
import { LIMITS, RESOLVED_COLOUR, SEVERITY_COLOURS } from "./chat-limits.js";
import { eventEmoji } from "./event-emoji.js";
import type { NotificationMessage } from "../notification-message.js";
import { markdownText, neutraliseMentions } from "./neutralise-for-chat.js";
import { facts } from "./render-slack.js";

/**
 * A Mattermost incoming-webhook body: `text` plus one Slack-style attachment (Mattermost does
 * not render Block Kit). Typed text is Markdown-escaped and its mentions broken.
 */
export function renderMattermost(message: NotificationMessage): unknown {
  const headline = `${eventEmoji(message)} ${markdownText(message.headline)}`;
  return {
    text: `#### ${headline} · [${message.repository}#${message.number}](${message.url})`,
    attachments: [
      {
        // Plain text (notifications, clients without formatting): mentions broken, nothing escaped.
        fallback: truncate(neutraliseMentions(`${message.headline}: ${message.title}`), 300),
        // Mattermost renders the title's links: escaped like the text.
        color: message.event === "resolved" ? RESOLVED_COLOUR : (SEVERITY_COLOURS[message.severity] ?? "#6e7781"),
        title: truncate(markdownText(message.title), 250),
        title_link: message.url,
        text: truncate(markdownText(message.text), LIMITS.mattermost.text),
        fields: facts(message).map(([title, value]) => ({ short: true, title, value: markdownText(value) })),
      },
    ],
  };
}
