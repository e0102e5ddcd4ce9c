import { describe, expect, it } from "vitest";
import { trustedExecution } from "../../../src/runbooks/decide/trusted-execution.js";
import { renderExecutionComment } from "../../../src/runbooks/engine/render-execution-comment.js";
import { execution, waiting } from "./fixtures.js";

const rb = waiting("page-oncall");
const before = execution(rb, "fw7-page-oncall-1", "running", { look: "running" });
const later = execution(rb, "fw7-page-oncall-1", "running", { look: "succeeded", ship: "running" });
const edited = renderExecutionComment(rb, before).replace("- [ ]", "- [x]");

describe("trustedExecution", () => {
  it.each([
    { name: "the comment is still the edit: the state before it", current: edited, want: before },
    { name: "the app wrote since: its newer state", current: renderExecutionComment(rb, later), want: later },
    { name: "the current comment holds no state: the state before the edit", current: "gone", want: before },
  ])("$name", ({ current, want }) => {
    expect(trustedExecution(before, edited, current)).toEqual(want);
  });
});
