import { breakCodeFences } from "./break-code-fences.js";
import { escapeHtml } from "./escape-html.js";
import { neutraliseReferences } from "./neutralise-references.js";
import { stripControlCharacters } from "./strip-control-characters.js";

/**
 * The one function for user-typed text placed in Markdown outside tables and code:
 * control characters removed, mentions and references neutralised, code fences broken
 * (a stray ``` would turn the rest of the document into code), HTML escaped.
 * Markdown emphasis and links are kept on purpose (people write notes in Markdown;
 * GitHub sanitises links and proxies images). Not idempotent: `&` becomes `&amp;`.
 */
export function safeText(text: string): string {
  // Neutralise before escaping: escaping creates `&#39;`, whose `#3` must stay intact.
  return escapeHtml(breakCodeFences(neutraliseReferences(stripControlCharacters(text))));
}
