import { describe, expect, it } from "vitest";
import { neutraliseBlockStarts } from "../../src/markdown/neutralise-block-starts.js";

const Z = "\u200B";

describe("neutraliseBlockStarts", () => {
  it.each([
    ["a heading", "# no load test", `${Z}# no load test`],
    ["a deeper heading", "### x", `${Z}### x`],
    ["a heading alone", "#", `${Z}#`],
    ["a hashtag is no heading", "#hashtag", "#hashtag"],
    ["seven hashes are no heading", "####### x", "####### x"],
    ["a quote", "> they said", `${Z}> they said`],
    ["a quote without a space", ">x", `${Z}>x`],
    ["a bullet", "- item", `${Z}- item`],
    ["a plus bullet", "+ item", `${Z}+ item`],
    ["a star bullet", "* item", `${Z}* item`],
    ["emphasis is no bullet", "*really* bad", "*really* bad"],
    ["an ordered item", "1. one", `${Z}1. one`],
    ["an ordered item with a parenthesis", "2) two", `${Z}2) two`],
    ["a version is no list", "1.2 rolled out", "1.2 rolled out"],
    ["a thematic break", "---", `${Z}---`],
    ["a setext underline", "Big\n===", `Big\n${Z}===`],
    ["indented code", "    code", `   ${Z} code`],
    ["up to three spaces of indent", "   # x", `   ${Z}# x`],
    ["on every line", "ok\n# a\n> b", `ok\n${Z}# a\n${Z}> b`],
    ["CRLF", "ok\r\n# a\r\n", `ok\r\n${Z}# a\r\n`],
    ["plain prose", "GPU pool ran out of memory", "GPU pool ran out of memory"],
    ["inline Markdown", "see **this** and `that`", "see **this** and `that`"],
  ])("%s", (_name, input, expected) => {
    expect(neutraliseBlockStarts(input)).toBe(expected);
  });

  it("is idempotent", () => {
    const once = neutraliseBlockStarts("# a\n> b\n- c\n---\n    d");
    expect(neutraliseBlockStarts(once)).toBe(once);
  });
});
