// C0/C1 controls except tab and newline, plus the bidirectional overrides and isolates
// that can make text display in a different order than it reads ("Trojan Source").
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Normalises line endings to `\n` and removes invisible control characters. */
export function stripControlCharacters(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(UNSAFE, "");
}
