import { makeRcaEntry, type RcaInput } from "./rca-entry.js";
import { LESSON_KINDS, RCA_LIMITS, type LessonKind, type RcaState, type RcaUpdate } from "./rca-state.js";

/** Adds a lesson learned: what went well, what went wrong, where the team got lucky. */
export function addLesson(state: RcaState, input: RcaInput & { kind: string }): RcaUpdate {
  const kind = LESSON_KINDS.find((k) => k === input.kind.trim().toLowerCase());
  if (kind === undefined) {
    return { ok: false, error: `unknown lesson kind "${input.kind.trim().slice(0, 50)}"; use one of: ${LESSON_KINDS.join(", ")}` };
  }
  if (state.lessons.length >= RCA_LIMITS.maxLessons) {
    return { ok: false, error: `this incident already has ${RCA_LIMITS.maxLessons} lessons, the most it can hold` };
  }
  const made = makeRcaEntry(input);
  if (!made.ok) return { ok: false, error: `could not add the lesson: ${made.error}` };
  const lesson: RcaState["lessons"][number] & { kind: LessonKind } = { ...made.entry, kind };
  return { ok: true, state: { ...state, lessons: [...state.lessons, lesson] } };
}
