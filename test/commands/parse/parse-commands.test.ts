import { describe, expect, it } from "vitest";
import { parseCommands } from "../../../src/commands/parse/index.js";

const names = (body: string) => parseCommands(body).commands.map((c) => `${c.line}:${c.name}`);

describe("parseCommands: which lines are commands", () => {
  it.each([
    ["one command", "/ack", ["1:ack"]],
    ["several, one per line, with prose around", "Looking now.\n/ack\n/severity high\nthanks", ["2:ack", "3:severity"]],
    ["CRLF line endings", "/ack\r\n/note hi\r\n", ["1:ack", "2:note"]],
    ["names are case-insensitive", "/ACK", ["1:ack"]],
    ["up to three spaces of indentation", "   /ack", ["1:ack"]],
    ["a slash alone", "/", []],
    ["a slash and a space", "/ ", []],
    ["a slash and text after a space", "/ ack", []],
    ["a path", "/usr/bin/env is broken", []],
    ["a slash inside a sentence", "see a/b and /ack", []],
    ["a digit after the slash", "/123", []],
    ["non-ASCII name", "/ñame", []],
    ["indented code (4 spaces)", "    /ack", []],
    ["indented code (tab)", "\t/ack", []],
    ["backtick fence", "```\n/ack\n```\n/note after", ["4:note"]],
    ["tilde fence", "~~~\n/ack\n~~~", []],
    ["a longer fence is not closed by a shorter one", "````\n```\n/ack\n````\n/help", ["5:help"]],
    ["a tilde fence is not closed by backticks", "~~~\n```\n/ack\n~~~\n/help", ["5:help"]],
    ["a fence with an info string", "```bash\n/ack\n```", []],
    ["a closing fence cannot carry an info string", "```\n``` js\n/ack\n```\n/help", ["5:help"]],
    ["an unclosed fence runs to the end", "```\n/ack\n/help", []],
    ["a fence inside a list item", "- ```\n  /ack\n  ```\n/help", ["4:help"]],
    ["an inline code span is not a fence", "``` `x` ```\n/ack", ["2:ack"]],
    ["a quote", "> /ack", []],
    ["a nested quote", "> > /ack", []],
    ["a quote reply with a blank line after it", "> /ack\n\n/ack", ["3:ack"]],
    ["a line that lazily continues a quote", "> they said\n/ack", []],
    ["a one-line HTML comment", "<!-- /ack -->\n/help", ["2:help"]],
    ["a multi-line HTML comment", "<!--\n/ack\n-->\n/help", ["4:help"]],
    ["an unclosed HTML comment runs to the end", "<!-- todo\n/ack", []],
    ["a <pre> block", "<pre>\n/ack\n</pre>\n/help", ["4:help"]],
    ["a <pre> block with attributes, in capitals", "<PRE lang=\"sh\">\n/ack\n</PRE>\n/help", ["4:help"]],
    ["a <pre> block closed mid-line", "<pre>\n/ack\ndone</pre> here\n/help", ["4:help"]],
    ["a <pre> block opened and closed on one line", "<pre>x</pre>\n/ack", ["2:ack"]],
    ["a <pre> block inside a list item", "- <pre>\n  /ack\n  </pre>\n/help", ["4:help"]],
    ["a <pre> block after a paragraph, with no blank line", "look:\n<pre>\n/ack\n</pre>", []],
    ["an unclosed <pre> block runs to the end", "<pre>\n/ack\n/help", []],
    ["a <textarea> block", "<textarea>\n/ack\n</textarea>\n/help", ["4:help"]],
    ["a tag that only starts like pre", "<prelude>\n/ack", ["2:ack"]],
    ["<pre> in the middle of a line is not a block", "see <pre>\n\n/ack", ["3:ack"]],
    ["a blank quote line ends the quoted paragraph", "> quoted\n>\n/ack", ["3:ack"]],
    ["unicode around commands", "🔥 on fire\n/note GPU 💥 — naïve café 日本語", ["2:note"]],
  ])("%s", (_name, body, expected) => {
    expect(names(body)).toEqual(expected);
  });
});

describe("parseCommands: arguments", () => {
  const first = (body: string) => parseCommands(body).commands[0];
  it.each([
    ["/status identified db failover", ["identified", "db", "failover"], "identified db failover"],
    ['/role scribe "@octo cat"', ["scribe", "@octo cat"], 'scribe "@octo cat"'],
    ["/note 'single quoted' tail", ["single quoted", "tail"], "'single quoted' tail"],
    ['/note "escaped \\" quote" x', ['escaped " quote', "x"], '/note "escaped \\" quote" x'.slice(6)],
    ["/note 'it\\'s' ok", ["it's", "ok"], "'it\\'s' ok"],
    ["/note don't restart", ["don't", "restart"], "don't restart"],
    ['/note "unterminated quote', ['"unterminated', "quote"], '"unterminated quote'],
    ['/note "joined"word', ["joinedword"], '"joined"word'],
    ["/ack   ", [], ""],
    ["/note naïve 日本語 🔥", ["naïve", "日本語", "🔥"], "naïve 日本語 🔥"],
  ])("%s", (body, args, rest) => {
    expect(first(body)).toMatchObject({ args, rest });
  });
});

describe("parseCommands: caps", () => {
  it("runs at most 20 commands and reports the rest once", () => {
    const body = Array.from({ length: 10_000 }, (_, i) => `/note ${i}`).join("\n");
    const { commands, problems } = parseCommands(body);
    expect(commands).toHaveLength(20);
    expect(commands.at(-1)).toMatchObject({ args: ["19"], line: 20 });
    expect(problems).toEqual([expect.objectContaining({ kind: "skipped", line: 21, message: expect.stringContaining("9,980 more commands") })]);
  });

  it("does not run a command line that is too long", () => {
    const { commands, problems } = parseCommands(`/note ${"x".repeat(3_000)}\n/ack`);
    expect(commands.map((c) => c.name)).toEqual(["ack"]);
    expect(problems).toEqual([expect.objectContaining({ kind: "too-long", line: 1 })]);
  });

  it("says why a command under a quote did not run", () => {
    expect(parseCommands("> quoted\n/ack").problems).toEqual([expect.objectContaining({ kind: "in-quote", line: 2 })]);
  });

  // How fast this is, and that it stays linear, is measured by bench/parse-commands.ts, not asserted here.
  it.each([
    ["prose", "The GPU pool ran out of memory. ".repeat(32_000), 0],
    ["one huge line of quotes", `/note ${'"a '.repeat(350_000)}`, 0],
    ["commands", "/note hello world\n".repeat(58_000), 20],
    ["fences", "```\n/ack\n```\n".repeat(85_000), 0],
    ["quote lines", "> /ack\n".repeat(150_000), 0],
    ["<pre> blocks", "<pre>\n/ack\n</pre>\n".repeat(60_000), 0],
  ])("parses a 1 MB comment of %s and runs at most 20 commands", (_name, body, expected) => {
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(parseCommands(body).commands).toHaveLength(expected);
  });
});
