export { escapeHtml } from "./escape-html.js";
export { neutraliseReferences, ZERO_WIDTH_SPACE } from "./neutralise-references.js";
export { stripControlCharacters } from "./strip-control-characters.js";
export { breakCodeFences } from "./break-code-fences.js";
export { safeText } from "./safe-text.js";
export { tableCell, tableCellSyntax } from "./table-cell.js";
export { inlineCode, type InlineCodeOptions } from "./inline-code.js";
export { truncate, TRUNCATION_MARKER } from "./truncate.js";
export { slugify, type SlugOptions, DEFAULT_SLUG_MAX_LENGTH, DEFAULT_SLUG_FALLBACK } from "./slugify.js";
