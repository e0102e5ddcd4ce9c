import { breakCodeFences } from "../../markdown/break-code-fences.js";
import { neutraliseBlockStarts } from "../../markdown/neutralise-block-starts.js";
import { neutraliseReferences } from "../../markdown/neutralise-references.js";
import { stripControlCharacters } from "../../markdown/strip-control-characters.js";
import { truncate } from "../../markdown/truncate.js";
import { FORBIDDEN_NAMES } from "./check-template-ast.js";
import { MermaidDiagram } from "../mermaid/mermaid-diagram.js";

const MAX_DEPTH = 32;

/**
 * The escaping decision, in one place. Handlebars' `{{x}}` HTML-escapes (`& < > " ' \` =`)
 * but knows nothing of Markdown, and its `escapeExpression` is module-global (shared by
 * every `Handlebars.create()` environment in the process), so it cannot be replaced for
 * our environment alone. So the data is pre-sanitised here and Handlebars' escaping is
 * kept: every string is stripped of control characters, has mentions and references
 * neutralised, code fences broken and line starts kept from opening a heading, quote or
 * list, and is capped in length; `{{x}}` then adds the HTML escaping. Together that
 * is `safeText`. `{{{x}}}` and `{{&x}}` are refused by the static check, so no template
 * can print user text unescaped; the app's own markup arrives through helpers.
 *
 * The copy also drops functions (Handlebars would call them), prototype names as keys,
 * cycles and anything nested deeper than 32, and turns Dates into ISO strings.
 * {@link MermaidDiagram} values pass through untouched.
 *
 * `as: "text"` is for output that is not Markdown (a workflow's inputs): strings keep their
 * code fences, and the environment leaves out the HTML escaping too; control characters are
 * still stripped and mentions and references still neutralised.
 */
export function sanitiseViewData(value: unknown, maxStringLength: number, as: OutputKind = "markdown"): unknown {
  const strip = as === "text" ? forText : forMarkdown;
  return copy(value, (text) => truncate(strip(text), maxStringLength), 0, new WeakSet());
}

/** What a template's output is: Markdown (`{{x}}` HTML-escapes) or plain text (it does not). */
export type OutputKind = "markdown" | "text";

const forText = (text: string) => neutraliseReferences(stripControlCharacters(text));
const forMarkdown = (text: string) => neutraliseBlockStarts(breakCodeFences(forText(text)));

function copy(value: unknown, clean: (text: string) => string, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return clean(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return value;
  if (typeof value !== "object") return undefined;
  if (value instanceof MermaidDiagram) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (depth >= MAX_DEPTH || seen.has(value)) return undefined;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => copy(item, clean, depth + 1, seen));
    // Not a null-prototype object: Handlebars compares contexts with `!=`, which throws on
    // those. Prototype keys are dropped above, so assignment cannot set a prototype.
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN_NAMES.has(key)) continue;
      const safe = copy(item, clean, depth + 1, seen);
      if (safe !== undefined) out[key] = safe;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
