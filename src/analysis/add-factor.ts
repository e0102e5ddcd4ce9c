import { makeRcaEntry, type RcaInput } from "./rca-entry.js";
import { RCA_LIMITS, type RcaState, type RcaUpdate } from "./rca-state.js";

/** Records a contributing factor: something that made the incident likelier or worse. */
export function addFactor(state: RcaState, input: RcaInput): RcaUpdate {
  if (state.factors.length >= RCA_LIMITS.maxFactors) {
    return { ok: false, error: `this incident already has ${RCA_LIMITS.maxFactors} contributing factors, the most it can hold` };
  }
  const made = makeRcaEntry(input);
  if (!made.ok) return { ok: false, error: `could not add the factor: ${made.error}` };
  return { ok: true, state: { ...state, factors: [...state.factors, made.entry] } };
}
