import { parseDuration } from "../../time/duration.js";
import { defaultMessageRenderer, type MessageRenderer } from "../message-template.js";
import { incidentScope } from "../runbook-incident.js";
import type { RunbookEffect } from "../runbook-effect.js";
import type { RunbookStep } from "../schema.js";
import { CORRELATION_INPUT } from "../step-run-schema.js";
import type { ExecutionState, StepState } from "./execution-state.js";

/** The correlation id for one step of one execution: what ties a workflow run or HTTP result to it. */
export function correlationIdFor(executionId: string, stepId: string): string {
  return `${executionId}.${stepId}`;
}

/**
 * Starts one step: marks it running and returns what to do. Steps the app carries out
 * itself (comment, label, assign) succeed at once; the others wait for an event.
 */
export function startStep(step: RunbookStep, slot: StepState, state: ExecutionState, at: string, renderer: MessageRenderer = defaultMessageRenderer): RunbookEffect[] {
  Object.assign(slot, { status: "running", startedAt: at });
  const run = step.run;
  const succeed = () => Object.assign(slot, { status: "succeeded", endedAt: at, by: "firewatch" });
  const fail = (reason: string) => Object.assign(slot, { status: "failed", endedAt: at, reason });
  const scope = incidentScope(state.incident, state.runbook);
  switch (run.kind) {
    case "manual":
    case "approval":
      return [];
    case "comment": {
      const rendered = renderer.render(run.template, scope);
      if (!rendered.ok) {
        fail(rendered.error.message);
        return [];
      }
      succeed();
      return [{ kind: "postComment", key: `runbook:${state.executionId}:${step.id}`, body: rendered.text, stepId: step.id }];
    }
    case "label":
      succeed();
      return [{ kind: "setLabels", stepId: step.id, add: [...run.add], remove: [...run.remove] }];
    case "assign":
      succeed();
      return [{ kind: "assign", stepId: step.id, logins: run.assignees.map((a) => a.replace(/^@/, "")) }];
    case "workflow": {
      const correlationId = correlationIdFor(state.executionId, step.id);
      const inputs: Record<string, string> = {};
      for (const [name, value] of Object.entries(run.inputs)) {
        if (typeof value !== "string") {
          inputs[name] = String(value);
          continue;
        }
        // An input is not Markdown: the workflow gets the text itself, not HTML entities.
        const rendered = renderer.render(value, scope, "text");
        if (!rendered.ok) {
          fail(`input ${name}: ${rendered.error.message}`);
          return [];
        }
        inputs[name] = rendered.text;
      }
      inputs[CORRELATION_INPUT] = correlationId;
      slot.correlationId = correlationId;
      const workflow = run.workflow.replace(/^\.github\/workflows\//, "");
      return [{ kind: "dispatchWorkflow", stepId: step.id, workflow, ...(run.ref ? { ref: run.ref } : {}), inputs, correlationId }];
    }
    case "http": {
      const correlationId = correlationIdFor(state.executionId, step.id);
      slot.correlationId = correlationId;
      const timeoutMs = Math.min(parseDuration(run.request_timeout) ?? 10_000, 30_000);
      return [{ kind: "httpCheck", stepId: step.id, correlationId, method: run.method, url: run.url, ...(run.body !== undefined ? { body: run.body } : {}), timeoutMs }];
    }
  }
}
