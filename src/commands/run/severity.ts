import type { Effect } from "../../effects/effect.js";
import { escalationMessage } from "../../incident/escalation.js";
import type { SeverityArgs } from "../parse/args/severity.js";
import type { CommandDecision } from "./command-input.js";
import { appendCapped, stampedEntry, unchanged } from "./command-input.js";

/** `/severity <severity> [reason]`: one severity label; a move to critical brings in the escalation contacts. */
export const severity: CommandDecision<SeverityArgs> = (input) => {
  const { args, incident, names, config } = input;
  const wanted = names.severity(args.severity);
  const current = incident.issue.labels.filter(names.isSeverityLabel);
  if (current.length === 1 && current[0] === wanted)
    return unchanged(input, `The severity is already \`${args.severity}\`.`);
  const effects: Effect[] = [
    {
      kind: "setLabels",
      issue: incident.issue.number,
      add: current.includes(wanted) ? [] : [wanted],
      remove: current.filter((l) => l !== wanted),
    },
  ];
  const state = args.reason
    ? {
        ...incident.state,
        notes: appendCapped(
          incident.state.notes,
          stampedEntry(input, `severity → ${args.severity}: ${args.reason}`),
        ),
      }
    : incident.state;
  // The app's own label change is an event it ignores, so the command escalates itself.
  const reply = args.severity === "critical" ? escalationMessage(config) : undefined;
  return { ok: true, state, effects, reply };
};
