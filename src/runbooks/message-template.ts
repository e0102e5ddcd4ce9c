import { createTemplateEnvironment } from "../reports/environment/create-template-environment.js";
import type { OutputKind } from "../reports/environment/sanitise-view-data.js";
import type { TemplateError } from "../reports/environment/template-error.js";

export type { TemplateError };

/**
 * How a runbook's templates (a `comment` step's `template`, a `workflow` step's `inputs`)
 * are checked and rendered. The engine and the dry run depend only on this interface.
 */
export interface MessageRenderer {
  /** Errors a template has whatever the incident: syntax, `{{{…}}}`, prototype names, unknown helpers, size. */
  check(template: string): TemplateError | undefined;
  /**
   * `as: "markdown"` (a comment) HTML-escapes `{{x}}`; `as: "text"` (a workflow input) does not.
   * A render error's message names the template's line, since it is shown away from the file.
   */
  render(template: string, scope: Record<string, unknown>, as?: OutputKind): { ok: true; text: string } | { ok: false; error: TemplateError };
}

/** GitHub refuses comments above 65,536 characters; leave room for the checklist around it. */
export const MAX_MESSAGE_CHARS = 60_000;

/**
 * A runbook's scope holds two short lists (services, labels), so no honest message loops
 * anywhere near this often; a small budget keeps a runaway template's cost to milliseconds
 * on a real incident.
 */
export const MAX_MESSAGE_ITERATIONS = 10_000;

/**
 * The reports' bounded environment (src/reports/environment), with the output capped at what
 * a comment can hold: loops, partials, output and time are bounded, prototype access and
 * unescaped output (`{{{…}}}`, which would let an incident's title plant a hidden
 * `firewatch:` block in the app's comment) are refused.
 */
const environment = createTemplateEnvironment({ maxOutputLength: MAX_MESSAGE_CHARS, maxIterations: MAX_MESSAGE_ITERATIONS });

export const defaultMessageRenderer: MessageRenderer = {
  check(template) {
    const error = environment.validate(template);
    return error ? { ...error, message: `template error: ${error.message}` } : undefined;
  },
  render(template, scope, as = "markdown") {
    const result = environment.render(template, scope, { as });
    if (result.ok) return { ok: true, text: result.output };
    const { message, line, column } = result.error;
    return { ok: false, error: { message: `template error at line ${line}, column ${column} of the template: ${message}`, line, column } };
  },
};
