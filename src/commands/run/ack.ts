import type { AckArgs } from "../parse/args/ack.js";
import type { CommandDecision } from "./command-input.js";
import { unchanged } from "./command-input.js";
import { moveStatus } from "./move-status.js";

/** `/ack`: status → investigating, the commenter assigned, and commander if there is none. */
export const ack: CommandDecision<AckArgs> = (input) => {
  const { incident, actor } = input;
  if (incident.history.current && incident.history.current !== "detected")
    return unchanged(
      input,
      `Already acknowledged: the incident is \`${incident.history.current}\`.`,
    );
  const move = moveStatus(input, "investigating");
  if (!move.ok) return unchanged(input, move.reason, false);
  const effects = [...move.effects];
  if (!incident.issue.assignees.includes(actor) && input.assignable.has(actor))
    effects.push({ kind: "assign", issue: incident.issue.number, logins: [actor] });
  const roles = incident.state.roles.commander
    ? incident.state.roles
    : { ...incident.state.roles, commander: actor };
  return { ok: true, state: { ...incident.state, roles }, effects };
};
