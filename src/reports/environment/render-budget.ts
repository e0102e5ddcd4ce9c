import { TemplateFailure, type SourceLocation } from "./template-error.js";
import type { TemplateLimits } from "./template-limits.js";

/** Milliseconds from an arbitrary origin; `performance.now` unless a test passes its own. */
export type RenderClock = () => number;

/**
 * What one render has used so far. Rendering is synchronous, so an environment keeps one
 * budget per render and no other render can interleave with it. Every refusal starts with
 * "over budget:" so that a person reading it knows the template ran, and was stopped.
 */
export class RenderBudget {
  private iterations = 0;
  private partialCalls = 0;
  private partialDepth = 0;
  private readonly startedAt: number;

  constructor(
    readonly limits: TemplateLimits,
    private readonly clock: RenderClock = () => performance.now(),
  ) {
    this.startedAt = clock();
  }

  countIteration(loc: SourceLocation | undefined): void {
    this.iterations += 1;
    if (this.iterations > this.limits.maxIterations) {
      throw new TemplateFailure(`over budget: loops ran more than ${this.limits.maxIterations} times in total`, loc);
    }
    this.checkTime(loc);
  }

  /** Loops and partials are the only ways a render can outlast its template's length. */
  private checkTime(loc: SourceLocation | undefined): void {
    if (this.clock() - this.startedAt > this.limits.maxRenderMs) {
      throw new TemplateFailure(`over budget: rendering took longer than ${this.limits.maxRenderMs} ms`, loc);
    }
  }

  checkOutput(length: number, what: string, loc: SourceLocation | undefined): void {
    if (length > this.limits.maxOutputLength) {
      throw new TemplateFailure(
        `over budget: ${what} produced more than ${this.limits.maxOutputLength} characters of output (the limit)`,
        loc,
      );
    }
  }

  /** Runs a partial call inside the depth and count limits. */
  enterPartial<T>(name: string, sites: { recursive?: SourceLocation; first?: SourceLocation }, run: () => T): T {
    this.partialCalls += 1;
    if (this.partialCalls > this.limits.maxPartialCalls) {
      throw new TemplateFailure(`over budget: partials were called more than ${this.limits.maxPartialCalls} times`, sites.first);
    }
    this.checkTime(sites.first);
    if (this.partialDepth >= this.limits.maxPartialDepth) {
      throw new TemplateFailure(
        `over budget: partial "${name}" is nested more than ${this.limits.maxPartialDepth} deep (does it call itself?)`,
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
