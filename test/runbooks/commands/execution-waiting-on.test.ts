import { describe, expect, it } from "vitest";
import { executionWaitingOn } from "../../../src/runbooks/commands/execution-waiting-on.js";
import { execution, waiting } from "../decide/fixtures.js";

const a = { commentId: 1, state: execution(waiting("alpha"), "fw7-alpha-1", "running", { look: "running" }) };
const b = { commentId: 2, state: execution(waiting("beta"), "fw7-beta-1", "running", { look: "running" }) };
const done = { commentId: 3, state: execution(waiting("gamma"), "fw7-gamma-1", "running", { look: "succeeded", ship: "running" }) };
const stopped = { commentId: 4, state: execution(waiting("delta"), "fw7-delta-1", "cancelled", { undo: "running" }) };
const rollingBack = { commentId: 5, state: execution(waiting("eps"), "fw7-eps-1", "running", { undo: "running" }) };

describe("executionWaitingOn", () => {
  it.each([
    { name: "the one waiting", executions: [a, done], stepId: "look", want: { execution: a } },
    { name: "a rollback step waits too", executions: [rollingBack], stepId: "undo", want: { execution: rollingBack } },
    { name: "a step of a finished runbook is not waiting", executions: [stopped], stepId: "undo", want: { reply: "Step `undo` is not waiting right now." } },
    { name: "a known step that is done", executions: [done], stepId: "look", want: { reply: "Step `look` is not waiting right now." } },
    { name: "no such step", executions: [a], stepId: "reboot", want: { reply: "No runbook on this incident has a step `reboot`." } },
    { name: "no runbooks at all", executions: [], stepId: "look", want: { reply: "No runbook on this incident has a step `look`." } },
    {
      name: "two runbooks wait on it",
      executions: [a, b],
      stepId: "look",
      want: { reply: "More than one running runbook waits on `look` (`alpha`, `beta`); tick it in the runbook comment instead." },
    },
  ])("$name", ({ executions, stepId, want }) => {
    expect(executionWaitingOn(executions, stepId)).toEqual(want);
  });
});
