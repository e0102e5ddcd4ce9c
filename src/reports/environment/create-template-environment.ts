import Handlebars from "handlebars";
import { checkTemplateAst, type PartialSites } from "./check-template-ast.js";
import { registerTemplateHelpers } from "../helpers/register-template-helpers.js";
import { RenderBudget, type RenderClock } from "./render-budget.js";
import { sanitiseViewData, type OutputKind } from "./sanitise-view-data.js";
import { TemplateFailure, templateError, type SourceLocation, type TemplateError } from "./template-error.js";
import { DEFAULT_TEMPLATE_LIMITS, type TemplateLimits } from "./template-limits.js";

export type RenderResult = { ok: true; output: string } | { ok: false; error: TemplateError };

export interface RenderOptions {
  /**
   * `"markdown"` (the default): `{{x}}` HTML-escapes, for comments and reports.
   * `"text"`: `{{x}}` prints the value as it is, for values that are not Markdown (a
   * workflow's inputs: `Rollback <v2> & "A/B"` must arrive so, not as `&lt;v2&gt; &amp;`).
   */
  readonly as?: OutputKind;
}

export interface TemplateEnvironmentOptions {
  /** The clock that `maxRenderMs` is measured with; `performance.now` by default. */
  readonly clock?: RenderClock;
}

/** A Handlebars environment for templates a repository supplies (untrusted input). */
export interface TemplateEnvironment {
  readonly limits: TemplateLimits;
  /** Parses and checks a template without rendering it (for a pull request's check run). */
  validate(source: string): TemplateError | undefined;
  /** Renders a template with data. Never throws: any failure comes back as a TemplateError. */
  render(source: string, data: unknown, options?: RenderOptions): RenderResult;
}

type InvokePartial = (this: unknown, partial: unknown, context: unknown, options: { name?: string }) => unknown;

/**
 * Creates an isolated environment (`Handlebars.create()`: its helpers and partials are its
 * own) that compiles only strings, keeps Handlebars' prototype protection at its defaults
 * (`allowProtoPropertiesByDefault: false`, `allowProtoMethodsByDefault: false`), refuses
 * prototype names statically, bounds output, loops, partial depth and time (see
 * {@link TemplateLimits}), and turns every failure into a {@link TemplateError} at a line.
 * It is the one environment for every template a repository supplies: reports, and
 * runbooks' comments and workflow inputs (src/runbooks/message-template.ts).
 */
export function createTemplateEnvironment(
  overrides: Partial<TemplateLimits> = {},
  options: TemplateEnvironmentOptions = {},
): TemplateEnvironment {
  const limits: TemplateLimits = { ...DEFAULT_TEMPLATE_LIMITS, ...overrides };
  const clock = options.clock ?? (() => performance.now());
  const hb = Handlebars.create();
  let budget = new RenderBudget(limits, clock);
  let sites: PartialSites = { firstCall: new Map(), recursiveCall: new Map() };
  registerTemplateHelpers(hb, () => budget);

  // `env.VM` is the documented seam every partial call goes through (inline ones included);
  // replacing it on this environment's own copy leaves other environments alone.
  const vm = (hb as unknown as { VM: { invokePartial: InvokePartial } }).VM;
  const invokePartial = vm.invokePartial;
  (hb as unknown as { VM: unknown }).VM = {
    ...vm,
    invokePartial(this: unknown, partial: unknown, context: unknown, options: { name?: string }) {
      const name = options.name ?? "?";
      const where = { recursive: sites.recursiveCall.get(name), first: sites.firstCall.get(name) };
      return budget.enterPartial(name, where, () => {
        const out = invokePartial.call(this, partial, context, options);
        if (typeof out === "string") budget.checkOutput(out.length, `partial "${name}"`, where.first);
        return out;
      });
    },
  };

  const check = (source: unknown): PartialSites => {
    if (typeof source !== "string") throw new TemplateFailure("a template must be text", undefined);
    if (source.length > limits.maxTemplateLength) {
      throw new TemplateFailure(`the template is longer than ${limits.maxTemplateLength} characters`, undefined);
    }
    return checkTemplateAst(hb, source, limits);
  };

  return {
    limits,
    validate(source) {
      try {
        check(source);
        hb.precompile(source, { strict: false, compat: false });
        return undefined;
      } catch (error) {
        return toTemplateError(error, sites);
      }
    },
    render(source, data, { as = "markdown" } = {}) {
      try {
        sites = check(source);
        const template = hb.compile(source, { strict: false, compat: false, noEscape: as === "text" });
        const view = sanitiseViewData(data, limits.maxDataStringLength, as);
        budget = new RenderBudget(limits, clock);
        const output = template(view, {
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
        });
        budget.checkOutput(output.length, "the template", undefined);
        return { ok: true, output };
      } catch (error) {
        return { ok: false, error: toTemplateError(error, sites) };
      }
    },
  };
}

function toTemplateError(error: unknown, sites: PartialSites): TemplateError {
  if (error instanceof TemplateFailure) return templateError(error.message, error.loc);
  if (error instanceof RangeError) {
    return templateError(`the template is too deeply nested or too large to render (${error.message})`, undefined);
  }
  const e = error as { message?: unknown; lineNumber?: unknown; column?: unknown };
  const message = typeof e.message === "string" ? e.message.replace(/ - \d+:\d+$/, "") : String(error);
  // Handlebars' own run-time errors carry no position; a missing partial is found by name.
  const partial = /^The partial (\S+) could not be found/.exec(message)?.[1];
  const loc: SourceLocation | undefined =
    typeof e.lineNumber === "number"
      ? { start: { line: e.lineNumber, column: typeof e.column === "number" ? e.column : 0 } }
      : partial
        ? sites.firstCall.get(partial)
        : undefined;
  return templateError(message, loc);
}
