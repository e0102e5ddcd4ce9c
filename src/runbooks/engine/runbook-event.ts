/** Something that happened to a runbook execution. `by` is a GitHub login. */
export type RunbookEvent =
  /** Begin the execution (idempotent: a started execution ignores it). */
  | { type: "start"; by: string }
  /** A manual step done: a ticked checkbox or `/step done <id>`; `failed` for `/step fail <id>`. */
  | { type: "stepCompleted"; stepId: string; by: string; outcome?: "succeeded" | "failed"; note?: string }
  /** `/approve <id>` from a user with the approve permission. */
  | { type: "approval"; stepId: string; by: string }
  /** The dispatch went through; the run id and URL when GitHub returned them. */
  | { type: "workflowDispatched"; correlationId: string; runId?: number; url?: string }
  /** A `workflow_run` completed whose name or inputs carry `correlationId`. */
  | { type: "workflowCompleted"; correlationId: string; runId: number; conclusion: string; url?: string }
  /** The outcome of an `httpCheck`: the status and (the start of) the body, or an error. */
  | { type: "httpResult"; correlationId: string; status?: number; body?: string; error?: string }
  /** Time passing; fails steps whose timeout has elapsed. */
  | { type: "tick" }
  | { type: "cancel"; by: string; reason?: string };

export type RunbookEventType = RunbookEvent["type"];
