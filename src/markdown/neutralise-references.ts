/**
 * U+200B ZERO WIDTH SPACE. Renovate's `sanitizeMarkdown` puts it after every `@` and after
 * `#` before a digit in the changelogs it copies into pull requests (Dependabot does the
 * same with release notes), because GitHub's mention and reference filters need the name
 * or number to follow the sigil directly: with the invisible character in between the
 * text reads the same but pings nobody and creates no cross-reference. Backticks would
 * also work but change how the text looks and cannot nest inside code spans. We insert
 * the character itself, not the `&#8203;` entity, so it survives code spans, table cells
 * and Mermaid labels, where entities are not decoded.
 */
export const ZERO_WIDTH_SPACE = "\u200B";

// `@` before anything that can start a user, team or org name: `@user`, `@org/team`.
// Any preceding character is accepted (GitHub only needs a non-word one, but `a@b` is
// cheap to break and the visible text does not change).
const MENTION = /@(?=[A-Za-z0-9_-])/g;
// `#123`, `owner/repo#123`, `GH-123` (GitHub links the last form too).
const HASH_REFERENCE = /#(?=\d)/g;
const GH_REFERENCE = /\b(GH-)(?=\d)/gi;

/**
 * Makes mentions (`@user`, `@org/team`) and issue or pull-request references (`#123`,
 * `owner/repo#123`, `GH-123`) inert, so copied text can neither notify people nor add
 * "mentioned this" events to other issues. Idempotent.
 */
export function neutraliseReferences(text: string): string {
  return text
    .replace(MENTION, `@${ZERO_WIDTH_SPACE}`)
    .replace(HASH_REFERENCE, `#${ZERO_WIDTH_SPACE}`)
    .replace(GH_REFERENCE, `$1${ZERO_WIDTH_SPACE}`);
}
