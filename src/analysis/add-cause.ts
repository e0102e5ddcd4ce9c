import { makeRcaEntry, type RcaInput } from "./rca-entry.js";
import { DEFAULT_FISHBONE_CATEGORIES, RCA_LIMITS, type RcaState, type RcaUpdate } from "./rca-state.js";

/**
 * Adds a fishbone cause under one of the configured categories (matched case-insensitively).
 * An unknown category is refused with the valid ones, so a typo does not invent a bone.
 */
export function addCause(state: RcaState, input: RcaInput & { category: string }, categories: readonly string[] = DEFAULT_FISHBONE_CATEGORIES): RcaUpdate {
  const wanted = input.category.trim().toLowerCase();
  const category = categories.find((c) => c.toLowerCase() === wanted);
  if (category === undefined) {
    return { ok: false, error: `unknown category "${input.category.trim().slice(0, 50)}"; use one of: ${categories.join(", ")}` };
  }
  if (state.causes.length >= RCA_LIMITS.maxCauses) {
    return { ok: false, error: `this incident already has ${RCA_LIMITS.maxCauses} causes, the most it can hold` };
  }
  const made = makeRcaEntry(input);
  if (!made.ok) return { ok: false, error: `could not add the cause: ${made.error}` };
  return { ok: true, state: { ...state, causes: [...state.causes, { ...made.entry, category: category.toLowerCase() }] } };
}
