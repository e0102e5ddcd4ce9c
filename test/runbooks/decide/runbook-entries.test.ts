import { describe, expect, it } from "vitest";
import { runbookEntries, type RunbookEntry } from "../../../src/runbooks/decide/runbook-entries.js";
import { execution, waiting } from "./fixtures.js";

const NOW = new Date("2026-03-01T10:30:00Z");
const rb = waiting("page-oncall");
const started = { ...execution(rb, "fw7-page-oncall-1"), startedAt: "2026-03-01T10:00:00Z", startedBy: "alice" };
const ended = { ...started, status: "succeeded" as const, endedAt: "2026-03-01T10:20:00Z" };
const entry: RunbookEntry = { name: "page-oncall", executionId: "fw7-page-oncall-1", status: "running", startedAt: "2026-03-01T10:00:00Z", startedBy: "alice", commentId: 11 };
const other: RunbookEntry = { name: "gateway", executionId: "fw7-gateway-1", status: "running", startedAt: "2026-03-01T09:00:00Z", startedBy: "firewatch" };
const comments = (id: string) => (id === "fw7-page-oncall-1" ? 11 : undefined);

describe("runbookEntries", () => {
  it.each([
    { name: "a new execution is added last", previous: [other], executions: [started], want: [other, entry] },
    { name: "nothing changed: no card write", previous: [entry], executions: [started], want: undefined },
    { name: "an ended execution replaces its entry in place", previous: [entry, other], executions: [ended], want: [{ ...entry, status: "succeeded", endedAt: "2026-03-01T10:20:00Z" }, other] },
    { name: "no card list yet", previous: undefined, executions: [started], want: [entry] },
    { name: "no executions, no change", previous: undefined, executions: [], want: undefined },
  ])("$name", ({ previous, executions, want }) => {
    expect(runbookEntries(previous, executions, comments, NOW)).toEqual(want);
  });

  it("an execution without a start counts from now, by the app, without a comment id", () => {
    const ready = execution(waiting("gateway"), "fw7-gateway-2", "ready");
    expect(runbookEntries([], [ready], comments, NOW)).toEqual([
      { name: "gateway", executionId: "fw7-gateway-2", status: "ready", startedAt: NOW.toISOString(), startedBy: "firewatch" },
    ]);
  });
});
