import { describe, expect, it } from "vitest";
import { inlineCode } from "../../src/markdown/inline-code.js";
import { tableCell } from "../../src/markdown/table-cell.js";

/**
 * Splits a GFM table row with an escape-state machine (`\\` escapes the next character).
 * That is stricter than cmark-gfm, where any backslash before a pipe protects it, so a
 * row that keeps its cells here keeps them on GitHub too.
 */
function splitRow(row: string): string[] {
  const cells: string[] = [];
  let current = "";
  for (let i = 0; i < row.length; i++) {
    const ch = row[i];
    if (ch === "\\" && i + 1 < row.length) {
      current += ch + row[i + 1];
      i++;
    } else if (ch === "|") {
      cells.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells.slice(1, -1);
}

describe("tableCell", () => {
  it.each([
    ["plain", "plain"],
    ["a | b", "a \\| b"],
    ["a\\|b", "a\\\\\\|b"],
    ["trailing backslash\\", "trailing backslash\\\\"],
    ["line 1\nline 2", "line 1<br>line 2"],
    ["para 1\r\n\r\npara 2", "para 1<br><br>para 2"],
    ["", " "],
    ["  \n ", " "],
    ["<b>x</b> @a #1", "&lt;b&gt;x&lt;/b&gt; @\u200Ba #\u200B1"],
  ])("%j → %j", (input, expected) => {
    expect(tableCell(input)).toBe(expected);
  });

  it.each(["|", "a|b|c", "\\|", "\\\\|", "x\n|y|\n---|---", "end\\"])(
    "keeps %j in exactly one cell on one line",
    (input) => {
      const row = `| ${tableCell(input)} | next |`;
      expect(row).not.toContain("\n");
      expect(splitRow(row)).toHaveLength(2);
    },
  );
});

describe("inlineCode", () => {
  it.each([
    ["kubectl get pods", "`kubectl get pods`"],
    ["a `tick`", "`` a `tick` ``"],
    ["``double``", "``` ``double`` ```"],
    ["`", "`` ` ``"],
    ["two\nlines", "`two lines`"],
    ["", ""],
    ["<script>@a #1", "`<script>@a #1`"],
  ])("%j", (input, expected) => {
    expect(inlineCode(input)).toBe(expected);
  });

  it("escapes pipes, and only pipes, when the span sits in a table", () => {
    const row = `| ${inlineCode("a|b", { inTable: true })} | next |`;
    expect(row).toBe("| `a\\|b` | next |");
    expect(splitRow(row)).toHaveLength(2);
    // GitHub drops the backslash of `\|` before parsing the span, and code shows backslashes as typed.
    expect(inlineCode("C:\\tmp\\|x", { inTable: true })).toBe("`C:\\tmp\\\\|x`");
  });

  it("no backtick run inside can close the span", () => {
    for (const input of ["`", "``", "a```b", "` x `", "````"]) {
      const out = inlineCode(input);
      const fence = /^`+/.exec(out)?.[0] ?? "";
      const inner = out.slice(fence.length, out.length - fence.length);
      expect(inner.includes(fence)).toBe(false);
    }
  });
});
