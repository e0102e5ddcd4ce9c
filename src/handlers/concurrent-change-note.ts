import type { Effect } from "../effects/effect.js";
import type { LoadedIncident } from "../github/load-incident.js";
import type { LabelNames } from "../incident/label-names.js";
import type { IssueEvent } from "../incident/status-history.js";

/**
 * When people set status or severity labels at the same moment, the latest by GitHub's
 * event time stands and the others are taken off. This is the one short note that says so,
 * naming who set what. Its key is the standing labels' events, so however many deliveries
 * of that burst reconcile the labels, it is posted once.
 */
export function concurrentChangeNote(
  loaded: LoadedIncident,
  effects: readonly Effect[],
  names: LabelNames,
): Effect | undefined {
  const removed = effects.flatMap((e) => (e.kind === "setLabels" ? e.remove : []));
  const family = (l: string) =>
    names.isStatusLabel(l) ? "status" : names.isSeverityLabel(l) ? "severity" : undefined;
  const undone = removed.filter((l) => {
    const kin = family(l);
    return kin !== undefined && neverStood(loaded.events, l, (x) => family(x) === kin);
  });
  if (undone.length === 0) return undefined;
  const families = new Set(undone.map(family));
  const kept = loaded.issue.labels.filter(
    (l) => families.has(family(l)) && !removed.includes(l),
  );
  const describe = (label: string) => {
    const by = lastAdded(loaded.events, label)?.actor?.login;
    return by ? `\`${label}\` (@${by})` : `\`${label}\``;
  };
  const keyPart = kept.map((l) => lastAdded(loaded.events, l)?.id ?? l).join("-");
  return {
    kind: "createComment",
    issue: loaded.issue.number,
    key: `concurrent-${loaded.issue.number}-${keyPart}`,
    body: `Labels changed at the same moment: ${undone.map(describe).join(", ")} ${undone.length === 1 ? "was" : "were"} taken off; the latest change stands: ${kept.map(describe).join(", ")}.`,
  };
}

function lastAdded(events: readonly IssueEvent[], label: string): IssueEvent | undefined {
  return events.filter((e) => e.event === "labeled" && e.label?.name === label).at(-1);
}

/**
 * A label a person added that another person's label of the same family replaced before
 * the app made any label change in between: it was set at the same moment, never stood.
 * (In GitHub's order of events; a status moved on later, after the app reconciled, stood.)
 */
function neverStood(
  events: readonly IssueEvent[],
  label: string,
  sameFamily: (label: string) => boolean,
): boolean {
  const added = events.findLastIndex((e) => e.event === "labeled" && e.label?.name === label);
  if (added < 0 || events[added]!.actor?.type === "Bot") return false;
  for (const e of events.slice(added + 1)) {
    const name = e.label?.name;
    if (!name || (e.event !== "labeled" && e.event !== "unlabeled")) continue;
    if (e.actor?.type === "Bot") return false;
    if (e.event === "labeled" && sameFamily(name) && name !== label) return true;
  }
  return false;
}
