import type { TextArgs } from "../parse/args/text-command.js";
import type { CommandDecision } from "./command-input.js";
import { stampedEntry, unchanged } from "./command-input.js";
import { moveStatus } from "./move-status.js";

/** `/resolve <resolution>`: records how it was resolved, status → resolved, and closes the issue. */
export const resolve: CommandDecision<TextArgs> = (input) => {
  const { incident } = input;
  const current = incident.history.current;
  if (current === "resolved" || current === "post-incident")
    return unchanged(
      input,
      `The incident is already \`${current}\`; reopen the issue first to change the resolution.`,
    );
  const move = moveStatus(input, "resolved");
  if (!move.ok) return unchanged(input, move.reason, false);
  return {
    ok: true,
    state: { ...incident.state, resolution: stampedEntry(input, input.args.text) },
    effects: move.effects,
  };
};
