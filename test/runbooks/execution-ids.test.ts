import { describe, expect, it } from "vitest";
import { executionIdFor, executionKey, parseCorrelationId } from "../../src/runbooks/execution-ids.js";

describe("execution ids", () => {
  it("names the n-th execution and its comment", () => {
    expect(executionIdFor(42, "gpu-oom", 2)).toBe("fw42-gpu-oom-2");
    expect(executionKey("fw42-gpu-oom-2")).toBe("runbook:fw42-gpu-oom-2");
  });

  it.each([
    { text: "Roll back model fw42-gpu-oom-1.rollback-model", want: { correlationId: "fw42-gpu-oom-1.rollback-model", executionId: "fw42-gpu-oom-1", issue: 42 } },
    { text: "fw7-a-b-12.step_1 (run name)", want: { correlationId: "fw7-a-b-12.step_1", executionId: "fw7-a-b-12", issue: 7 } },
    { text: "CI on main", want: undefined },
    { text: "fw42-gpu-oom.rollback", want: undefined },
    { text: "xfw42-gpu-oom-1.rollback", want: undefined },
  ])("$text", ({ text, want }) => {
    expect(parseCorrelationId(text)).toEqual(want);
  });
});
