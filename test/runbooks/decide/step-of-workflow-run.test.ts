import { describe, expect, it } from "vitest";
import { carriesRun, stepOfWorkflowRun } from "../../../src/runbooks/decide/step-of-workflow-run.js";
import { execution, runbook } from "./fixtures.js";

const rb = runbook(`name: roll
steps:
  - { id: roll, title: Roll back, type: remediate, run: { kind: workflow, workflow: rollback.yml } }
rollback:
  - { id: undo, title: Undo, type: remediate, run: { kind: workflow, workflow: undo.yml } }
`);
const dispatched = (id: string, step: string, runId?: number) => {
  const state = execution(rb, id);
  Object.assign(state.steps.find((s) => s.id === step) ?? state.rollback.find((s) => s.id === step)!, {
    status: "running",
    correlationId: `${id}.${step}`,
    ...(runId !== undefined ? { runId } : {}),
  });
  return { commentId: 1, state };
};
const first = dispatched("fw7-roll-1", "roll", 501);
const second = dispatched("fw7-roll-2", "undo");
const run = (id: number, conclusion: string | null = "success", extra: Record<string, unknown> = {}) => ({
  id,
  conclusion,
  html_url: `https://github.test/runs/${id}`,
  event: "workflow_dispatch",
  path: ".github/workflows/undo.yml",
  triggering_actor: { login: "firewatch[bot]" },
  ...extra,
});
const trust = {
  appLogin: "firewatch[bot]",
  workflowOf: (id: string) => ({ roll: "rollback.yml", undo: "undo.yml" })[id],
};
const completes = (e: typeof first, correlationId: string, id: number, conclusion = "success") => ({
  execution: e,
  event: { type: "workflowCompleted", correlationId, runId: id, conclusion, url: `https://github.test/runs/${id}` },
});

describe("stepOfWorkflowRun", () => {
  it.each([
    { name: "by correlation id", r: run(900), correlation: { executionId: "fw7-roll-2", correlationId: "fw7-roll-2.undo" }, want: completes(second, "fw7-roll-2.undo", 900) },
    { name: "by the run id the dispatch returned", r: run(501, "failure"), correlation: undefined, want: completes(first, "fw7-roll-1.roll", 501, "failure") },
    { name: "a run without a conclusion", r: run(501, null), correlation: undefined, want: completes(first, "fw7-roll-1.roll", 501, "unknown") },
    { name: "no step ran it", r: run(777), correlation: undefined, want: undefined },
    { name: "a correlation id of another execution", r: run(900), correlation: { executionId: "fw7-roll-9", correlationId: "fw7-roll-9.roll" }, want: undefined },
    { name: "a correlation id naming no step", r: run(900), correlation: { executionId: "fw7-roll-1", correlationId: "fw7-roll-1.nope" }, want: undefined },
  ])("$name", ({ r, correlation, want }) => {
    expect(stepOfWorkflowRun([first, second], r, correlation, trust)).toEqual(want);
  });

  // A run is trusted for what it proves: the id GitHub returned at dispatch, else the app's own dispatch of the step's workflow.
  it.each([
    { name: "CI on a pull request titled with a step's correlation text, when the dispatch returned an id", r: run(900, "failure", { event: "pull_request", path: ".github/workflows/ci.yml" }), correlation: { executionId: "fw7-roll-1", correlationId: "fw7-roll-1.roll" } },
    { name: "another run of the right workflow, when the dispatch returned an id", r: run(502, "failure", { path: ".github/workflows/rollback.yml" }), correlation: { executionId: "fw7-roll-1", correlationId: "fw7-roll-1.roll" } },
    { name: "no id from the dispatch: a run started by push", r: run(900, "failure", { event: "push" }), correlation: { executionId: "fw7-roll-2", correlationId: "fw7-roll-2.undo" } },
    { name: "no id from the dispatch: a run a person dispatched", r: run(900, "failure", { triggering_actor: { login: "mallory" } }), correlation: { executionId: "fw7-roll-2", correlationId: "fw7-roll-2.undo" } },
    { name: "no id from the dispatch: another workflow file", r: run(900, "failure", { path: ".github/workflows/ci.yml" }), correlation: { executionId: "fw7-roll-2", correlationId: "fw7-roll-2.undo" } },
    { name: "no id from the dispatch and nothing to check it against", r: run(900), correlation: { executionId: "fw7-roll-2", correlationId: "fw7-roll-2.undo" }, noTrust: true },
  ])("refuses $name", ({ r, correlation, noTrust }) => {
    expect(stepOfWorkflowRun([first, second], r, correlation, noTrust ? undefined : trust)).toBeUndefined();
  });

  it.each([
    { runId: 501, want: true },
    { runId: 502, want: false },
  ])("carriesRun($runId) = $want", ({ runId, want }) => {
    expect(carriesRun(first.state, runId)).toBe(want);
  });
});
