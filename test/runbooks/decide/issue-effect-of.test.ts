import { describe, expect, it } from "vitest";
import { isIssueEffect, issueEffectOf } from "../../../src/runbooks/decide/issue-effect-of.js";
import type { RunbookEffect } from "../../../src/runbooks/runbook-effect.js";

const http: RunbookEffect = { kind: "httpCheck", stepId: "health", correlationId: "fw7-a-1.health", method: "GET", url: "https://status.example.com", timeoutMs: 1000 };
const dispatch: RunbookEffect = { kind: "dispatchWorkflow", stepId: "roll", workflow: "rollback.yml", inputs: {}, correlationId: "fw7-a-1.roll" };

describe("issueEffectOf", () => {
  it.each<{ effect: RunbookEffect; want: unknown }>([
    { effect: { kind: "upsertExecutionComment", key: "runbook:fw7-a-1", body: "checklist" }, want: { kind: "upsertComment", issue: 7, key: "runbook:fw7-a-1", body: "checklist" } },
    { effect: { kind: "postComment", key: "runbook:fw7-a-1:tell", body: "Fixed.", stepId: "tell" }, want: { kind: "createComment", issue: 7, key: "runbook:fw7-a-1:tell", body: "Fixed." } },
    { effect: { kind: "setLabels", stepId: "l", add: ["mitigating"], remove: ["triage"] }, want: { kind: "setLabels", issue: 7, add: ["mitigating"], remove: ["triage"] } },
    { effect: { kind: "assign", stepId: "a", logins: ["bob"] }, want: { kind: "assign", issue: 7, logins: ["bob"] } },
  ])("$effect.kind → $want.kind", ({ effect, want }) => {
    expect(isIssueEffect(effect)).toBe(true);
    if (isIssueEffect(effect)) expect(issueEffectOf(7, effect)).toEqual(want);
  });

  it.each([http, dispatch])("$kind reaches outside the issue", (effect) => {
    expect(isIssueEffect(effect)).toBe(false);
  });
});
