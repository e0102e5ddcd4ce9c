import type { Effect } from "../../effects/effect.js";
import { checkTransition, isClosedStatus, type Status } from "../../incident/lifecycle.js";
import type { CommandInput } from "./command-input.js";

export type StatusMove =
  { ok: true; effects: Effect[]; from: Status | undefined } | { ok: false; reason: string };

/** The label changes that move an incident to `to`, by the same rules as the status labels. */
export function moveStatus(input: CommandInput<unknown>, to: Status): StatusMove {
  const { issue, history } = input.incident;
  const from = history.current;
  const verdict = checkTransition(from, to, issue.state === "open");
  if (!verdict.allowed) return { ok: false, reason: verdict.reason };
  const wanted = input.names.status(to);
  const remove = issue.labels.filter((l) => input.names.isStatusLabel(l) && l !== wanted);
  const add = issue.labels.includes(wanted) ? [] : [wanted];
  const effects: Effect[] = [];
  if (add.length > 0 || remove.length > 0)
    effects.push({ kind: "setLabels", issue: issue.number, add, remove });
  if (isClosedStatus(to) && issue.state === "open")
    effects.push({ kind: "setIssueState", issue: issue.number, state: "closed" });
  return { ok: true, effects, from };
}
