import { safeText } from "../../markdown/safe-text.js";
import type { MessageRenderer } from "../message-template.js";
import { runbookTitle } from "../runbook-identity.js";
import { incidentMatches } from "../runbook-incident.js";
import type { RunbookEffect } from "../runbook-effect.js";
import type { Runbook } from "../schema.js";
import { effectiveNeeds } from "../step-graph.js";
import { TERMINAL, type ExecutionState, type StepState } from "./execution-state.js";
import { startStep } from "./start-step.js";

const SATISFIED = new Set(["succeeded", "skipped"]);

/**
 * Moves the execution as far as it can go at `at`: applies `on_failure` to a failed step,
 * starts every step whose needs are met (independent ones together), skips steps whose
 * `when` does not hold, and ends the execution when nothing is left to run.
 */
export function pumpSteps(runbook: Runbook, state: ExecutionState, at: string, renderer?: MessageRenderer): RunbookEffect[] {
  const effects: RunbookEffect[] = [];
  for (let guard = 0; guard < 1000 && state.status === "running"; guard++) {
    const failed = applyFailurePolicy(runbook, state, at, effects);
    const [steps, slots] = state.phase === "main" ? [runbook.steps, state.steps] : [runbook.rollback, state.rollback];
    const needs = effectiveNeeds(steps);
    let progressed = failed;
    for (const slot of slots) {
      if (slot.status !== "pending") continue;
      const step = steps.find((s) => s.id === slot.id);
      const deps = (needs.get(slot.id) ?? []).map((id) => slots.find((s) => s.id === id)).filter((s): s is StepState => s !== undefined);
      if (!step || !deps.every((d) => TERMINAL.has(d.status))) continue;
      progressed = true;
      const broken = deps.find((d) => !SATISFIED.has(d.status));
      if (broken) Object.assign(slot, { status: "blocked", endedAt: at, reason: `needs "${broken.id}", which ${broken.status === "blocked" ? "was blocked" : broken.status}` });
      else if (step.when && !incidentMatches(step.when, state.incident)) Object.assign(slot, { status: "skipped", endedAt: at, reason: "its `when` conditions do not match this incident" });
      else effects.push(...startStep(step, slot, state, at, renderer));
    }
    if (slots.every((s) => TERMINAL.has(s.status))) finishPhase(runbook, state, at, effects);
    else if (!progressed) break;
  }
  return effects;
}

function applyFailurePolicy(runbook: Runbook, state: ExecutionState, at: string, effects: RunbookEffect[]): boolean {
  const slots = state.phase === "main" ? state.steps : state.rollback;
  // In a recovery plan a failed verification means the recovery did not work: it rolls back
  // whatever `on_failure` says, so it is looked for first.
  const verification = state.phase === "main" ? slots.find((s) => s.status === "failed" && isVerification(runbook, s.id)) : undefined;
  const failed = verification ?? slots.find((s) => s.status === "failed");
  if (!failed) return false;
  if (state.phase === "main" && (state.failure || (runbook.on_failure === "continue" && !verification))) return false;
  state.failure ??= { stepId: failed.id, reason: failed.reason ?? "failed" };
  for (const slot of slots) {
    if (!TERMINAL.has(slot.status)) Object.assign(slot, { status: "cancelled", endedAt: at, reason: `stopped after "${failed.id}" failed` });
  }
  const reason = failed.reason ? ` (${failed.reason})` : "";
  if (state.phase === "main" && (runbook.on_failure === "rollback" || verification) && runbook.rollback.length > 0) {
    state.phase = "rollback";
    const what = verification ? "verification" : "step";
    effects.push(notice(state, "rollback", `⚠️ Runbook **${safeText(runbookTitle(runbook))}**: ${what} \`${failed.id}\` failed${reason}. Running the rollback steps.`));
  } else {
    const what = state.phase === "rollback" ? "rollback step" : "step";
    Object.assign(state, { status: state.phase === "rollback" ? "rollback-failed" : "failed", endedAt: at });
    effects.push(notice(state, "stopped", `🛑 Runbook **${safeText(runbookTitle(runbook))}** stopped: ${what} \`${failed.id}\` failed${reason}. Responders, please take over.`));
  }
  return true;
}

/** A `verify` step of a recovery plan: its failure is a failed verification. */
function isVerification(runbook: Runbook, stepId: string): boolean {
  return runbook.kind === "recovery" && runbook.steps.some((s) => s.id === stepId && s.type === "verify");
}

function finishPhase(runbook: Runbook, state: ExecutionState, at: string, effects: RunbookEffect[]): void {
  if (state.phase === "rollback") {
    Object.assign(state, { status: "rolled-back", endedAt: at });
    effects.push(notice(state, "rolled-back", `↩️ Runbook **${safeText(runbookTitle(runbook))}**: the rollback steps finished.`));
    return;
  }
  const failed = state.steps.filter((s) => s.status === "failed").map((s) => `\`${s.id}\``);
  Object.assign(state, { status: failed.length > 0 ? "failed" : "succeeded", endedAt: at });
  if (failed.length > 0) effects.push(notice(state, "finished", `⚠️ Runbook **${safeText(runbookTitle(runbook))}** finished with failed steps: ${failed.join(", ")}.`));
}

function notice(state: ExecutionState, what: string, body: string): RunbookEffect {
  return { kind: "postComment", key: `runbook:${state.executionId}:${what}`, body };
}
