import { describe, expect, it } from "vitest";
import { executionBeforeEdit } from "../../../src/runbooks/decide/execution-before-edit.js";
import { renderExecutionComment } from "../../../src/runbooks/engine/render-execution-comment.js";
import { execution, waiting } from "./fixtures.js";

const rb = waiting("page-oncall");
const state = execution(rb, "fw7-page-oncall-1");
const KEY = "<!-- firewatch:key runbook:fw7-page-oncall-1 -->";
const stored = `${renderExecutionComment(rb, state)}\n${KEY}`;
const ofIssue8 = `${renderExecutionComment(rb, { ...state, incident: { ...state.incident, number: 8 } })}\n${KEY}`;

describe("executionBeforeEdit", () => {
  it.each([
    { name: "the app's runbook comment", authorType: "Bot", body: stored, bodyBefore: stored, want: state },
    { name: "a person's comment", authorType: "User", body: stored, bodyBefore: stored, want: undefined },
    { name: "the app's card, not a runbook", authorType: "Bot", body: "card <!-- firewatch:key card -->", bodyBefore: stored, want: undefined },
    { name: "no earlier body", authorType: "Bot", body: stored, bodyBefore: undefined, want: undefined },
    { name: "an earlier body without state", authorType: "Bot", body: stored, bodyBefore: `text ${KEY}`, want: undefined },
    { name: "an execution of another issue", authorType: "Bot", body: stored, bodyBefore: ofIssue8, want: undefined },
  ])("$name", ({ authorType, body, bodyBefore, want }) => {
    expect(executionBeforeEdit({ authorType, body, bodyBefore, issue: 7 })).toEqual(want);
  });
});
