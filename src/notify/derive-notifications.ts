import { createHash } from "node:crypto";
import type { IncidentState } from "../incident/incident-state.js";
import type { NotificationMessage } from "./notification-message.js";
import type { NotifySeen } from "./notify-state.js";

const SEVERITY_RANK: Record<string, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const ENDED = new Set(["resolved", "post-incident"]);
/** More updates than this in one card write are announced as their last ones only. */
const MAX_UPDATES_AT_ONCE = 3;

export interface IncidentNow {
  state: IncidentState;
  seen: NotifySeen;
  repository: string;
  number: number;
  title: string;
  url: string;
  /** When the history says the incident resolved, if it did. */
  resolvedAt: string | undefined;
  now: string;
}

/** What the channels should hear of an incident as it is now. */
export function seenOf(state: IncidentState, status: string, severity: string): NotifySeen {
  return {
    status,
    severity,
    roles: { ...state.roles },
    updates: state.updates.length,
    ...(state.reports?.postmortem ? { postmortem: state.reports.postmortem.pr } : {}),
  };
}

/**
 * The events between what the channels last heard (`before`) and the incident now, oldest
 * kind first. No `before` means nothing was ever announced: a new incident is `declared`;
 * an incident that existed before notifications were set up announces nothing until it
 * changes. Changes that cancel out between two card writes (high → critical → high) are
 * nothing; each key depends only on `before` and the state, so a resend after a crash keeps it.
 */
export function deriveNotifications(
  before: NotifySeen | undefined,
  isNew: boolean,
  now: IncidentNow,
): NotificationMessage[] {
  const { state, seen } = now;
  const base = {
    repository: now.repository,
    number: now.number,
    title: now.title,
    severity: seen.severity,
    status: seen.status,
    services: state.services,
    commander: state.roles.commander,
    url: now.url,
    at: now.now,
  };
  const tag = digest(before ?? "new");
  const message = (event: NotificationMessage["event"], headline: string, text = "", at = now.now) => ({
    ...base,
    event,
    key: `${event}:${tag}`,
    headline,
    text,
    at,
  });
  if (!before) return isNew ? [message("declared", "Incident declared", state.summary, state.declaredAt)] : [];
  const out: NotificationMessage[] = [];
  if (before.severity !== seen.severity) {
    const raised = (SEVERITY_RANK[seen.severity] ?? 0) > (SEVERITY_RANK[before.severity] ?? 0);
    out.push(message("severity", `Severity ${raised ? "raised" : "lowered"} from ${before.severity} to ${seen.severity}`));
  }
  if (before.status !== seen.status) {
    if (seen.status === "resolved" && !ENDED.has(before.status))
      out.push(message("resolved", "Incident resolved", state.resolution?.text ?? "", now.resolvedAt ?? now.now));
    else if (ENDED.has(before.status) && !ENDED.has(seen.status))
      out.push(message("status", `Incident reopened: ${seen.status}`));
    else out.push(message("status", `Status changed from ${before.status} to ${seen.status}`));
  }
  const roleChanges = changedRoles(before.roles, seen.roles);
  if (roleChanges.length > 0) out.push(message("roles", `Roles changed: ${roleChanges.join(", ")}`));
  const fresh = state.updates.slice(before.updates).slice(-MAX_UPDATES_AT_ONCE);
  for (const update of fresh) {
    out.push({ ...message("update", `Update from ${update.by}`, update.text, update.at), key: `update:${update.at}:${digest(update.text)}` });
  }
  if (seen.postmortem !== undefined && seen.postmortem !== before.postmortem)
    out.push(message("postmortem", `Postmortem in review: pull request #${seen.postmortem}`));
  return out;
}

function changedRoles(before: Record<string, string>, now: Record<string, string>): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(now)])].sort();
  return names
    .filter((role) => before[role] !== now[role])
    .map((role) => (now[role] ? `${role} ${now[role]}` : `${role} vacant`));
}

function digest(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 12);
}
