/**
 * What a runbook execution asks the app to do. A later integration maps these onto the
 * app-wide `Effect` (src/effects/effect.ts) and feeds the outcome of `dispatchWorkflow`
 * and `httpCheck` back as events. Every effect that creates something carries a `key`
 * (or `correlationId`) derived from the execution and step, so applying it twice is
 * harmless.
 */
export type RunbookEffect =
  /** Create or update the one comment holding this execution's checklist and hidden state. */
  | { kind: "upsertExecutionComment"; key: string; body: string }
  /** Post a comment once per key (a `comment` step, a failure notice). */
  | { kind: "postComment"; key: string; body: string; stepId?: string }
  | { kind: "setLabels"; stepId: string; add: string[]; remove: string[] }
  | { kind: "assign"; stepId: string; logins: string[] }
  /**
   * `workflow_dispatch` the file with `inputs` (which include `firewatch_run_id:
   * <correlationId>`); the run whose name or inputs carry the correlation id is this step's.
   */
  | { kind: "dispatchWorkflow"; stepId: string; workflow: string; ref?: string; inputs: Record<string, string>; correlationId: string }
  /** Perform the request (host re-checked against the allow-list) and report an `httpResult`. */
  | {
      kind: "httpCheck";
      stepId: string;
      correlationId: string;
      method: string;
      url: string;
      body?: string;
      timeoutMs: number;
    };

export type RunbookEffectKind = RunbookEffect["kind"];
