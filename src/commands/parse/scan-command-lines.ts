/** A line that starts with `/` and a name, outside code and quotes, before its arguments are read. */
export interface CommandLine {
  /** 1-based line number in the comment. */
  line: number;
  /** The line without its indentation and trailing whitespace. */
  text: string;
}

/** A line that looked like a command but was not run, for the commenter's benefit. */
export interface LineProblem {
  line: number;
  kind: "too-long" | "in-quote" | "skipped";
  message: string;
}

export interface ScanOptions {
  /** Longest command line, in characters, that is read at all. */
  maxLineLength: number;
  /** Command lines returned; later ones are only counted. */
  maxCommands: number;
}

export interface ScanResult {
  lines: CommandLine[];
  problems: LineProblem[];
  /** Command lines past `maxCommands`, and the first of them. */
  skipped: number;
  firstSkipped: number;
}

const COMMAND = /^\/[A-Za-z][A-Za-z0-9_-]*(?:\s|$)/;
/** CommonMark's first kind of HTML block: its text is shown as is (`<pre>`) or not at all. */
const RAW_HTML_OPEN = /^<(?:pre|script|style|textarea)(?:[\s>]|$)/i;
const RAW_HTML_CLOSE = /<\/(?:pre|script|style|textarea)>/i;
const SPACE = 32;
const TAB = 9;

/**
 * Finds the lines of a comment that are commands, skipping what GitHub renders as code or
 * as a quote: fenced blocks (``` or ~~~, any length, closed by a fence of the same kind at
 * least as long, or running to the end), indented code, `>` quotes and the lines that
 * lazily continue a quote's paragraph, and raw HTML blocks (`<pre>` to the line holding
 * `</pre>`, likewise `<script>`, `<style>`, `<textarea>`). One pass; most lines are
 * dismissed by their first character, so a megabyte costs milliseconds.
 */
export function scanCommandLines(body: string, options: ScanOptions): ScanResult {
  const result: ScanResult = { lines: [], problems: [], skipped: 0, firstSkipped: 0 };
  let fence: { char: string; length: number } | undefined;
  let quoteParagraph = false;
  let htmlComment = false;
  let rawHtml = false;
  let start = 0;
  for (let n = 1; start <= body.length; n++) {
    let end = body.indexOf("\n", start);
    if (end === -1) end = body.length;
    const lineStart = start;
    const lineEnd = end > start && body.charCodeAt(end - 1) === 13 ? end - 1 : end;
    start = end + 1;

    let i = lineStart;
    while (i < lineEnd && body.charCodeAt(i) === SPACE) i++;
    const indent = i - lineStart;
    const first = i < lineEnd ? body[i] : undefined;

    if (htmlComment) {
      if (body.slice(lineStart, lineEnd).includes("-->")) htmlComment = false;
      continue;
    }
    if (rawHtml) {
      if (RAW_HTML_CLOSE.test(body.slice(lineStart, lineEnd))) rawHtml = false;
      continue;
    }
    if (fence) {
      if (first === fence.char && indent <= 3) {
        const close = fenceAt(body, i, lineEnd);
        if (close && close.char === fence.char && close.length >= fence.length && close.infoBlank)
          fence = undefined;
      }
      continue;
    }
    if (first === undefined) {
      quoteParagraph = false;
      continue;
    }
    if (indent >= 4 || body.charCodeAt(i) === TAB) continue;
    const content = afterListMarker(body, i, lineEnd);
    const open = fenceAt(body, content, lineEnd);
    if (open && !(open.char === "`" && open.infoHasBacktick)) {
      fence = open;
      quoteParagraph = false;
      continue;
    }
    if (first === "<" && body.startsWith("<!--", i)) {
      htmlComment = !body.slice(i + 4, lineEnd).includes("-->");
      continue;
    }
    if (
      body[content] === "<" &&
      RAW_HTML_OPEN.test(body.slice(content, Math.min(lineEnd, content + 11)))
    ) {
      rawHtml = !RAW_HTML_CLOSE.test(body.slice(content + 4, lineEnd));
      quoteParagraph = false;
      continue;
    }
    if (first === ">") {
      let j = i;
      while (
        j < lineEnd &&
        (body[j] === ">" || body.charCodeAt(j) === SPACE || body.charCodeAt(j) === TAB)
      )
        j++;
      quoteParagraph = j < lineEnd;
      continue;
    }
    if (first !== "/") continue;
    if (!COMMAND.test(body.slice(i, Math.min(lineEnd, i + 80)))) continue;

    if (quoteParagraph) {
      result.problems.push({
        line: n,
        kind: "in-quote",
        message: `Line ${n} continues the quote above it, so it was not run; leave an empty line before a command that follows a quote.`,
      });
    } else if (lineEnd - i > options.maxLineLength) {
      result.problems.push({
        line: n,
        kind: "too-long",
        message: `Line ${n} is longer than ${options.maxLineLength.toLocaleString("en")} characters, so it was not run.`,
      });
    } else if (result.lines.length >= options.maxCommands) {
      if (result.skipped++ === 0) result.firstSkipped = n;
    } else {
      result.lines.push({ line: n, text: body.slice(i, lineEnd).trimEnd() });
    }
  }
  return result;
}

interface Fence {
  char: string;
  length: number;
  infoBlank: boolean;
  infoHasBacktick: boolean;
}

/** A run of three or more backticks or tildes at `i`, and what follows it on the line. */
function fenceAt(body: string, i: number, end: number): Fence | undefined {
  const char = body[i];
  if (char !== "`" && char !== "~") return undefined;
  let j = i;
  while (j < end && body[j] === char) j++;
  if (j - i < 3) return undefined;
  const info = body.slice(j, end);
  return {
    char,
    length: j - i,
    infoBlank: info.trim() === "",
    infoHasBacktick: info.includes("`"),
  };
}

/** Where a list item's content starts (`- `, `1. `), so a fence opening the item is found; `i` otherwise. */
function afterListMarker(body: string, i: number, end: number): number {
  let j = i;
  const c = body[j];
  if (c === "-" || c === "*" || c === "+") j++;
  else {
    while (j < end && j - i < 9 && body[j]! >= "0" && body[j]! <= "9") j++;
    if (j === i || (body[j] !== "." && body[j] !== ")")) return i;
    j++;
  }
  const markerEnd = j;
  while (j < end && (body.charCodeAt(j) === SPACE || body.charCodeAt(j) === TAB)) j++;
  return j > markerEnd ? j : i;
}
