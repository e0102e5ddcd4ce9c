import { makeRcaEntry, type RcaInput } from "./rca-entry.js";
import type { RcaState, RcaUpdate } from "./rca-state.js";

/** Records what set the incident off, replacing an earlier answer (the postmortem's "Trigger"). */
export function setTrigger(state: RcaState, input: RcaInput): RcaUpdate {
  const made = makeRcaEntry(input);
  if (!made.ok) return { ok: false, error: `could not record the trigger: ${made.error}` };
  return { ok: true, state: { ...state, trigger: made.entry } };
}
