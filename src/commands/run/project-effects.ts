import type { Effect } from "../../effects/effect.js";
import type { IncidentView } from "./command-input.js";
import type { LabelNames } from "../../incident/label-names.js";

/**
 * The incident as it will be once `effects` are applied, so the next command in the
 * same comment decides from it (`/ack` then `/status identified` is a forward move).
 */
export function projectEffects(
  view: IncidentView,
  effects: readonly Effect[],
  names: LabelNames,
): IncidentView {
  let labels = view.issue.labels;
  let state = view.issue.state;
  let assignees = view.issue.assignees;
  for (const e of effects) {
    if (e.kind === "setLabels" && e.issue === view.issue.number)
      labels = [
        ...labels.filter((l) => !e.remove.includes(l)),
        ...e.add.filter((l) => !labels.includes(l)),
      ];
    if (e.kind === "setIssueState" && e.issue === view.issue.number) state = e.state;
    if (e.kind === "assign" && e.issue === view.issue.number)
      assignees = [...new Set([...assignees, ...e.logins])];
  }
  const current =
    labels.map(names.parseStatus).find((s) => s !== undefined) ?? view.history.current;
  return {
    ...view,
    issue: { ...view.issue, labels, state, assignees },
    history: { ...view.history, current },
  };
}
