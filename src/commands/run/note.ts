import type { TextArgs } from "../parse/args/text-command.js";
import type { CommandDecision } from "./command-input.js";
import { appendCapped, stampedEntry } from "./command-input.js";

/** `/note <text>`: a line in the incident's timeline. */
export const note: CommandDecision<TextArgs> = (input) => ({
  ok: true,
  effects: [],
  state: {
    ...input.incident.state,
    notes: appendCapped(input.incident.state.notes, stampedEntry(input, input.args.text)),
  },
});

/** `/update <text>`: a stakeholder update; the card shows the latest as "Last update". */
export const update: CommandDecision<TextArgs> = (input) => ({
  ok: true,
  effects: [],
  state: {
    ...input.incident.state,
    updates: appendCapped(input.incident.state.updates, stampedEntry(input, input.args.text)),
  },
});
