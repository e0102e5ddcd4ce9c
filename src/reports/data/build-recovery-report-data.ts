import type { ExecutionState, StepState } from "../../runbooks/engine/execution-state.js";
import { parseDuration } from "../../time/duration.js";
import type { Runbook, RunbookStep } from "../../runbooks/schema.js";
import { runbookTitle } from "../../runbooks/runbook-identity.js";
import type { IncidentRef, Instant } from "../postmortem-data.js";
import type { RecoveryReportData } from "../recovery-report-data.js";

export interface RecoveryReportInput {
  /** The plan as it was when the execution started (its version). */
  plan: Runbook;
  execution: ExecutionState;
  incident: IncidentRef;
  /** Where the RTO is measured from: the form's "detected at" when given, else the declaration. */
  incidentStart: { at: Instant; from: "detected" | "declared" };
  generatedAt: Instant;
}

const OUTCOME: Record<ExecutionState["status"], string> = {
  ready: "not started",
  running: "running",
  succeeded: "recovered",
  failed: "failed",
  "rolled-back": "rolled-back",
  "rollback-failed": "rollback failed",
  cancelled: "cancelled",
};

const VERIFIED: Partial<Record<StepState["status"], string>> = { succeeded: "passed", failed: "failed", pending: "pending", running: "pending" };

/**
 * The recovery report's data from one execution of a recovery plan: every instant is one
 * the engine recorded (steps' start and end, the plan's end), none is typed in. Service is
 * counted back when the plan finished with every step done (`succeeded`); a plan that failed
 * or rolled back never recovered, so its RTO is not met.
 */
export function buildRecoveryReportData(input: RecoveryReportInput): RecoveryReportData {
  const { plan, execution } = input;
  const ms = (d: string | undefined) => (d === undefined ? null : (parseDuration(d) ?? null));
  const stepOf = (id: string) => [...plan.steps, ...plan.rollback].find((s) => s.id === id);
  return {
    incident: input.incident,
    generatedAt: input.generatedAt,
    plan: { name: runbookTitle(plan), path: execution.file, version: execution.sha },
    objectives: { rtoMs: ms(plan.objectives?.rto), rpoMs: ms(plan.objectives?.rpo), serviceLevel: plan.objectives?.service_level ?? null },
    run: {
      incidentStartedAt: input.incidentStart.at,
      incidentStartedFrom: input.incidentStart.from,
      startedAt: execution.startedAt ?? input.generatedAt,
      finishedAt: execution.endedAt ?? null,
      recoveredAt: execution.status === "succeeded" ? (execution.endedAt ?? null) : null,
      outcome: OUTCOME[execution.status],
      dataLossMs: null,
      // "firewatch" means its triggers started it: no person to name (and never the @firewatch account).
      startedBy: execution.startedBy === "firewatch" ? null : (execution.startedBy ?? null),
    },
    steps: execution.steps.map((slot) => ({
      name: label(stepOf(slot.id), slot.id),
      result: slot.status,
      startedAt: slot.startedAt ?? null,
      finishedAt: slot.endedAt ?? null,
      detail: detail(slot),
    })),
    verification: (plan.verification ?? []).map((criterion) => {
      const slot = criterion.step === undefined ? undefined : execution.steps.find((s) => s.id === criterion.step);
      const step = criterion.step === undefined ? undefined : stepOf(criterion.step);
      const automated = step?.run.kind === "http" || step?.run.kind === "workflow";
      return {
        criterion: criterion.criterion,
        result: slot ? (VERIFIED[slot.status] ?? `not checked (${slot.status})`) : "not checked by a step",
        checkedAt: slot && (slot.status === "succeeded" || slot.status === "failed") ? (slot.endedAt ?? null) : null,
        method: automated ? "automated" : "manual",
        detail: slot ? detail(slot) : null,
      };
    }),
    rollbacks: execution.rollback
      .filter((slot) => slot.status !== "pending")
      .map((slot) => ({
        name: label(stepOf(slot.id), slot.id),
        reason: execution.failure ? `${execution.failure.stepId} failed: ${execution.failure.reason}` : null,
        result: slot.status,
        startedAt: slot.startedAt ?? null,
        finishedAt: slot.endedAt ?? null,
      })),
  };
}

function label(step: RunbookStep | undefined, id: string): string {
  return step ? `${step.title} (${id})` : id;
}

function detail(slot: StepState): string | null {
  const parts = [slot.by && slot.by !== "firewatch" ? `by ${slot.by}` : "", slot.reason ?? "", slot.runUrl ? `run ${slot.runUrl}` : ""].filter(Boolean);
  return parts.length > 0 ? parts.join("; ") : null;
}
