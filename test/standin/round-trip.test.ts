import { afterEach, describe, expect, it } from "vitest";
import type { ApplicationFunction } from "probot";
import { startScenario, type Scenario } from "../support/harness.js";

/** Adds `triage` to every opened issue and records the labeled events it sees. */
function labelingApp(seen: { action: string; label?: string; senderType: string }[]): ApplicationFunction {
  return (app) => {
    app.on("issues.opened", async (context) => {
      await context.octokit.rest.issues.addLabels(context.issue({ labels: ["triage"] }));
    });
    app.on("issues.labeled", async (context) => {
      seen.push({ action: "labeled", label: context.payload.label?.name, senderType: context.payload.sender.type });
    });
  };
}

describe("GitHub stand-in: round trip through real signed webhooks", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("delivers issues.opened, takes the app's label, and sends back labeled with the bot as sender", async () => {
    const seen: { action: string; label?: string; senderType: string }[] = [];
    scenario = await startScenario({ appFn: labelingApp(seen) });
    const { gh } = scenario;

    const number = gh.as("alice").openIssue({ title: "GPU OOM on inference", labels: ["incident"] });
    await gh.settle();

    expect(gh.issue(number).labels).toEqual(["incident", "triage"]);
    expect(seen).toEqual([
      { action: "labeled", label: "incident", senderType: "User" },
      { action: "labeled", label: "triage", senderType: "Bot" },
    ]);
    const triage = gh.deliveries.find((d) => d.action === "labeled" && (d.payload.label as { name: string }).name === "triage");
    expect((triage?.payload.sender as { login: string }).login).toBe("firewatch[bot]");
    expect(gh.issue(number).events.map((e) => `${e.event}:${e.label}:${e.actor}`)).toEqual([
      "labeled:incident:alice",
      "labeled:triage:firewatch[bot]",
    ]);
    expect(gh.requests.map((r) => r.operationId)).toEqual([
      "apps/create-installation-access-token",
      "issues/add-labels",
    ]);
  });
});
