import { parseDuration, formatDuration } from "../../time/duration.js";
import type { MessageRenderer } from "../message-template.js";
import type { RunbookEffect } from "../runbook-effect.js";
import type { Runbook, RunbookStep } from "../schema.js";
import type { ExecutionState, StepState } from "./execution-state.js";
import { TERMINAL } from "./execution-state.js";
import { judgeHttpResult } from "./judge-http-result.js";
import { pumpSteps } from "./pump-steps.js";
import { renderExecutionComment } from "./render-execution-comment.js";
import type { RunbookEvent } from "./runbook-event.js";

export interface AdvanceResult {
  state: ExecutionState;
  effects: RunbookEffect[];
  /** Why the event changed nothing (a step not waiting, an unknown correlation id), for a reply. */
  ignored?: string;
}

/**
 * The runbook engine: a pure function of the runbook, the execution so far, one event and
 * the time. The same event applied twice changes nothing the second time.
 */
export function advanceRunbook(runbook: Runbook, previous: ExecutionState, event: RunbookEvent, now: Date, renderer?: MessageRenderer): AdvanceResult {
  const state = structuredClone(previous);
  const at = now.toISOString();
  const effects: RunbookEffect[] = [];
  const finished = !["ready", "running"].includes(state.status);
  let ignored: string | undefined;
  if (finished) return { state: previous, effects: [], ignored: `the runbook ${runbook.name} has already ${state.status}` };
  if (state.status === "running") failTimedOut(runbook, state, now);
  const find = (stepId: string) => findSlot(runbook, state, stepId);
  switch (event.type) {
    case "start":
      if (state.status !== "ready") ignored = "already started";
      else Object.assign(state, { status: "running", startedAt: at, startedBy: event.by });
      break;
    case "stepCompleted": {
      const found = find(event.stepId);
      if (!found || found.step.run.kind !== "manual") ignored = `"${event.stepId}" is not a manual step of ${runbook.name}`;
      else if (found.slot.status !== "running") ignored = `step "${event.stepId}" is ${found.slot.status}, not waiting`;
      else finish(found.slot, event.outcome ?? "succeeded", at, event.by, event.note);
      break;
    }
    case "approval": {
      const found = find(event.stepId);
      if (!found || found.step.run.kind !== "approval") ignored = `"${event.stepId}" is not an approval step of ${runbook.name}`;
      else if (found.slot.status !== "running") ignored = `step "${event.stepId}" is ${found.slot.status}, not waiting for approval`;
      else finish(found.slot, "succeeded", at, event.by);
      break;
    }
    case "workflowDispatched":
    case "workflowCompleted":
    case "httpResult": {
      const slot = [...state.steps, ...state.rollback].find((s) => s.correlationId === event.correlationId);
      if (!slot) {
        ignored = `no step is waiting for ${event.correlationId}`;
        break;
      }
      if (event.type === "workflowDispatched" || event.type === "workflowCompleted") {
        if (event.runId !== undefined) slot.runId = event.runId;
        if (event.url !== undefined) slot.runUrl = event.url;
      }
      if (slot.status !== "running") ignored = `step "${slot.id}" is already ${slot.status}`;
      else if (event.type === "workflowCompleted") {
        finish(slot, event.conclusion === "success" ? "succeeded" : "failed", at, "firewatch", event.conclusion === "success" ? undefined : `workflow run concluded ${event.conclusion}`);
      } else if (event.type === "httpResult") {
        const step = find(slot.id)?.step;
        const reason = step?.run.kind === "http" ? judgeHttpResult(step.run, event) : "not an http step";
        finish(slot, reason === undefined ? "succeeded" : "failed", at, "firewatch", reason);
      }
      break;
    }
    case "tick":
      break;
    case "cancel":
      for (const slot of [...state.steps, ...state.rollback]) {
        if (!TERMINAL.has(slot.status)) Object.assign(slot, { status: "cancelled", endedAt: at, reason: `cancelled by ${event.by}` });
      }
      Object.assign(state, { status: "cancelled", endedAt: at });
      break;
  }
  if (state.status === "running") effects.push(...pumpSteps(runbook, state, at, renderer));
  if (JSON.stringify(state) === JSON.stringify(previous)) return { state: previous, effects: [], ...(ignored ? { ignored } : {}) };
  effects.unshift({ kind: "upsertExecutionComment", key: `runbook:${state.executionId}`, body: renderExecutionComment(runbook, state) });
  return { state, effects, ...(ignored ? { ignored } : {}) };
}

function findSlot(runbook: Runbook, state: ExecutionState, stepId: string): { step: RunbookStep; slot: StepState } | undefined {
  for (const [steps, slots] of [[runbook.steps, state.steps], [runbook.rollback, state.rollback]] as const) {
    const step = steps.find((s) => s.id === stepId);
    const slot = slots.find((s) => s.id === stepId);
    if (step && slot) return { step, slot };
  }
  return undefined;
}

function finish(slot: StepState, outcome: "succeeded" | "failed", at: string, by: string, reason?: string): void {
  Object.assign(slot, { status: outcome, endedAt: at, by, ...(reason ? { reason } : {}) });
}

function failTimedOut(runbook: Runbook, state: ExecutionState, now: Date): void {
  for (const [steps, slots] of [[runbook.steps, state.steps], [runbook.rollback, state.rollback]] as const) {
    for (const slot of slots) {
      const timeout = steps.find((s) => s.id === slot.id)?.timeout;
      const limit = timeout ? parseDuration(timeout) : undefined;
      if (slot.status !== "running" || limit === undefined || !slot.startedAt) continue;
      const deadline = Date.parse(slot.startedAt) + limit;
      if (now.getTime() >= deadline) finish(slot, "failed", new Date(deadline).toISOString(), "firewatch", `timed out after ${formatDuration(limit)}`);
    }
  }
}
