import { describe, expect, it } from "vitest";
import { matchingRunbooks } from "../../src/runbooks/match-runbooks.js";

const incident = { severity: "critical", services: ["inference", "gateway"], labels: ["incident", "gpu-oom"] };

describe("matchingRunbooks", () => {
  it.each([
    { triggers: { severities: ["critical" as const] }, match: true },
    { triggers: { severities: ["low" as const] }, match: false },
    { triggers: { services: ["embeddings", "gateway"] }, match: true },
    { triggers: { severities: ["critical" as const], services: ["vector-store"] }, match: false },
    { triggers: { labels: ["GPU-OOM"] }, match: true },
    { triggers: {}, match: false },
    { triggers: undefined, match: false },
  ])("$triggers → $match", ({ triggers, match }) => {
    expect(matchingRunbooks([{ name: "r", triggers }], incident).length).toBe(match ? 1 : 0);
  });
});
