import { describe, expect, it } from "vitest";
import { decideCheckboxTicks } from "../../../src/runbooks/decide/checkbox-ticks.js";

const base = { editor: "alice", needed: "triage", deliveryId: "d-1" };

describe("decideCheckboxTicks", () => {
  it.each([
    { name: "nothing ticked", ticked: [], permitted: false, events: [], refused: false },
    { name: "a permitted tick completes its step", ticked: ["look"], permitted: true, events: [{ type: "stepCompleted", stepId: "look", by: "alice" }], refused: false },
    {
      name: "two permitted ticks complete both, in order",
      ticked: ["look", "call"],
      permitted: true,
      events: [
        { type: "stepCompleted", stepId: "look", by: "alice" },
        { type: "stepCompleted", stepId: "call", by: "alice" },
      ],
      refused: false,
    },
    { name: "an unpermitted tick completes nothing and is answered", ticked: ["look"], permitted: false, events: [], refused: true },
  ])("$name", ({ ticked, permitted, events, refused }) => {
    const decision = decideCheckboxTicks({ ...base, ticked, permitted });
    expect(decision.events).toEqual(events);
    expect(decision.refusal).toEqual(
      refused
        ? { key: "tick-refused-d-1", body: "@alice only people with at least `triage` access can complete runbook steps, so the box was unticked." }
        : undefined,
    );
  });
});
