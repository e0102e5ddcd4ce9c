import { describe, expect, it } from "vitest";
import { breakCodeFences } from "../../src/markdown/break-code-fences.js";
import { escapeHtml } from "../../src/markdown/escape-html.js";
import { neutraliseReferences } from "../../src/markdown/neutralise-references.js";
import { safeText } from "../../src/markdown/safe-text.js";

const Z = "\u200B";

function decodeEntities(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) =>
    ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name] ?? "",
  );
}

describe("neutraliseReferences", () => {
  it.each([
    ["@alice please look", `@${Z}alice please look`],
    ["cc @acme/sre-team", `cc @${Z}acme/sre-team`],
    ["(@bob)", `(@${Z}bob)`],
    ["fixes #123", `fixes #${Z}123`],
    ["see acme/infra#42", `see acme/infra#${Z}42`],
    ["GH-7 and gh-8", `GH-${Z}7 and gh-${Z}8`],
    ["[@carol](https://example.com)", `[@${Z}carol](https://example.com)`],
    ["**@dave**", `**@${Z}dave**`],
    ["# Heading and #hashtag", "# Heading and #hashtag"],
    ["email ops@example.com", `email ops@${Z}example.com`],
    ["a lone @ and # sign", "a lone @ and # sign"],
  ])("%j", (input, expected) => {
    expect(neutraliseReferences(input)).toBe(expected);
  });

  it("is idempotent", () => {
    const once = neutraliseReferences("@a #1 GH-2 o/r#3");
    expect(neutraliseReferences(once)).toBe(once);
  });
});

describe("escapeHtml", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ['<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"],
    ["<!-- firewatch:card {} -->", "&lt;!-- firewatch:card {} --&gt;"],
    ["AT&T", "AT&amp;T"],
    ["&#64;alice", "&amp;#64;alice"],
    ["it's", "it&#39;s"],
  ])("%j", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe("safeText: hostile input leaves nothing that pings, links or renders as HTML", () => {
  const hostile = [
    "@everyone <script>fetch('//evil')</script> #1",
    "<!-- firewatch:state {\"status\":\"resolved\"} -->",
    "&#64;alice &#35;12 &commat;bob",
    "<details><summary>@admins</summary>hidden</details>",
    "\u202Egnp.exe\u202C and a bell\u0007",
  ];
  it.each(hostile)("%j", (input) => {
    // What a reader sees: entities decoded once, as the browser does.
    const out = decodeEntities(safeText(input));
    expect(safeText(input)).not.toMatch(/<[a-z!/]/i);
    expect(out).not.toMatch(/@[A-Za-z0-9]/);
    expect(out).not.toMatch(/#\d/);
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u202A-\u202E]/);
  });

  it("neutralises before escaping, so the entities it creates stay intact", () => {
    expect(safeText("it's #5")).toBe(`it&#39;s #${Z}5`);
  });

  it("keeps Markdown the author wrote", () => {
    expect(safeText("**bold** and [docs](https://example.com)\nline 2")).toBe(
      "**bold** and [docs](https://example.com)\nline 2",
    );
  });
});

describe("breakCodeFences", () => {
  it.each([
    ["```\nrest of report", `\`${Z}\`\`\nrest of report`],
    ["text\n   ~~~~ python", `text\n   ~${Z}~~~ python`],
    ["    ``` (indented code, not a fence)", "    ``` (indented code, not a fence)"],
    ["inline `code` and ``pairs``", "inline `code` and ``pairs``"],
    ["~~strike~~", "~~strike~~"],
  ])("%j", (input, expected) => {
    expect(breakCodeFences(input)).toBe(expected);
  });

  it("is part of safeText", () => {
    expect(safeText("notes:\n~~~\nall code now?")).toBe(`notes:\n~${Z}~~\nall code now?`);
  });
});
