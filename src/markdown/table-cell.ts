import { safeText } from "./safe-text.js";

/**
 * Makes already-safe text fit in one Markdown table cell without changing what it shows.
 *
 * GitHub's table parser splits a row at every `|` not preceded by a backslash *escape*,
 * and `\\` is itself an escape, so `a\|b` typed by a user would become `a\\|b`'s two
 * cells if only the pipe were escaped: backslashes are doubled first, then pipes escaped.
 * A newline would end the row, so line breaks become `<br>` (the only HTML we emit; user
 * HTML is escaped before this runs). Empty text becomes a space so the cell exists.
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
