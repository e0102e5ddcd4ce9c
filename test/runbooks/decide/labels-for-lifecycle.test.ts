import { describe, expect, it } from "vitest";
import { labelsForLifecycle } from "../../../src/runbooks/decide/labels-for-lifecycle.js";

const names = {
  isStatusLabel: (l: string) => l.startsWith("status:"),
  isSeverityLabel: (l: string) => l.startsWith("severity:"),
};

describe("labelsForLifecycle", () => {
  it.each([
    { added: ["status:containing"], want: ["status:containing"] },
    { added: ["severity:high", "mitigating"], want: ["severity:high"] },
    { added: ["mitigating", "gpu-oom"], want: [] },
    { added: [], want: [] },
    { added: ["status:identified", "severity:critical"], want: ["status:identified", "severity:critical"] },
  ])("$added → $want", ({ added, want }) => {
    expect(labelsForLifecycle(added, names)).toEqual(want);
  });
});
