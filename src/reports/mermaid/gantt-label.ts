const MAX_LABEL_LENGTH = 60;

// Words Mermaid's gantt lexer reads as a statement when a line starts with them, so a
// phase or section called "title", "section x", "click here" or "2026-01-01" would
// change the diagram's meaning or fail to parse.
const KEYWORD_START =
  /^(gantt|dateformat|axisformat|tickinterval|title|section|click|call|href|acc|includes|excludes|weekday|weekend|todaymarker|topaxis|inclusiveenddates|\d{4}-\d\d-\d\d)/i;

/**
 * Makes any text safe as a gantt title, section or task name. Only letters, digits,
 * spaces and `_ . , ( ) / + ' & -` are kept: `:` separates a task's name from its data,
 * `#` and `;` end the data, `%` starts a comment, quotes and brackets open other tokens,
 * newlines end statements, and `<`, `>` and backticks mean markup elsewhere. A label that
 * would start with a keyword is prefixed with "· ". The result is never empty.
 */
export function ganttLabel(text: string, fallback = "untitled"): string {
  const kept = text
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} _.,()/+'&-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const cut = Array.from(kept).slice(0, MAX_LABEL_LENGTH).join("").trim();
  const label = cut === "" ? fallback : cut;
  return KEYWORD_START.test(label) ? `· ${label}` : label;
}
