/** Bounds that keep an untrusted template from exhausting memory, the stack or the event loop. */
export interface TemplateLimits {
  /** Longest template source accepted, in characters. */
  readonly maxTemplateLength: number;
  /** Longest rendered output, in characters; also the cap on any single loop's or partial's output. */
  readonly maxOutputLength: number;
  /** Deepest chain of partials calling partials (a recursive partial hits this). */
  readonly maxPartialDepth: number;
  /** Partial calls per render (bounds `{{> a}}` calling `{{> b}}` ten times, and so on). */
  readonly maxPartialCalls: number;
  /** `{{#each}}` iterations per render, over all loops together. */
  readonly maxIterations: number;
  /** Deepest nesting of blocks in the template source. */
  readonly maxBlockNesting: number;
  /** Longest string taken from the data; longer ones are cut with a visible marker. */
  readonly maxDataStringLength: number;
  /**
   * Longest a render may run, in milliseconds, measured at every loop iteration and partial
   * call (without those, a render is linear in the template's length). Rendering blocks the
   * event loop, so this is what keeps one template from stalling every other incident.
   */
  readonly maxRenderMs: number;
}

export const DEFAULT_TEMPLATE_LIMITS: TemplateLimits = {
  maxTemplateLength: 256 * 1024,
  maxOutputLength: 1024 * 1024,
  maxPartialDepth: 8,
  maxPartialCalls: 1_000,
  maxIterations: 100_000,
  maxBlockNesting: 32,
  maxDataStringLength: 20_000,
  maxRenderMs: 1_000,
};
