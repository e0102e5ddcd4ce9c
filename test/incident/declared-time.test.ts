import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { startFirewatch } from "../support/firewatch.js";
import { stateOf } from "../support/incident-fixtures.js";

describe("the declared time is GitHub's, not the app's clock", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("an incident label delivered late is declared at the label's time", async () => {
    scenario = await startFirewatch();
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Embeddings p99 at 4 s" });
    await gh.settle();
    gh.clock.advance("2m");
    const labelled = gh.clock.iso();
    gh.as("alice").addLabels(n, ["incident"]);
    gh.clock.advance("6m"); // the delivery arrives late
    await gh.settle();
    const state = stateOf(gh.issue(n).comments) as { declaredAt?: string };
    expect(new Date(state.declaredAt ?? "").toISOString()).toBe(new Date(labelled).toISOString());
  });
});
