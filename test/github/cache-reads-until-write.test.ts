import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { startFirewatch } from "../support/firewatch.js";

describe("reads within one delivery", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("a command comment reads the issue again only after the app wrote something", async () => {
    scenario = await startFirewatch({ collaborators: { alice: "triage" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Gateway 502s", labels: ["incident"] });
    await gh.settle();
    const before = gh.requests.length;
    gh.as("alice").comment(n, "/note provider returned 502 for 4 minutes");
    await gh.settle();
    const made = gh.requests.slice(before).map((r) => `${r.method} ${r.operationId}`);
    const writes = made.filter((r) => !r.startsWith("GET")).length;
    // Each read of the issue is either the first of the delivery or follows a write.
    expect(made.filter((r) => r === "GET issues/get").length).toBeLessThanOrEqual(writes + 1);
    expect(gh.issue(n).comments[0]!.body).toContain("provider returned 502 for 4 minutes");
  });
});
