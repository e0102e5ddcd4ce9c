import type { ChannelConfig, NotificationsConfig, RouteConfig } from "../config/notifications-schema.js";
import type { NotificationMessage } from "./notification-message.js";

export interface Routed {
  channel: string;
  config: ChannelConfig;
  messages: NotificationMessage[];
}

/**
 * Which channels hear which messages. A message goes to every channel of every route that
 * lists its event and whose filters match the incident (its severity now, any of its
 * services); a channel already told about the incident (`announced`) keeps hearing the
 * route's events whatever the severity or services became, so the one that heard "declared"
 * hears "resolved". `/update`s also go to the channels running recovery plans name
 * (`planChannels`). One entry per channel, messages in order.
 */
export function routeNotifications(
  config: NotificationsConfig,
  messages: readonly NotificationMessage[],
  incident: { severity: string; services: readonly string[] },
  announced: readonly string[],
  planChannels: readonly string[] = [],
): Routed[] {
  const byChannel = new Map<string, NotificationMessage[]>();
  const add = (channel: string, message: NotificationMessage) => {
    const list = byChannel.get(channel) ?? [];
    if (!list.includes(message)) list.push(message);
    byChannel.set(channel, list);
  };
  for (const message of messages) {
    // A running recovery plan promised its audience updates on these channels.
    if (message.event === "update")
      for (const channel of planChannels) if (config.channels[channel]) add(channel, message);
    for (const route of config.routes) {
      if (!(route.events as readonly string[]).includes(message.event)) continue;
      const matches = filtersMatch(route, incident);
      for (const channel of route.to) {
        if (!config.channels[channel]) continue;
        if (!matches && !announced.includes(channel)) continue;
        add(channel, message);
      }
    }
  }
  return [...byChannel].map(([channel, list]) => ({ channel, config: config.channels[channel]!, messages: list }));
}

function filtersMatch(route: RouteConfig, incident: { severity: string; services: readonly string[] }): boolean {
  if (route.severities && !route.severities.includes(incident.severity as never)) return false;
  if (route.services && !route.services.some((s) => incident.services.includes(s))) return false;
  return true;
}
