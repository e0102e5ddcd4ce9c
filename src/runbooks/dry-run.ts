import { inlineCode } from "../markdown/inline-code.js";
import { defaultMessageRenderer, type MessageRenderer } from "./message-template.js";
import { incidentMatches, incidentScope, type RunbookIncident } from "./runbook-incident.js";
import type { Runbook, RunbookStep } from "./schema.js";
import { executionOrder } from "./step-graph.js";
import { CORRELATION_INPUT } from "./step-run-schema.js";

/** A made-up incident for dry runs: what the runbook would see, with nothing real in it. */
export function syntheticIncident(overrides: Partial<RunbookIncident> = {}): RunbookIncident {
  return { number: 0, title: "Synthetic incident (dry run)", severity: "high", services: [], labels: ["incident"], url: "https://github.com/example/repo/issues/0", ...overrides };
}

/** The steps in execution order with their rendered messages, as Markdown. Does nothing. */
export function dryRun(runbook: Runbook, incident: RunbookIncident, renderer: MessageRenderer = defaultMessageRenderer): string {
  const scope = incidentScope(incident, runbook.name);
  const lines = [
    `#### Dry run of \`${runbook.name}\``,
    "",
    `Incident: severity **${incident.severity}**, services ${incident.services.length > 0 ? incident.services.map((s) => `\`${s}\``).join(", ") : "_none_"}. On failure: **${runbook.on_failure}**.`,
    "",
  ];
  const describe = (steps: readonly RunbookStep[]) =>
    executionOrder(steps).forEach((step, index) => {
      const skipped = step.when && !incidentMatches(step.when, incident);
      const needs = step.needs && step.needs.length > 0 ? ` (after ${step.needs.map((n) => `\`${n}\``).join(", ")})` : "";
      lines.push(`${index + 1}. **${step.title}** \`${step.id}\` _${step.type}_${needs}${step.timeout ? `, timeout ${step.timeout}` : ""}${skipped ? " — **skipped** (`when` does not match)" : ""}`);
      if (!skipped) lines.push(...describeRun(step, scope, renderer).map((l) => `   ${l}`));
    });
  describe(runbook.steps);
  if (runbook.rollback.length > 0) {
    lines.push("", runbook.on_failure === "rollback" ? "Rollback, if a step fails:" : "Rollback steps (not run: `on_failure` is not `rollback`):", "");
    describe(runbook.rollback);
  }
  return lines.join("\n");
}

function describeRun(step: RunbookStep, scope: Record<string, unknown>, renderer: MessageRenderer): string[] {
  const run = step.run;
  const quote = (text: string) => text.split("\n").map((l) => `> ${l}`);
  switch (run.kind) {
    case "manual":
      return [`A responder ticks it or comments \`/step done ${step.id}\`.`, ...(run.instructions ? quote(run.instructions) : [])];
    case "approval":
      return [`Waits for \`/approve ${step.id}\`.`, ...(run.prompt ? quote(run.prompt) : [])];
    case "comment": {
      const rendered = renderer.render(run.template, scope);
      return rendered.ok ? ["Posts:", ...quote(rendered.text.trimEnd())] : [`❌ ${rendered.error.message}`];
    }
    case "label":
      return [`Labels: ${[...run.add.map((l) => `+\`${l}\``), ...run.remove.map((l) => `−\`${l}\``)].join(" ")}`];
    case "assign":
      return [`Assigns ${run.assignees.map((a) => `\`${a.replace(/^@/, "")}\``).join(", ")}.`];
    case "workflow": {
      // Rendered as the workflow receives them (plain text), so shown in code spans that
      // no backtick in the value can close.
      const inputs = Object.entries(run.inputs).map(([k, v]) => {
        const rendered = typeof v === "string" ? renderer.render(v, scope, "text") : { ok: true as const, text: String(v) };
        return rendered.ok ? inlineCode(`${k}=${rendered.text}`) : `${inlineCode(k)} ❌ ${rendered.error.message}`;
      });
      inputs.push(`\`${CORRELATION_INPUT}=<execution>.${step.id}\``);
      return [`Dispatches \`${run.workflow}\`${run.ref ? ` on \`${run.ref}\`` : ""} with ${inputs.join(", ")} and waits for the run.`];
    }
    case "http": {
      const status = Array.isArray(run.expect.status) ? run.expect.status.join(" or ") : String(run.expect.status);
      return [`\`${run.method} ${run.url}\` expects status ${status}${run.expect.body_contains ? ` and a body containing "${run.expect.body_contains}"` : ""} (timeout ${run.request_timeout}).`];
    }
  }
}
