import { describe, expect, it } from "vitest";
import { readDataBlock } from "../../src/markdown/hidden-block.js";
import { advanceRunbook } from "../../src/runbooks/engine/advance-runbook.js";
import { createExecution, parseExecutionState, type ExecutionState } from "../../src/runbooks/engine/execution-state.js";
import { parseTickedSteps } from "../../src/runbooks/engine/parse-ticked-steps.js";
import { EXECUTION_BLOCK } from "../../src/runbooks/engine/render-execution-comment.js";
import type { RunbookEvent } from "../../src/runbooks/engine/runbook-event.js";
import type { RunbookEffect } from "../../src/runbooks/runbook-effect.js";
import type { Runbook } from "../../src/runbooks/schema.js";
import { validateRunbook } from "../../src/runbooks/validate-runbook.js";

const T0 = new Date("2026-03-01T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const incident = { number: 42, title: "Inference down, ping @alice about #12", severity: "critical", services: ["inference"], labels: ["incident"] };

function load(yaml: string): Runbook {
  const result = validateRunbook(yaml, "rb.yml", { httpAllow: ["status.example.com"] });
  if (!result.runbook) throw new Error(JSON.stringify(result.errors));
  return result.runbook;
}

const EVERY_KIND = `
name: every-kind
on_failure: ON_FAILURE
steps:
  - { id: assess, title: Check dashboards, type: assess, run: { kind: manual }, timeout: 15m }
  - { id: announce, title: Announce, type: communicate, run: { kind: comment, template: "Incident {{incident.number}}: {{incident.title}}" } }
  - { id: label, title: Label, type: contain, run: { kind: label, add: [mitigating] } }
  - { id: assign, title: Assign, type: contain, run: { kind: assign, assignees: [bob] } }
  - { id: approve, title: Approve rollback, type: remediate, run: { kind: approval } }
  - { id: rollback-model, title: Roll back, type: remediate, run: { kind: workflow, workflow: rollback-model.yml, inputs: { issue: "{{incident.number}}" } } }
  - { id: health, title: Health, type: verify, run: { kind: http, url: "https://status.example.com/health", expect: { status: 200, body_contains: ok } } }
  - { id: only-low, title: Low only, type: verify, run: { kind: manual }, when: { severities: [low] } }
rollback:
  - { id: undo, title: Undo, type: remediate, run: { kind: label, remove: [mitigating] } }
`;

function runner(onFailure: "stop" | "continue" | "rollback") {
  const runbook = load(EVERY_KIND.replace("ON_FAILURE", onFailure));
  let state: ExecutionState = createExecution(runbook, { executionId: "42-every-kind-1", file: ".github/runbooks/every-kind.yml", sha: "abc123def4567890", incident });
  const all: RunbookEffect[] = [];
  const send = (event: RunbookEvent, minutes = 0) => {
    const result = advanceRunbook(runbook, state, event, at(minutes));
    state = result.state;
    all.push(...result.effects);
    return result;
  };
  const status = (id: string) => [...state.steps, ...state.rollback].find((s) => s.id === id)?.status;
  return { runbook, send, status, all, get state() { return state; } };
}

const kinds = (effects: RunbookEffect[]) => effects.map((e) => e.kind).filter((k) => k !== "upsertExecutionComment");

describe("advanceRunbook", () => {
  it("runs every step kind to completion", () => {
    const r = runner("stop");
    expect(kinds(r.send({ type: "start", by: "carol" }).effects)).toEqual([]);
    expect(r.status("assess")).toBe("running");
    const afterAssess = r.send({ type: "stepCompleted", stepId: "assess", by: "carol" }, 2);
    expect(kinds(afterAssess.effects)).toEqual(["postComment", "setLabels", "assign"]);
    const comment = afterAssess.effects.find((e) => e.kind === "postComment");
    expect(comment).toMatchObject({ key: "runbook:42-every-kind-1:announce" });
    expect(comment?.kind === "postComment" && comment.body).not.toMatch(/@alice|#12/);
    expect(r.status("approve")).toBe("running");
    const dispatched = r.send({ type: "approval", stepId: "approve", by: "dave" }, 3).effects.find((e) => e.kind === "dispatchWorkflow");
    expect(dispatched).toEqual({ kind: "dispatchWorkflow", stepId: "rollback-model", workflow: "rollback-model.yml", inputs: { issue: "42", firewatch_run_id: "42-every-kind-1.rollback-model" }, correlationId: "42-every-kind-1.rollback-model" });
    r.send({ type: "workflowDispatched", correlationId: "42-every-kind-1.rollback-model", runId: 7, url: "https://github.com/o/r/actions/runs/7" }, 3);
    expect(r.send({ type: "workflowCompleted", correlationId: "someone-else.rollback-model", runId: 8, conclusion: "failure" }, 4).ignored).toMatch(/no step is waiting/);
    const http = r.send({ type: "workflowCompleted", correlationId: "42-every-kind-1.rollback-model", runId: 7, conclusion: "success" }, 9).effects.find((e) => e.kind === "httpCheck");
    expect(http).toMatchObject({ url: "https://status.example.com/health", method: "GET", timeoutMs: 10_000 });
    r.send({ type: "httpResult", correlationId: "42-every-kind-1.health", status: 200, body: "all ok" }, 10);
    expect(r.state.status).toBe("succeeded");
    expect(r.status("only-low")).toBe("skipped");
    expect(r.state.steps.find((s) => s.id === "assess")).toMatchObject({ by: "carol", startedAt: T0.toISOString(), endedAt: at(2).toISOString() });
    expect(r.state.steps.find((s) => s.id === "rollback-model")?.runUrl).toBe("https://github.com/o/r/actions/runs/7");
  });

  const failWorkflow = (r: ReturnType<typeof runner>) => {
    r.send({ type: "start", by: "carol" });
    r.send({ type: "stepCompleted", stepId: "assess", by: "carol" }, 1);
    r.send({ type: "approval", stepId: "approve", by: "dave" }, 2);
    return r.send({ type: "workflowCompleted", correlationId: "42-every-kind-1.rollback-model", runId: 7, conclusion: "failure" }, 5);
  };

  it("on_failure: stop ends the run and tells the responders", () => {
    const r = runner("stop");
    const result = failWorkflow(r);
    expect(r.state.status).toBe("failed");
    expect(r.status("health")).toBe("cancelled");
    expect(result.effects.find((e) => e.kind === "postComment")).toMatchObject({ body: expect.stringMatching(/stopped: step `rollback-model` failed \(workflow run concluded failure\)/) });
  });

  it("on_failure: continue runs what does not depend on the failure and blocks what does", () => {
    const r = runner("continue");
    failWorkflow(r);
    expect(r.status("health")).toBe("blocked");
    expect(r.state.status).toBe("failed");
  });

  it("on_failure: rollback runs the rollback steps", () => {
    const r = runner("rollback");
    const result = failWorkflow(r);
    expect(result.effects.find((e) => e.kind === "setLabels")).toEqual({ kind: "setLabels", stepId: "undo", add: [], remove: ["mitigating"] });
    expect(r.state.status).toBe("rolled-back");
    expect(r.state.failure).toEqual({ stepId: "rollback-model", reason: "workflow run concluded failure" });
  });

  it("fails a step whose timeout passed, judged by the time given", () => {
    const r = runner("stop");
    r.send({ type: "start", by: "carol" });
    expect(r.send({ type: "tick" }, 14).effects).toEqual([]);
    r.send({ type: "tick" }, 16);
    expect(r.state.steps[0]).toMatchObject({ status: "failed", reason: "timed out after 15m", endedAt: at(15).toISOString() });
    expect(r.state.status).toBe("failed");
  });

  it("continues after a restart from the state in the comment", () => {
    const r = runner("stop");
    r.send({ type: "start", by: "carol" });
    const upsert = r.send({ type: "stepCompleted", stepId: "assess", by: "carol" }, 1).effects.find((e) => e.kind === "upsertExecutionComment");
    const body = upsert?.kind === "upsertExecutionComment" ? upsert.body : "";
    const restored = parseExecutionState(readDataBlock(body, EXECUTION_BLOCK));
    expect(restored).toEqual(r.state);
    const next = advanceRunbook(r.runbook, restored!, { type: "approval", stepId: "approve", by: "dave" }, at(2));
    expect(kinds(next.effects)).toEqual(["dispatchWorkflow"]);
  });

  it("ignores the same event applied twice", () => {
    const r = runner("stop");
    r.send({ type: "start", by: "carol" });
    r.send({ type: "stepCompleted", stepId: "assess", by: "carol" }, 1);
    const before = r.state;
    for (const event of [{ type: "start", by: "x" }, { type: "stepCompleted", stepId: "assess", by: "carol" }] as RunbookEvent[]) {
      const again = advanceRunbook(r.runbook, before, event, at(2));
      expect(again.effects).toEqual([]);
      expect(again.state).toBe(before);
    }
  });

  it("cancels, and turns a ticked checkbox into the step to complete", () => {
    const r = runner("stop");
    const first = r.send({ type: "start", by: "carol" }).effects[0];
    const body = first?.kind === "upsertExecutionComment" ? first.body : "";
    expect(body).toMatch(/- \[ \] \*\*Check dashboards\*\* `assess`/);
    expect(parseTickedSteps(body.replace("- [ ] **Check", "- [x] **Check"), r.runbook, r.state)).toEqual(["assess"]);
    expect(parseTickedSteps(body, r.runbook, r.state)).toEqual([]);
    r.send({ type: "cancel", by: "carol" }, 1);
    expect(r.state.status).toBe("cancelled");
    expect(r.send({ type: "stepCompleted", stepId: "assess", by: "carol" }, 2).ignored).toMatch(/already cancelled/);
  });

  it("starts independent steps together", () => {
    const runbook = load(`name: par\nsteps:\n  - { id: a, title: A, type: assess, run: { kind: manual } }\n  - { id: b, title: B, type: assess, run: { kind: manual }, needs: [] }\n  - { id: c, title: C, type: verify, run: { kind: manual }, needs: [a, b] }\n`);
    const started = advanceRunbook(runbook, createExecution(runbook, { executionId: "e1", file: "f", sha: "s", incident }), { type: "start", by: "x" }, T0).state;
    expect(started.steps.map((s) => s.status)).toEqual(["running", "running", "pending"]);
  });
});
