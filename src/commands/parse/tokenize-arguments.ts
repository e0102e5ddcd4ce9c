/** One argument and where it sits in the text it came from. */
export interface Token {
  value: string;
  start: number;
  end: number;
}

const SPACE = /\s/;

/**
 * Splits command arguments at whitespace. A token that starts with `"` or `'` runs to the
 * matching unescaped quote (a backslash escapes the next character inside quotes); a quote
 * inside a word (`don't`) is just a character, and an unterminated quote is kept as
 * typed, so free text never fails to tokenise. Linear in the length of the text.
 */
export function tokenizeArguments(text: string): Token[] {
  const tokens: Token[] = [];
  // Once a quote of one kind finds no end, no later one can: the scan saw every quote after it.
  const unterminated = new Set<string>();
  let i = 0;
  while (i < text.length) {
    while (i < text.length && SPACE.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    const quote = text[i];
    if ((quote === '"' || quote === "'") && !unterminated.has(quote)) {
      const closed = readQuoted(text, i + 1, quote);
      if (!closed) unterminated.add(quote);
      if (closed) {
        let { value, next } = closed;
        while (next < text.length && !SPACE.test(text[next]!)) value += text[next++];
        tokens.push({ value, start, end: next });
        i = next;
        continue;
      }
    }
    while (i < text.length && !SPACE.test(text[i]!)) i++;
    tokens.push({ value: text.slice(start, i), start, end: i });
  }
  return tokens;
}

function readQuoted(
  text: string,
  from: number,
  quote: string,
): { value: string; next: number } | undefined {
  let value = "";
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length) value += text[++i];
    else if (c === quote) return { value, next: i + 1 };
    else value += c;
  }
  return undefined;
}
