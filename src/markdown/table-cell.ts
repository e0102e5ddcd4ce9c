import { safeText } from "./safe-text.js";

/**
 * Makes already-safe text fit in one Markdown table cell without changing what it shows.
 *
 * GitHub (cmark-gfm) splits a row at each `|` that no backslash precedes, then turns
 * `\|` back into `|` before inline parsing. So pipes become `\|`, and backslashes are
 * doubled first so that a user's own `\` still shows (and `a\|b` cannot end a cell
 * early under a stricter parser that treats `\\` as an escape either). A newline would
 * end the row, so line breaks become `<br>` (the only HTML we emit; user HTML is escaped
 * before this runs). Empty text becomes a space so the cell exists.
 */
export function tableCellSyntax(safe: string): string {
  const cell = safe
    .trim()
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/\n[ \t]*\n+/g, "<br><br>")
    .replace(/\n/g, "<br>");
  return cell === "" ? " " : cell;
}

/** User-typed text made safe for a Markdown table cell: {@link safeText}, then {@link tableCellSyntax}. */
export function tableCell(text: string): string {
  return tableCellSyntax(safeText(text));
}
