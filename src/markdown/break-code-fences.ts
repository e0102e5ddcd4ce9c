import { ZERO_WIDTH_SPACE } from "./neutralise-references.js";

// A line that would open a fenced code block: up to three spaces, then ``` or ~~~.
const FENCE_OPENER = /^( {0,3})([`~])(?=\2\2)/gm;

/**
 * Stops user text from opening a fenced code block, which would swallow the rest of the
 * report (every section after it would render as code). A zero-width space after the first
 * fence character breaks the run of three, so the line reads the same but is plain text.
 * Inline code (`like this`) is untouched.
 */
export function breakCodeFences(text: string): string {
  return text.replace(FENCE_OPENER, `$1$2${ZERO_WIDTH_SPACE}`);
}
