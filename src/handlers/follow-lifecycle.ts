import { decideLabelChange, type IssueChange } from "../incident/decide-label-change.js";
import { escalationEffect, labelEscalationKey } from "../incident/escalation.js";
import { newestLabel } from "../incident/status-history.js";
import { concurrentChangeNote } from "./concurrent-change-note.js";
import { declareIncident } from "./declare-incident.js";
import type { EventScope } from "./event-scope.js";
import { maybeOpenPostmortem } from "./reports/index.js";

/**
 * Enforces the lifecycle after a status or severity label changed, the issue was closed or
 * reopened (by a person, or by a runbook step): one label of each family, allowed moves
 * only, a reply when a move is refused, the escalation contacts brought in when the
 * severity becomes critical, the card re-rendered, the postmortem opened on resolve.
 */
export async function followLifecycle(
  scope: EventScope,
  number: number,
  change: IssueChange,
  sender: string,
): Promise<void> {
  const { names } = scope;
  // A label change is judged by the order of GitHub's events: always read them.
  const loaded = await scope.incident(number, { events: "always" });
  if (!loaded.state) await declareIncident(scope, number, sender);
  const history = loaded.history;
  const statusLabels = loaded.issue.labels.filter(names.isStatusLabel);
  const newestStatusLabel = newestLabel(loaded.events, statusLabels);
  const newestSeverityLabel = newestLabel(
    loaded.events,
    loaded.issue.labels.filter(names.isSeverityLabel),
  );
  const situation = (label: string | undefined) => {
    const judged =
      label && names.isStatusLabel(label)
        ? names.parseStatus(newestStatusLabel ?? label)
        : undefined;
    // The history already holds the label being judged; the status before it is the one that counts.
    const previous =
      judged && history.current === judged ? history.entries.at(-2)?.status : history.current;
    return {
      issue: number,
      labels: loaded.issue.labels,
      open: loaded.issue.state === "open",
      previous,
      newestStatusLabel,
      newestSeverityLabel,
      names,
    };
  };
  const label = "label" in change ? change.label : undefined;
  const decision = decideLabelChange(change, situation(label));
  // People who changed status and severity at the same moment: both families are reconciled here.
  const other =
    change.kind !== "labeled"
      ? undefined
      : names.isStatusLabel(change.label)
        ? loaded.issue.labels.filter(names.isSeverityLabel).length > 1 && newestSeverityLabel
        : names.isSeverityLabel(change.label)
          ? statusLabels.length > 1 && newestStatusLabel
          : undefined;
  if (other) {
    const more = decideLabelChange({ kind: "labeled", label: other }, situation(other));
    decision.effects.push(...more.effects);
    decision.refusal ??= more.refusal;
  }
  const note = concurrentChangeNote(loaded, decision.effects, names);
  await scope.apply(note ? [...decision.effects, note] : decision.effects);
  // Only a critical label that stands escalates: one undone by a newer severity does not.
  const criticalNow =
    change.kind === "labeled" &&
    names.parseSeverity(change.label) === "critical" &&
    loaded.issue.labels.includes(change.label) &&
    (newestSeverityLabel ?? change.label) === change.label;
  if (criticalNow)
    await scope.apply([
      escalationEffect(
        scope.config,
        number,
        labelEscalationKey(number, loaded.events, change.label) ??
          `escalation-${scope.deliveryId}`,
      ),
    ]);
  if (decision.refusal) {
    await scope.apply([
      {
        kind: "createComment",
        issue: number,
        key: `refused-${scope.deliveryId}`,
        body: `@${sender} Firewatch put the status back: ${decision.refusal}`,
      },
    ]);
  }
  const touchesIncident =
    change.kind === "closed" ||
    change.kind === "reopened" ||
    names.isStatusLabel(change.label) ||
    names.isSeverityLabel(change.label);
  if (touchesIncident) scope.recordState(number);
  if (
    change.kind === "closed" ||
    (change.kind === "labeled" && names.parseStatus(change.label) === "resolved")
  )
    await maybeOpenPostmortem(scope, number);
}
