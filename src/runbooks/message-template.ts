import Handlebars from "handlebars";

/** Where a template failed, counted from the template's own first line (1-based). */
export interface TemplateError {
  message: string;
  line: number;
  column: number;
}

/**
 * How step messages are checked and rendered. A stand-in for src/reports' safe Handlebars
 * environment: the engine and dry run depend only on this interface so that one can
 * replace it without touching them.
 */
export interface MessageRenderer {
  check(template: string): TemplateError | undefined;
  render(template: string, scope: Record<string, unknown>): { ok: true; text: string } | { ok: false; error: TemplateError };
}

/** GitHub refuses comments above 65,536 characters; leave room for the checklist around it. */
export const MAX_MESSAGE_CHARS = 60_000;

const env = Handlebars.create();
const compileOptions = { knownHelpersOnly: true, strict: false, noEscape: false } as const;

/** Compiles only strings, with built-in helpers only, no partials, and Handlebars' default refusal of prototype access. */
export const defaultMessageRenderer: MessageRenderer = {
  check(template) {
    try {
      env.precompile(template, compileOptions);
      return undefined;
    } catch (error) {
      return toTemplateError(error);
    }
  },
  render(template, scope) {
    try {
      const text = env.compile(template, compileOptions)(scope, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      if (text.length > MAX_MESSAGE_CHARS) return { ok: false, error: { message: `the rendered message is longer than ${MAX_MESSAGE_CHARS} characters`, line: 1, column: 1 } };
      return { ok: true, text };
    } catch (error) {
      return { ok: false, error: toTemplateError(error) };
    }
  },
};

function toTemplateError(error: unknown): TemplateError {
  const raw = error instanceof Error ? error.message : String(error);
  const located = error as { lineNumber?: number; column?: number };
  const parseLine = /Parse error on line (\d+)/.exec(raw);
  const line = located.lineNumber ?? (parseLine ? Number(parseLine[1]) : 1);
  const firstLine = raw.split("\n")[0] ?? raw;
  const expecting = /Expecting (.*), got (.*)$/m.exec(raw);
  const message = expecting ? `${firstLine.replace(/:$/, "")}: expected ${expecting[1]}, got ${expecting[2]}` : firstLine;
  return { message: `template error: ${message}`, line, column: (located.column ?? 0) + 1 };
}
