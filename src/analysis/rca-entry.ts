import { RCA_LIMITS, type RcaEntry } from "./rca-state.js";

/** What a command supplies for any RCA note; `at` is the triggering event's time. */
export interface RcaInput {
  text: string;
  author: string;
  at: Date;
}

/**
 * Normalises and checks the parts every RCA note shares. Text is one line (it is shown in
 * tables and diagrams) and must fit the cap; the caller shows the error to the user.
 */
export function makeRcaEntry(input: RcaInput): { ok: true; entry: RcaEntry } | { ok: false; error: string } {
  const text = input.text.replace(/\s+/g, " ").trim();
  if (text.length === 0) return { ok: false, error: "the text is empty" };
  if (text.length > RCA_LIMITS.maxTextLength) {
    return { ok: false, error: `the text is ${text.length} characters; the limit is ${RCA_LIMITS.maxTextLength}` };
  }
  const author = input.author.trim();
  if (author.length === 0 || author.length > RCA_LIMITS.maxAuthorLength) return { ok: false, error: "the author is missing or too long" };
  if (Number.isNaN(input.at.getTime())) return { ok: false, error: "the time is not a valid date" };
  return { ok: true, entry: { text, author, at: input.at.toISOString() } };
}
