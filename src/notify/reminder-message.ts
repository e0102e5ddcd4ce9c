import type { NotificationMessage } from "./notification-message.js";

/**
 * The chat message for a recovery plan's due update: sent to the notification channel the
 * plan's `communication[].channel` names, so the audience's channel sees that an update is
 * late, not only the communications role on GitHub.
 */
export function reminderMessage(
  incident: Omit<NotificationMessage, "event" | "key" | "headline" | "text">,
  reminder: { key: string; plan: string; audience: string; every: string },
): NotificationMessage {
  return {
    ...incident,
    event: "reminder",
    key: reminder.key,
    headline: `Update due for ${reminder.audience}`,
    text: `Recovery plan ${reminder.plan} promises ${reminder.audience} an update every ${reminder.every}, and it is due. The incident's communications role posts it on the issue with /update.`,
  };
}
