import { ZERO_WIDTH_SPACE } from "./neutralise-references.js";

/*
 * A line that would start a block other than a paragraph: an ATX heading (`# `), a quote
 * (`>`), a list item (`- `, `+ `, `* `, `1. `, `1) `), a thematic break or setext underline
 * (a line of `-`, `=`, `*`, `_`), or indented code (four spaces, a tab).
 */
const BLOCK_START =
  /^( {0,3})(?! )(?=#{1,6}(?:[ \t\r]|$)|>|[-+*](?:[ \t\r]|$)|\d{1,9}[.)](?:[ \t\r]|$)|[-=*_][-=*_ \t\r]*$|\t)|^( {3})(?= )/gm;

/**
 * Keeps user text a paragraph wherever a template puts it at the start of a line: a factor
 * `# no load test` after `- ` would otherwise be a heading inside the list, `1. one` a
 * nested list, `---` under a line a heading. A zero-width space before the marker ends the
 * construct; the line reads the same. Idempotent; inline Markdown is untouched.
 */
export function neutraliseBlockStarts(text: string): string {
  return text.replace(
    BLOCK_START,
    (_match, indent?: string, codeIndent?: string) =>
      `${indent ?? codeIndent ?? ""}${ZERO_WIDTH_SPACE}`,
  );
}
