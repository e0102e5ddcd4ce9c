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
    { name: "the app's runbook comment", byApp: true, body: stored, bodyBefore: stored, want: state },
    { name: "a comment not by the app (a person's, another bot's)", byApp: false, body: stored, bodyBefore: stored, want: undefined },
    { name: "the app's card, not a runbook", byApp: true, body: "card <!-- firewatch:key card -->", bodyBefore: stored, want: undefined },
    { name: "no earlier body", byApp: true, body: stored, bodyBefore: undefined, want: undefined },
    { name: "an earlier body without state", byApp: true, body: stored, bodyBefore: `text ${KEY}`, want: undefined },
    { name: "an execution of another issue", byApp: true, body: stored, bodyBefore: ofIssue8, want: undefined },
  ])("$name", ({ byApp, body, bodyBefore, want }) => {
    expect(executionBeforeEdit({ byApp, body, bodyBefore, issue: 7 })).toEqual(want);
  });
});
