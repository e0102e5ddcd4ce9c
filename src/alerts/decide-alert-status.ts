import type { AlertsConfig } from "../config/alerts-schema.js";
import type { Effect } from "../effects/effect.js";
import type { LoadedIncident } from "../github/load-incident.js";
import type { LabelNames } from "../incident/label-names.js";
import { isClosedStatus, statusRank, type Status } from "../incident/lifecycle.js";
import { formatTime } from "../time/format-time.js";
import type { AlertGroup } from "./alert-group.js";

/** The label changes that leave exactly one status label, `to`. */
function statusLabels(loaded: LoadedIncident, names: LabelNames, to: Status): Effect[] {
  const wanted = names.status(to);
  const remove = loaded.issue.labels.filter((l) => names.isStatusLabel(l) && l !== wanted);
  const add = loaded.issue.labels.includes(wanted) ? [] : [wanted];
  return add.length > 0 || remove.length > 0
    ? [{ kind: "setLabels", issue: loaded.issue.number, add, remove }]
    : [];
}

/**
 * Every alert of the incident's own group resolved: what `alerts.on_resolved` asks for. Only
 * ever forward (an incident people moved past `recovering` stays where it is), and never on
 * a closed issue.
 */
export function decideOnResolved(
  mode: AlertsConfig["on_resolved"],
  loaded: LoadedIncident,
  names: LabelNames,
): Effect[] {
  if (mode === "note" || loaded.issue.state === "closed") return [];
  const current = loaded.history.current;
  if (current && isClosedStatus(current)) return [];
  if (mode === "recovering") {
    if (current && statusRank(current) >= statusRank("recovering")) return [];
    return statusLabels(loaded, names, "recovering");
  }
  // resolve-unacknowledged: a flap nobody looked at resolves itself; an acknowledged incident is people's to close.
  if (loaded.history.acknowledgedAt !== undefined) return [];
  return [
    ...statusLabels(loaded, names, "resolved"),
    { kind: "setIssueState", issue: loaded.issue.number, state: "closed" },
  ];
}

/**
 * The group fired again within the reopen window: reopen the issue, back to
 * `investigating` (what reopening means), with one comment saying why.
 */
export function decideReopen(loaded: LoadedIncident, names: LabelNames, group: AlertGroup, now: Date): Effect[] {
  const number = loaded.issue.number;
  const closedKey = loaded.history.resolvedAt ? Date.parse(loaded.history.resolvedAt) : now.getTime();
  return [
    { kind: "setIssueState", issue: number, state: "open" },
    ...statusLabels(loaded, names, "investigating"),
    {
      kind: "createComment",
      issue: number,
      key: `alert-reopened-${number}-${closedKey}`,
      body: `The alert group that opened this incident fired again at ${formatTime(now.toISOString())} (${group.alerts.filter((a) => a.status === "firing").length} alert(s) firing), within the reopen window (\`alerts.reopen_window_minutes\`), so Firewatch reopened it.`,
    },
  ];
}
