import { createTemplateEnvironment } from "./environment/create-template-environment.js";
import { defaultTemplate, type ReportKind } from "./default-templates.js";
import type { TemplateError } from "./environment/template-error.js";

/** Where a repository puts its own template for a report kind. */
export function templateOverridePath(kind: ReportKind): string {
  return `.github/firewatch/templates/${kind}.md.hbs`;
}

export interface LoadedTemplate {
  readonly kind: ReportKind;
  readonly source: string;
  /** `repository` when the override was used, `default` otherwise. */
  readonly origin: "repository" | "default";
  /** The file the source came from, for messages and annotations. */
  readonly path: string;
}

export type LoadTemplateResult =
  | { ok: true; template: LoadedTemplate }
  | { ok: false; error: TemplateError; path: string };

/**
 * Chooses the template for a report: the repository's override text when there is one
 * (reading it from GitHub is the caller's job; `undefined` means "no such file"), else the
 * default. An override is parsed and checked here, so a broken one is reported with its
 * line before anything is rendered (also what a pull request's check run calls).
 */
export function loadTemplate(kind: ReportKind, overrideText: string | undefined): LoadTemplateResult {
  if (overrideText === undefined) {
    return { ok: true, template: { kind, source: defaultTemplate(kind), origin: "default", path: `templates/${kind}.md.hbs` } };
  }
  const path = templateOverridePath(kind);
  if (overrideText.trim() === "") {
    // An empty file is almost certainly a mistake; rendering it would open an empty report.
    return { ok: false, error: { message: "the template is empty", line: 1, column: 1 }, path };
  }
  const error = createTemplateEnvironment().validate(overrideText);
  if (error) return { ok: false, error, path };
  return { ok: true, template: { kind, source: overrideText, origin: "repository", path } };
}
