import { stripControlCharacters } from "./strip-control-characters.js";

export interface InlineCodeOptions {
  /**
   * The span goes into a table cell: pipes become `\|`. GitHub removes that backslash
   * before it parses the span, and backslashes are not escapes inside code, so nothing
   * else is doubled.
   */
  readonly inTable?: boolean;
}

/**
 * Wraps text in a code span that no backtick inside it can close early: the fence is one
 * backtick longer than the longest run in the text, and a space pads the content when it
 * starts or ends with a backtick (CommonMark strips one such space from each side).
 * Code spans are never scanned for mentions, references or HTML, so nothing else needs
 * escaping. Newlines become spaces (a span cannot hold them in a table or heading).
 */
export function inlineCode(text: string, options: InlineCodeOptions = {}): string {
  let content = stripControlCharacters(text).replace(/\n/g, " ");
  if (content === "") return "";
  if (options.inTable) content = content.replace(/\|/g, "\\|");
  const longestRun = Math.max(0, ...Array.from(content.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longestRun + 1);
  const needsPadding = content.startsWith("`") || content.endsWith("`") || /^ .* $/.test(content);
  const padded = needsPadding ? ` ${content} ` : content;
  return `${fence}${padded}${fence}`;
}
