import { currentResolution } from "../../incident/current-resolution.js";
import type { TextArgs } from "../parse/args/text-command.js";
import type { CommandDecision } from "./command-input.js";
import { stampedEntry, unchanged } from "./command-input.js";
import { moveStatus } from "./move-status.js";

/**
 * `/resolve <resolution>`: records how it was resolved, status → resolved, and closes the issue.
 * After a plain `/status resolved` (or closing the issue) it still records the resolution,
 * once; changing a recorded one takes a reopen.
 */
export const resolve: CommandDecision<TextArgs> = (input) => {
  const { incident } = input;
  const current = incident.history.current;
  const resolution = stampedEntry(input, input.args.text);
  if (
    (current === "resolved" || current === "post-incident") &&
    !currentResolution(incident.state, incident.history)
  )
    return { ok: true, state: { ...incident.state, resolution }, effects: [] };
  if (current === "resolved" || current === "post-incident")
    return unchanged(
      input,
      `The incident is already \`${current}\`; reopen the issue first to change the resolution.`,
    );
  const move = moveStatus(input, "resolved");
  if (!move.ok) return unchanged(input, move.reason, false);
  return {
    ok: true,
    state: { ...incident.state, resolution },
    effects: move.effects,
  };
};
