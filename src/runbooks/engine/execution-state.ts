import { z } from "zod";
import type { Runbook } from "../schema.js";

export const STEP_STATUSES = ["pending", "running", "succeeded", "failed", "skipped", "blocked", "cancelled"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const TERMINAL: ReadonlySet<StepStatus> = new Set(["succeeded", "failed", "skipped", "blocked", "cancelled"]);

const stepStateSchema = z.object({
  id: z.string(),
  status: z.enum(STEP_STATUSES),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  /** Who completed or approved it (a login), or `firewatch` for automatic steps. */
  by: z.string().optional(),
  /** Why it failed, was skipped or blocked. */
  reason: z.string().optional(),
  correlationId: z.string().optional(),
  runId: z.number().optional(),
  runUrl: z.string().optional(),
});

/**
 * One execution of one runbook on one incident. Plain JSON, kept in a hidden block of the
 * execution's comment, so any replica (or a restarted app) continues where it was.
 */
export const executionStateSchema = z.object({
  v: z.literal(1),
  executionId: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/),
  runbook: z.string(),
  file: z.string(),
  /** The commit SHA of the runbook file when the execution started: its version. */
  sha: z.string(),
  incident: z.object({
    number: z.number(),
    title: z.string(),
    severity: z.string(),
    services: z.array(z.string()),
    labels: z.array(z.string()),
    url: z.string().optional(),
  }),
  /** `recovery` for a recovery plan (its report and communication cadence depend on it); absent for response runbooks. */
  kind: z.literal("recovery").optional(),
  status: z.enum(["ready", "running", "succeeded", "failed", "rolled-back", "rollback-failed", "cancelled"]),
  phase: z.enum(["main", "rollback"]),
  startedAt: z.string().optional(),
  startedBy: z.string().optional(),
  endedAt: z.string().optional(),
  failure: z.object({ stepId: z.string(), reason: z.string() }).optional(),
  steps: z.array(stepStateSchema),
  rollback: z.array(stepStateSchema),
});

export type ExecutionState = z.infer<typeof executionStateSchema>;
export type StepState = z.infer<typeof stepStateSchema>;

export interface NewExecution {
  executionId: string;
  file: string;
  sha: string;
  incident: ExecutionState["incident"];
}

/** A not-yet-started execution; the `start` event sets it going. */
export function createExecution(runbook: Runbook, init: NewExecution): ExecutionState {
  const pending = (steps: Runbook["steps"]) => steps.map((s): StepState => ({ id: s.id, status: "pending" }));
  return { v: 1, ...init, runbook: runbook.name, ...(runbook.kind === "recovery" ? { kind: "recovery" as const } : {}), status: "ready", phase: "main", steps: pending(runbook.steps), rollback: pending(runbook.rollback) };
}

/** Reads state back from a hidden block; undefined when missing or written by something else. */
export function parseExecutionState(data: unknown): ExecutionState | undefined {
  const parsed = executionStateSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
