import type { SourceLocation } from "./template-error.js";

/**
 * Handlebars' parser (Jison) throws a plain Error whose only position is in its text:
 *
 *     Parse error on line 3:
 *     ...{#each x}}{{foo bar}
 *     ----------------------^
 *
 * The excerpt is up to 20 characters before the error (newlines removed, `...` when cut)
 * and the caret sits under the error. We take the line from the first line of the message
 * and find the column by matching the excerpt against that line of the source.
 */
export function parseErrorPosition(message: string, source: string): SourceLocation | undefined {
  const lineMatch = /^Parse error on line (\d+):/.exec(message);
  if (!lineMatch?.[1]) return undefined;
  const line = Number(lineMatch[1]);
  const [, excerpt = "", caret = ""] = message.split("\n");
  const pointer = caret.indexOf("^");
  const before = excerpt.slice(0, Math.max(0, pointer)).replace(/^\.\.\./, "");
  const lineText = source.split("\n")[line - 1] ?? "";
  return { start: { line, column: columnOf(before, lineText) } };
}

/** 0-based column of the end of `before` (the text preceding the error) within the line. */
function columnOf(before: string, lineText: string): number {
  // The whole line prefix fits in the excerpt: the longest line prefix that ends it.
  for (let k = Math.min(before.length, lineText.length); k > 0; k--) {
    if (before.endsWith(lineText.slice(0, k))) return k;
  }
  // A long line: the excerpt is a window inside it.
  const at = before === "" ? -1 : lineText.indexOf(before);
  return at >= 0 ? at + before.length : 0;
}
