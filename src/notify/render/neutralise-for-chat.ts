import { ZERO_WIDTH_SPACE } from "../../markdown/neutralise-references.js";
import { stripControlCharacters } from "../../markdown/strip-control-characters.js";

// `@here`, `@channel`, `@everyone`, `@all`, `@user`: the zero-width space keeps the text
// readable and the mention inert on every target (the same trick as for GitHub mentions).
const AT = /@(?=[\p{L}\p{N}_.-])/gu;
// `<!channel>`, `<@U123>`, `<@&role>`, `<#C123>`, `<https://x|text>`: every target that has
// angle-bracket syntax (Slack, Discord, Mattermost) needs `<` directly before it.
const ANGLE = /<(?=[!@#&:a-zA-Z/])/g;

/** Mentions and angle-bracket syntax made inert; control characters removed. Shared by every target. */
export function neutraliseMentions(text: string): string {
  return stripControlCharacters(text)
    .replace(AT, `@${ZERO_WIDTH_SPACE}`)
    .replace(ANGLE, `<${ZERO_WIDTH_SPACE}`);
}

/**
 * For Slack `plain_text` objects: Slack renders no formatting, links or mentions there, and
 * mentions are broken anyway in case a workspace or a later client parses them.
 */
export function slackPlainText(text: string): string {
  return neutraliseMentions(text);
}

/**
 * For Slack `mrkdwn` (the top-level `text` that notifications show): Slack's three escapes
 * (`&`, `<`, `>`) make `<!channel>`, `<@U…>` and `<url|text>` plain text.
 */
export function slackMrkdwn(text: string): string {
  return neutraliseMentions(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// CommonMark's backslash escapes cover every ASCII punctuation character; these are the ones
// that start emphasis, links, images, code, headings, quotes, tables, lists or HTML.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+!|~>-]/g;

/**
 * For Markdown targets (Discord, Mattermost, Teams' TextBlock): every character that could
 * start markup is backslash-escaped, so typed text shows as typed and cannot become a link
 * (`[text](url)`), an image, a heading or a code block.
 */
export function markdownText(text: string): string {
  return neutraliseMentions(text).replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}
