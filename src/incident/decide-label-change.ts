import type { Effect } from "../effects/effect.js";
import type { LabelNames } from "./label-names.js";
import { checkTransition, isClosedStatus, type Status } from "./lifecycle.js";

export type IssueChange =
  | { kind: "labeled"; label: string }
  | { kind: "unlabeled"; label: string }
  | { kind: "closed" }
  | { kind: "reopened" };

export interface LabelSituation {
  issue: number;
  /** The issue's labels as GitHub has them now (loaded, not taken from the payload). */
  labels: string[];
  open: boolean;
  /** The status that stood before this change, from the status history. */
  previous: Status | undefined;
  /** Of the status labels on the issue, the one added last; it wins when several arrive at once. */
  newestStatusLabel?: string;
  /** Of the severity labels on the issue, the one added last; likewise it wins. */
  newestSeverityLabel?: string;
  names: LabelNames;
}

export interface LabelDecision {
  effects: Effect[];
  /** Why a transition was refused, for the reply to the person who tried it. */
  refusal?: string;
}

const none: LabelDecision = { effects: [] };

/**
 * Keeps exactly one status label and one severity label on an incident and enforces the
 * lifecycle: the newest status wins if allowed, a refused one is reverted, a removed
 * last label is restored, closing means `resolved` and reopening means `investigating`.
 * Decisions look at the labels as they are now, so a late or repeated delivery of an
 * event that no longer describes the issue changes nothing.
 */
export function decideLabelChange(change: IssueChange, s: LabelSituation): LabelDecision {
  const { names } = s;
  const statuses = s.labels.filter(names.isStatusLabel);
  if (change.kind === "closed")
    return s.open ? none : moveTo("resolved", s, (cur) => cur !== undefined && isClosedStatus(cur));
  if (change.kind === "reopened")
    return !s.open
      ? none
      : moveTo("investigating", s, (cur) => cur !== undefined && !isClosedStatus(cur));

  const status = names.parseStatus(change.label);
  const severity = names.parseSeverity(change.label);
  if (change.kind === "unlabeled") {
    if (status && statuses.length === 0)
      return setLabels(s, [names.status(s.previous ?? status)], []);
    if (severity && !s.labels.some(names.isSeverityLabel)) return setLabels(s, [change.label], []);
    return none;
  }
  if (!s.labels.includes(change.label)) return none;
  if (
    status &&
    s.newestStatusLabel &&
    s.newestStatusLabel !== change.label &&
    s.labels.includes(s.newestStatusLabel)
  )
    return decideLabelChange(
      { kind: "labeled", label: s.newestStatusLabel },
      { ...s, newestStatusLabel: undefined },
    );
  if (
    severity &&
    s.newestSeverityLabel &&
    s.newestSeverityLabel !== change.label &&
    s.labels.includes(s.newestSeverityLabel)
  )
    return decideLabelChange(
      { kind: "labeled", label: s.newestSeverityLabel },
      { ...s, newestSeverityLabel: undefined },
    );
  if (severity)
    return setLabels(
      s,
      [],
      s.labels.filter((l) => names.isSeverityLabel(l) && l !== change.label),
    );
  if (!status) return none;

  const verdict = checkTransition(s.previous, status, s.open);
  const others = statuses.filter((l) => l !== change.label);
  if (!verdict.allowed) {
    const restore =
      s.previous && !s.labels.includes(names.status(s.previous)) ? [names.status(s.previous)] : [];
    return { ...setLabels(s, restore, [change.label]), refusal: verdict.reason };
  }
  const decision = setLabels(s, [], others);
  if (isClosedStatus(status) && s.open)
    decision.effects.push({ kind: "setIssueState", issue: s.issue, state: "closed" });
  return decision;
}

function moveTo(
  target: Status,
  s: LabelSituation,
  alreadyThere: (current: Status | undefined) => boolean,
): LabelDecision {
  const current = s.labels.map(s.names.parseStatus).find((x) => x !== undefined);
  if (alreadyThere(current) && s.labels.filter(s.names.isStatusLabel).length === 1) return none;
  const wanted = s.names.status(target);
  return setLabels(
    s,
    s.labels.includes(wanted) ? [] : [wanted],
    s.labels.filter((l) => s.names.isStatusLabel(l) && l !== wanted),
  );
}

function setLabels(s: LabelSituation, add: string[], remove: string[]): LabelDecision {
  if (add.length === 0 && remove.length === 0) return none;
  return { effects: [{ kind: "setLabels", issue: s.issue, add, remove }] };
}
