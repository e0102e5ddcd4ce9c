import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { startFirewatch } from "../support/firewatch.js";

describe("reads within one delivery", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("a command comment repeats no read unless the app wrote in between", async () => {
    scenario = await startFirewatch({ collaborators: { alice: "triage" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Gateway 502s", labels: ["incident"] });
    await gh.settle();
    const before = gh.requests.length;
    gh.as("alice").comment(n, "/note provider returned 502 for 4 minutes");
    await gh.settle();
    // No GET is made twice unless the app wrote something in between.
    const seen = new Set<string>();
    const repeatedWithoutWrite: string[] = [];
    for (const r of gh.requests.slice(before)) {
      if (r.method !== "GET") seen.clear();
      else if (seen.has(r.path)) repeatedWithoutWrite.push(r.path);
      else seen.add(r.path);
    }
    expect(repeatedWithoutWrite).toEqual([]);
    expect(gh.issue(n).comments[0]!.body).toContain("provider returned 502 for 4 minutes");
  });
});
