import type { NotificationEvent } from "../config/notifications-schema.js";

/**
 * One thing to tell the outside about an incident, before it is rendered for a target. Every
 * kind (Slack, Teams, Mattermost, Discord, the signed webhook) is rendered from this alone.
 * `title`, `text`, `services` and `commander` can hold what people typed: each renderer
 * neutralises them for its target. `headline` is the app's own words.
 */
export interface NotificationMessage {
  /** A configured event, or `reminder`: a recovery plan's update is due (sent to the channel the plan names). */
  event: NotificationEvent | "reminder";
  /** Stable for this event of this incident: the same on a retry or a redelivery. */
  key: string;
  /** What happened, in the app's words (e.g. "Severity raised to critical"). */
  headline: string;
  repository: string;
  number: number;
  /** The title. */
  title: string;
  severity: string;
  status: string;
  services: string[];
  commander: string | undefined;
  /** The typed text the event carries (the summary, the update, the resolution), or "". */
  text: string;
  /** The page. */
  url: string;
  /** When the event was noticed (ISO 8601). */
  at: string;
}
