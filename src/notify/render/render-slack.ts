import { truncate } from "../../markdown/truncate.js";
import { LIMITS } from "./chat-limits.js";
import { eventEmoji } from "./event-emoji.js";
import type { NotificationMessage } from "../notification-message.js";
import { slackMrkdwn, slackPlainText } from "./neutralise-for-chat.js";

const L = LIMITS.slack;

/**
 * A Slack incoming-webhook body in Block Kit: a header, the title and text, the facts as
 * fields, and a button to the issue. Typed text only ever goes in `plain_text` objects (Slack
 * renders no links, mentions or formatting there); the top-level `text`, which Slack shows in
 * notifications and treats as mrkdwn, is escaped.
 */
export function renderSlack(message: NotificationMessage): unknown {
  const plain = (text: string, max: number) => ({
    type: "plain_text",
    text: truncate(slackPlainText(text) || "—", max),
    emoji: true,
  });
  const body = [message.title, message.text].filter(Boolean).join("\n\n");
  return {
    text: truncate(slackMrkdwn(`${eventEmoji(message)} ${message.headline}: ${message.title}`), L.section),
    blocks: [
      { type: "header", text: plain(`${eventEmoji(message)} ${message.headline}`, L.header) },
      { type: "section", text: plain(body, L.section) },
      {
        type: "section",
        fields: facts(message).map(([name, value]) => plain(`${name}\n${value}`, L.field)),
      },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            text: plain(`Open ${message.repository}#${message.number}`, L.button),
            url: message.url,
          },
        ],
      },
    ],
  };
}

/** The facts every kind shows, in this order. */
export function facts(message: NotificationMessage): [string, string][] {
  return [
    ["Severity", message.severity],
    ["Status", message.status],
    ["Services", message.services.join(", ") || "—"],
    ["Commander", message.commander ?? "—"],
  ];
}
