import { makeRcaEntry, type RcaInput } from "./rca-entry.js";
import { RCA_LIMITS, type RcaState, type RcaUpdate } from "./rca-state.js";

/** Appends the next answer to the five-whys chain (five is a guide, not a limit). */
export function addWhy(state: RcaState, input: RcaInput): RcaUpdate {
  if (state.whys.length >= RCA_LIMITS.maxWhys) {
    return { ok: false, error: `this incident already has ${RCA_LIMITS.maxWhys} whys, the most it can hold; record the root cause with /root-cause` };
  }
  const made = makeRcaEntry(input);
  if (!made.ok) return { ok: false, error: `could not add the why: ${made.error}` };
  return { ok: true, state: { ...state, whys: [...state.whys, made.entry] } };
}
