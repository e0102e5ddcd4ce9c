import { formatTime } from "../time/format-time.js";
import type { NotifyState } from "./notify-state.js";

/**
 * The card's "Notifications" lines: per channel, its last delivery (sent, or failed with the
 * status and why), with the time. Names only: a URL is never shown.
 */
export function renderNotifySection(notify: NotifyState | undefined): string[] {
  const entries = Object.entries(notify?.channels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return [];
  return [
    "",
    "### Notifications",
    "",
    ...entries.map(([name, d]) => {
      const what = `\`${d.event}\` ${formatTime(d.at)}`;
      if (d.outcome === "sent") return `- \`${name}\` (${d.kind}): ✅ sent ${what}`;
      const why = d.reason ?? (d.status ? `HTTP ${d.status}` : "failed");
      const tries = d.attempts > 1 ? ` after ${d.attempts} attempts` : "";
      return `- \`${name}\` (${d.kind}): ❌ failed ${what}: ${why}${tries}`;
    }),
  ];
}
