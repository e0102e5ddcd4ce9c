/**
 * What went wrong with a repository's template, where the person who wrote it can fix it:
 * shown as a check-run annotation or a comment, never thrown at the app.
 * `line` and `column` are 1-based; 1:1 when no better position is known.
 */
export interface TemplateError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** Handlebars-style 0-based-column location carried by AST nodes and `options.loc`. */
export interface SourceLocation {
  readonly start: { readonly line: number; readonly column: number };
}

/**
 * Thrown inside a render (from helpers, the partial guard, the static check) and turned
 * into a {@link TemplateError} at the environment boundary. Never leaves this folder.
 */
export class TemplateFailure extends Error {
  constructor(
    message: string,
    readonly loc: SourceLocation | undefined,
  ) {
    super(message);
    this.name = "TemplateFailure";
  }
}

export function templateError(message: string, loc: SourceLocation | undefined): TemplateError {
  return {
    message,
    line: Math.max(1, loc?.start.line ?? 1),
    column: Math.max(1, (loc?.start.column ?? 0) + 1),
  };
}
