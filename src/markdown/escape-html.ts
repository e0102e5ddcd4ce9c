const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes the characters that let user text become HTML in GitHub-flavoured Markdown.
 *
 * `<` covers `<script>`, `<img onerror>`, `<details>` and `<!-- -->` (a comment could hide
 * text or fake the app's hidden `<!-- firewatch:… -->` markers). `&` is escaped too because
 * GitHub finds mentions and references in the *rendered* text: `&#64;user` or `&#35;12`
 * would decode to `@user` / `#12` and ping or link after our neutraliser had run.
 * `>` is escaped so a line cannot turn into a block quote of the app's own text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}
