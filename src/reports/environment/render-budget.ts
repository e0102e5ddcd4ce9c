import { TemplateFailure, type SourceLocation } from "./template-error.js";
import type { TemplateLimits } from "./template-limits.js";

/**
 * What one render has used so far. Rendering is synchronous, so an environment keeps one
 * budget per render and no other render can interleave with it.
 */
export class RenderBudget {
  private iterations = 0;
  private partialCalls = 0;
  private partialDepth = 0;

  constructor(readonly limits: TemplateLimits) {}

  countIteration(loc: SourceLocation | undefined): void {
    this.iterations += 1;
    if (this.iterations > this.limits.maxIterations) {
      throw new TemplateFailure(`loops ran more than ${this.limits.maxIterations} times in total`, loc);
    }
  }

  checkOutput(length: number, what: string, loc: SourceLocation | undefined): void {
    if (length > this.limits.maxOutputLength) {
      throw new TemplateFailure(
        `${what} produced more than ${this.limits.maxOutputLength} characters of output (the limit)`,
        loc,
      );
    }
  }

  /** Runs a partial call inside the depth and count limits. */
  enterPartial<T>(name: string, sites: { recursive?: SourceLocation; first?: SourceLocation }, run: () => T): T {
    this.partialCalls += 1;
    if (this.partialCalls > this.limits.maxPartialCalls) {
      throw new TemplateFailure(`partials were called more than ${this.limits.maxPartialCalls} times`, sites.first);
    }
    if (this.partialDepth >= this.limits.maxPartialDepth) {
      throw new TemplateFailure(
        `partial "${name}" is nested more than ${this.limits.maxPartialDepth} deep (does it call itself?)`,
        sites.recursive ?? sites.first,
      );
    }
    this.partialDepth += 1;
    try {
      return run();
    } finally {
      this.partialDepth -= 1;
    }
  }
}
