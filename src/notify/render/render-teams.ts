import { truncate } from "../../markdown/truncate.js";
import { LIMITS } from "./chat-limits.js";
import { eventEmoji } from "./event-emoji.js";
import type { NotificationMessage } from "../notification-message.js";
import { markdownText } from "./neutralise-for-chat.js";
import { facts } from "./render-slack.js";

/** The Adaptive Card version sent: Teams renders 1.4 on every client that Workflows posts to. */
export const ADAPTIVE_CARD_VERSION = "1.4";

/**
 * A Teams Workflows ("When a Teams webhook request is received") body: a `message` carrying
 * one Adaptive Card, the only format Workflows posts (the Office 365 connector MessageCard is
 * retired). Typed text goes in TextBlocks Markdown-escaped; the whole body stays under Teams'
 * message size limit by shortening the text until it fits.
 */
export function renderTeams(message: NotificationMessage): unknown {
  let room = 20_000;
  for (;;) {
    const body = teamsBody(message, room);
    if (Buffer.byteLength(JSON.stringify(body)) <= LIMITS.teams.bytes || room < 100) return body;
    room = Math.floor(room / 2);
  }
}

function teamsBody(message: NotificationMessage, room: number) {
  const text = (value: string, extra: Record<string, unknown> = {}) => ({
    type: "TextBlock",
    text: value,
    wrap: true,
    ...extra,
  });
  const body: unknown[] = [
    text(`${eventEmoji(message)} ${markdownText(message.headline)}`, { size: "Large", weight: "Bolder" }),
    text(truncate(markdownText(message.title), 500), { weight: "Bolder" }),
    { type: "FactSet", facts: facts(message).map(([title, value]) => ({ title, value: markdownText(value) })) },
  ];
  // A TextBlock is Markdown: a single newline is no line break there, an empty line is.
  if (message.text) body.push(text(truncate(markdownText(message.text).replace(/\n+/g, "\n\n"), room)));
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: ADAPTIVE_CARD_VERSION,
          body,
          actions: [
            { type: "Action.OpenUrl", title: `Open ${message.repository}#${message.number}`, url: message.url },
          ],
        },
      },
    ],
  };
}
