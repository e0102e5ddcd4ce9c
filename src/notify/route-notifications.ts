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
 * hears "resolved". One entry per channel, messages in order.
 */
export function routeNotifications(
  config: NotificationsConfig,
  messages: readonly NotificationMessage[],
  incident: { severity: string; services: readonly string[] },
  announced: readonly string[],
): Routed[] {
  const byChannel = new Map<string, NotificationMessage[]>();
  for (const message of messages) {
    for (const route of config.routes) {
      if (!route.events.includes(message.event)) continue;
      const matches = filtersMatch(route, incident);
      for (const channel of route.to) {
        if (!config.channels[channel]) continue;
        if (!matches && !announced.includes(channel)) continue;
        const list = byChannel.get(channel) ?? [];
        if (!list.includes(message)) list.push(message);
        byChannel.set(channel, list);
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
