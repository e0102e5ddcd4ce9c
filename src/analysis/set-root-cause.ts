import { makeRcaEntry, type RcaInput } from "./rca-entry.js";
import type { RcaState, RcaUpdate } from "./rca-state.js";

/** Records the agreed root cause. There is one; a later /root-cause replaces the earlier. */
export function setRootCause(state: RcaState, input: RcaInput): RcaUpdate {
  const made = makeRcaEntry(input);
  if (!made.ok) return { ok: false, error: `could not record the root cause: ${made.error}` };
  return { ok: true, state: { ...state, rootCause: made.entry } };
}
