import type { StatusArgs } from "../parse/args/status.js";
import type { CommandDecision } from "./command-input.js";
import { appendCapped, stampedEntry, unchanged } from "./command-input.js";
import { moveStatus } from "./move-status.js";

/** `/status <status> [reason]`: the same rules as the status labels; the reason becomes a note. */
export const status: CommandDecision<StatusArgs> = (input) => {
  const { args, incident } = input;
  if (incident.history.current === args.status)
    return unchanged(input, `The incident is already \`${args.status}\`.`);
  const move = moveStatus(input, args.status);
  if (!move.ok)
    return unchanged(
      input,
      `The status stays \`${incident.history.current ?? "detected"}\`: ${move.reason}`,
      false,
    );
  const state = args.reason
    ? {
        ...incident.state,
        notes: appendCapped(
          incident.state.notes,
          stampedEntry(input, `→ ${args.status}: ${args.reason}`),
        ),
      }
    : incident.state;
  return { ok: true, state, effects: move.effects };
};
