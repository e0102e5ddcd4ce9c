import { describe, expect, it } from "vitest";
import { dispatchOutcomeEvent, type DispatchAnswer } from "../../../src/runbooks/decide/dispatch-outcome-event.js";

const ID = "fw7-gpu-oom-1.rollback-model";

describe("dispatchOutcomeEvent", () => {
  it.each<{ name: string; answer: DispatchAnswer; want: unknown }>([
    { name: "run details returned", answer: { ok: true, data: { workflow_run_id: 99, html_url: "https://github.test/run/99" } }, want: { type: "workflowDispatched", correlationId: ID, runId: 99, url: "https://github.test/run/99" } },
    { name: "no run details (204)", answer: { ok: true, data: undefined }, want: { type: "workflowDispatched", correlationId: ID } },
    { name: "no such workflow", answer: { ok: false, status: 404, message: "Not Found" }, want: { type: "workflowCompleted", correlationId: ID, runId: 0, conclusion: "not dispatched (404: Not Found)" } },
    { name: "refused without a message", answer: { ok: false, status: 422, message: undefined }, want: { type: "workflowCompleted", correlationId: ID, runId: 0, conclusion: "not dispatched (422: refused)" } },
    { name: "a long message is cut", answer: { ok: false, status: 422, message: "x".repeat(300) }, want: { type: "workflowCompleted", correlationId: ID, runId: 0, conclusion: `not dispatched (422: ${"x".repeat(120)})` } },
    { name: "GitHub failed: retry the delivery", answer: { ok: false, status: 502, message: "Bad Gateway" }, want: undefined },
    { name: "no answer at all: retry the delivery", answer: { ok: false, status: undefined, message: undefined }, want: undefined },
  ])("$name", ({ answer, want }) => {
    expect(dispatchOutcomeEvent(ID, answer)).toEqual(want);
  });
});
