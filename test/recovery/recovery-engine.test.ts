import { describe, expect, it } from "vitest";
import { advanceRunbook } from "../../src/runbooks/engine/advance-runbook.js";
import { createExecution, type ExecutionState } from "../../src/runbooks/engine/execution-state.js";
import type { RunbookEvent } from "../../src/runbooks/engine/runbook-event.js";
import type { Runbook } from "../../src/runbooks/schema.js";
import { validateRunbook } from "../../src/runbooks/validate-runbook.js";

const T0 = Date.parse("2026-03-01T10:00:00Z");
const incident = { number: 7, title: "GPU OOM", severity: "critical", services: ["inference"], labels: ["incident"] };

const PLAN = (kind: string, onFailure: string) => `
name: restore
kind: ${kind}
on_failure: ${onFailure}
${kind === "recovery" ? "objectives: { rto: 1h }\nverification:\n  - { criterion: p95 TTFT under 800 ms, step: ttft }" : ""}
steps:
  - { id: scale, title: Scale out, type: remediate, run: { kind: manual } }
  - { id: ttft, title: Check TTFT, type: verify, run: { kind: manual } }
  - { id: announce, title: Announce, type: communicate, run: { kind: manual } }
rollback:
  - { id: failover, title: Fail over, type: remediate, run: { kind: manual } }
`;

function run(kind: "recovery" | "response", onFailure: "stop" | "continue") {
  const result = validateRunbook(PLAN(kind, onFailure), "p.yml");
  if (!result.runbook) throw new Error(JSON.stringify(result.errors));
  const runbook: Runbook = result.runbook;
  let state: ExecutionState = createExecution(runbook, { executionId: "fw7-restore-1", file: "p.yml", sha: "abc", incident });
  const comments: string[] = [];
  const send = (event: RunbookEvent, minutes: number) => {
    const out = advanceRunbook(runbook, state, event, new Date(T0 + minutes * 60_000));
    state = out.state;
    for (const e of out.effects) if (e.kind === "postComment") comments.push(e.body);
  };
  send({ type: "start", by: "carol" }, 0);
  send({ type: "stepCompleted", stepId: "scale", by: "carol" }, 5);
  send({ type: "stepCompleted", stepId: "ttft", by: "carol", outcome: "failed", note: "p95 is 2.4 s" }, 9);
  return { get state() { return state; }, comments };
}

describe("a failed verification in a recovery plan", () => {
  it.each(["stop", "continue"] as const)("runs the rollback steps even with on_failure: %s", (onFailure) => {
    const r = run("recovery", onFailure);
    expect(r.state.kind).toBe("recovery");
    expect(r.state.phase).toBe("rollback");
    expect(r.state.failure).toEqual({ stepId: "ttft", reason: "p95 is 2.4 s" });
    expect(r.state.rollback[0]).toMatchObject({ id: "failover", status: "running" });
    expect(r.comments).toEqual(["⚠️ Runbook **restore**: verification `ttft` failed (p95 is 2.4 s). Running the rollback steps."]);
  });

  it("leaves a response runbook to its on_failure (stop)", () => {
    const r = run("response", "stop");
    expect(r.state.kind).toBeUndefined();
    expect(r.state.status).toBe("failed");
    expect(r.state.rollback[0]?.status).toBe("pending");
  });
});
