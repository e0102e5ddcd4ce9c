import type { NotificationMessage } from "../notification-message.js";

const EMOJI: Record<NotificationMessage["event"], string> = {
  declared: "🔥",
  severity: "🚨",
  status: "🔄",
  roles: "👥",
  update: "📣",
  resolved: "✅",
  postmortem: "📝",
  reminder: "⏰",
};

/** The emoji that starts a message, by event. */
export function eventEmoji(message: NotificationMessage): string {
  return EMOJI[message.event];
}
