import { describe, expect, it } from "vitest";
import { executionsToReport } from "../../../src/runbooks/recovery/reported-outcomes.js";
import type { ExecutionState } from "../../../src/runbooks/engine/execution-state.js";
import { execution, runbook, waiting } from "../decide/fixtures.js";

const plan = runbook(`name: restore
kind: recovery
objectives: { rto: 30m }
steps:
  - { id: check, title: Check, type: verify, run: { kind: manual } }
`);

describe("executionsToReport", () => {
  it.each<{ kind: "recovery" | "response"; status: ExecutionState["status"]; reported: boolean }>([
    { kind: "recovery", status: "succeeded", reported: true },
    { kind: "recovery", status: "failed", reported: true },
    { kind: "recovery", status: "rolled-back", reported: true },
    { kind: "recovery", status: "rollback-failed", reported: true },
    { kind: "recovery", status: "cancelled", reported: false },
    { kind: "recovery", status: "running", reported: false },
    { kind: "response", status: "succeeded", reported: false },
  ])("$kind plan $status → report: $reported", ({ kind, status, reported }) => {
    const state = execution(kind === "recovery" ? plan : waiting("page-oncall"), "fw7-x-1", status);
    expect(executionsToReport([state])).toEqual(reported ? [state] : []);
  });
});
