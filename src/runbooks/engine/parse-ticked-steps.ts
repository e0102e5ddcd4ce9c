import type { Runbook } from "../schema.js";
import type { ExecutionState } from "./execution-state.js";

const CHECKBOX = /^\s*[-*] \[([ xX])\] .*`([a-z0-9][a-z0-9_-]{0,62})` _(?:assess|communicate|contain|remediate|verify)_ — /;

/**
 * Manual steps a responder ticked in an edited runbook comment: those now checked whose
 * state is still running. The caller checks the editor's permission and turns each into a
 * `stepCompleted` event; unticking is ignored (a done step stays done).
 */
export function parseTickedSteps(body: string, runbook: Runbook, state: ExecutionState): string[] {
  const manual = new Set([...runbook.steps, ...runbook.rollback].filter((s) => s.run.kind === "manual").map((s) => s.id));
  const running = new Set([...state.steps, ...state.rollback].filter((s) => s.status === "running").map((s) => s.id));
  const ticked: string[] = [];
  for (const line of body.split("\n")) {
    const match = CHECKBOX.exec(line);
    if (!match || match[1] === " ") continue;
    const id = match[2] ?? "";
    if (manual.has(id) && running.has(id) && !ticked.includes(id)) ticked.push(id);
  }
  return ticked;
}
