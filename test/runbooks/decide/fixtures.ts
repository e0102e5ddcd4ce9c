import type { ExecutionState } from "../../../src/runbooks/engine/execution-state.js";
import { createExecution } from "../../../src/runbooks/engine/execution-state.js";
import type { Runbook } from "../../../src/runbooks/schema.js";
import { validateRunbook } from "../../../src/runbooks/validate-runbook.js";

/** A runbook from YAML, as the app validates it; throws on errors so a typo fails the test. */
export function runbook(yaml: string, path?: string): Runbook {
  // A runbook's id is its file's base name: unless told, the file is named after the `name:`.
  const id = /^name: ([a-z0-9-]+)\s*$/m.exec(yaml)?.[1] ?? "rb";
  const result = validateRunbook(yaml, path ?? `.github/runbooks/${id}.yml`, { httpAllow: ["status.example.com"] });
  if (!result.runbook) throw new Error(JSON.stringify(result.errors));
  return result.runbook;
}

/** A runbook with one step of each waiting kind, and optional triggers. */
export function waiting(name: string, triggers = "", path?: string): Runbook {
  return runbook(`name: ${name}
${triggers}
steps:
  - { id: look, title: Look, type: assess, run: { kind: manual } }
  - { id: ship, title: Ship, type: remediate, run: { kind: approval }, needs: [look] }
rollback:
  - { id: undo, title: Undo, type: remediate, run: { kind: manual } }
`, path);
}

export const incident = {
  number: 7,
  title: "Inference down",
  severity: "critical",
  services: ["inference"],
  labels: ["incident", "severity:critical"],
};

/** An execution of `rb` with the given status and step statuses (by id). */
export function execution(
  rb: Runbook,
  executionId: string,
  status: ExecutionState["status"] = "running",
  steps: Record<string, ExecutionState["steps"][number]["status"]> = {},
  extra: Partial<ExecutionState["steps"][number]> = {},
): ExecutionState {
  const state = createExecution(rb, { executionId, file: `.github/runbooks/${rb.name}.yml`, sha: "abc123", incident });
  state.status = status;
  for (const slot of [...state.steps, ...state.rollback])
    if (steps[slot.id]) Object.assign(slot, { status: steps[slot.id], ...extra });
  return state;
}
