/** Longest label text drawn; longer text is cut with "…" so boxes stay readable. */
export const MERMAID_LABEL_MAX_LENGTH = 80;

// Mermaid decodes `#name;` and `#123;` inside labels, so every character that could end
// the quoted string, start an entity, turn the label into Markdown (backtick) or into HTML
// is written as an entity. What is left cannot close the label, whatever the user typed.
const ENTITIES: Record<string, string> = {
  '"': "#quot;",
  "#": "#35;",
  "&": "#amp;",
  "<": "#lt;",
  ">": "#gt;",
  "`": "#96;",
  "'": "#39;",
  "|": "#124;",
  "[": "#91;",
  "]": "#93;",
  "{": "#123;",
  "}": "#125;",
  "(": "#40;",
  ")": "#41;",
  ";": "#59;",
  "\\": "#92;",
};

/**
 * Turns untrusted text into a quoted Mermaid label, e.g. `"GPU #lt;OOM#gt;"`, safe in any
 * node shape (`id["…"]`, `id(["…"])`, `id{{"…"}}`) and as a subgraph title. Newlines and
 * other control characters become spaces: a label is one line.
 */
export function mermaidLabel(text: string, maxLength = MERMAID_LABEL_MAX_LENGTH): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const oneLine = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
  const chars = [...oneLine];
  const cut = chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join("")}…` : oneLine;
  const escaped = cut.replace(/["#&<>`'|[\]{}();\\]/g, (c) => ENTITIES[c] ?? c);
  return `"${escaped.length > 0 ? escaped : " "}"`;
}
