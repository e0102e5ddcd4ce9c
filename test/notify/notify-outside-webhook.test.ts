import { afterEach, describe, expect, it } from "vitest";
import { incidentStateSchema } from "../../src/incident/incident-state.js";
import { cardOf, incidentForm } from "../support/incident-fixtures.js";
import { ALL_KINDS_CONFIG, startNotifyFirewatch, type NotifyScenario } from "./support/start-notify-firewatch.js";

/**
 * Work that is not a webhook (an alert request, a clock tick) goes through withRepository and
 * the same scope: its card write is where notifications are sent, so they need nothing more.
 */
describe("notifications from work outside a webhook (withRepository)", () => {
  let scenario: NotifyScenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("an incident the app declares itself (as from an alert) is announced when its card is first written", async () => {
    scenario = await startNotifyFirewatch({ config: ALL_KINDS_CONFIG });
    const { gh, receivers } = scenario;
    const number = await scenario.outsideWebhook("alert-1", async (scope, context) => {
      const { data } = await context.octokit.rest.issues.create({
        ...scope.repo,
        title: "[Alert] vLLM num_requests_waiting > 100",
        labels: ["incident", "severity:critical", "status:detected"],
      });
      const state = incidentStateSchema.parse({
        declaredAt: scope.deps.now().toISOString(),
        declaredBy: "alertmanager",
        summary: "inference: 140 requests waiting on every replica",
        services: ["inference"],
      });
      scope.recordState(data.number, state);
      return data.number;
    });
    await gh.settle();
    expect(receivers.problems()).toEqual([]);
    expect(receivers.at("/relay").map((r) => r.body.event)).toEqual(["declared"]);
    expect(receivers.at("/relay")[0]!.body).toMatchObject({
      incident: { number, severity: "critical", status: "detected" },
      text: "inference: 140 requests waiting on every replica",
    });
    expect(receivers.at("/teams")).toHaveLength(1);
    expect(cardOf(gh.issue(number).comments)).toMatch(/`pager-relay` \(webhook\): ✅ sent `declared`/);
  });

  it("a tick that changes an incident notifies once; a tick that changes nothing sends nothing", async () => {
    scenario = await startNotifyFirewatch({ config: ALL_KINDS_CONFIG });
    const { gh, receivers } = scenario;
    const n = gh.as("alice").openIssue({
      title: "GPU OOM",
      body: incidentForm({ summary: "inference down", severity: "high" }),
      labels: ["incident"],
    });
    await gh.settle();
    const tick = (text?: string) =>
      scenario!.outsideWebhook(
        `tick-${gh.clock.iso()}`,
        async (scope) => {
          const loaded = await scope.incident(n);
          const state = loaded.state!;
          const at = scope.deps.now().toISOString();
          scope.recordState(n, text ? { ...state, updates: [...state.updates, { at, by: "firewatch", text }] } : state);
        },
        `acme/ops#${n}`,
      );
    await tick("Automatic: error rate back under 1%");
    await tick();
    await gh.settle();
    expect(receivers.at("/relay").map((r) => r.body.event)).toEqual(["declared", "update"]);
    expect(receivers.at("/relay")[1]!.body.text).toBe("Automatic: error rate back under 1%");
  });
});
