import { dataBlock } from "../../markdown/hidden-block.js";
import { safeText } from "../../markdown/safe-text.js";
import type { Runbook, RunbookStep } from "../schema.js";
import type { ExecutionState, StepState } from "./execution-state.js";
import { formatTime } from "../../time/format-time.js";

/** The name of the hidden block that holds an execution's state in its comment. */
export const EXECUTION_BLOCK = "runbook-execution";

const ICON: Record<StepState["status"], string> = {
  pending: "⏳ pending",
  running: "▶️ running",
  succeeded: "✅ done",
  failed: "❌ failed",
  skipped: "⏭️ skipped",
  blocked: "⛔ blocked",
  cancelled: "✖️ cancelled",
};

const WAITING: Partial<Record<RunbookStep["run"]["kind"], string>> = {
  manual: "tick the box or comment `/step done {id}`",
  approval: "waiting for `/approve {id}`",
  workflow: "waiting for the workflow run",
  http: "waiting for the HTTP check",
};

/** The human-readable checklist of one execution, with its state in a hidden block. */
export function renderExecutionComment(runbook: Runbook, state: ExecutionState): string {
  const lines = [
    `### 📘 Runbook \`${state.runbook}\` — ${state.status}`,
    "",
    ...(runbook.title ? [`**${safeText(runbook.title)}**`, ""] : []),
    `Version \`${state.sha.slice(0, 12)}\` of \`${state.file}\`${startedBy(state.startedBy)}${state.startedAt ? ` at ${formatTime(state.startedAt)}` : ""}${state.endedAt ? `, ended ${formatTime(state.endedAt)}` : ""}.`,
    "",
    ...renderList(runbook.steps, state.steps),
  ];
  if (state.failure)
    lines.push(
      "",
      `**Failed:** \`${state.failure.stepId}\` — ${escapeInline(state.failure.reason)}`,
    );
  if (
    runbook.rollback.length > 0 &&
    (state.phase === "rollback" || runbook.on_failure === "rollback")
  ) {
    lines.push(
      "",
      `**Rollback** (${state.phase === "rollback" ? "running" : "only if a step fails"})`,
      "",
      ...renderList(runbook.rollback, state.rollback),
    );
  }
  lines.push("", dataBlock(EXECUTION_BLOCK, state));
  return lines.join("\n");
}

function renderList(steps: readonly RunbookStep[], slots: readonly StepState[]): string[] {
  return steps.map((step) => {
    const slot = slots.find((s) => s.id === step.id) ?? { id: step.id, status: "pending" as const };
    // Only manual steps are checkboxes: ticking anything else would mean nothing.
    const box =
      step.run.kind === "manual" ? (slot.status === "succeeded" ? "- [x] " : "- [ ] ") : "- ";
    const details: string[] = [ICON[slot.status]];
    if (slot.by && slot.by !== "firewatch") details.push(`by @${slot.by}`);
    if (slot.endedAt && slot.status !== "pending") details.push(`at ${formatTime(slot.endedAt)}`);
    else if (slot.startedAt) details.push(`since ${formatTime(slot.startedAt)}`);
    if (slot.status === "running" && WAITING[step.run.kind])
      details.push(WAITING[step.run.kind]!.replace("{id}", step.id));
    if (slot.reason) details.push(escapeInline(slot.reason));
    if (slot.runUrl) details.push(`[workflow run](${slot.runUrl})`);
    return `${box}**${escapeInline(step.title)}** \`${step.id}\` _${step.type}_ — ${details.join(" · ")}`;
  });
}

/** Started by a person (named), or by the app itself when the triggers matched (never "@firewatch", a real account). */
function startedBy(login: string | undefined): string {
  if (!login) return "";
  return login === "firewatch"
    ? ", started automatically (its triggers matched)"
    : `, started by @${login}`;
}

function escapeInline(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;")).replace(/\r?\n/g, " ");
}
