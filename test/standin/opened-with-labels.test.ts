import { Octokit } from "@octokit/rest";
import { afterEach, describe, expect, it } from "vitest";
import type { DeliveryRecord } from "../support/github/webhooks/webhook-queue.js";
import { startScenario, type Scenario } from "../support/harness.js";

/** `event.action[label]: labels in the payload's issue | assignees` for each delivery. */
function summary(deliveries: readonly DeliveryRecord[]): string[] {
  return deliveries.map((d) => {
    const issue = d.payload.issue as { labels: { name: string }[]; assignees: { login: string }[] };
    const label = (d.payload.label as { name: string } | undefined)?.name;
    const labels = issue.labels.map((l) => l.name).join(",");
    return `${d.event}.${d.action}${label ? `[${label}]` : ""}: ${labels} | ${issue.assignees.map((a) => a.login).join(",")}`;
  });
}

// GitHub creates the issue with its labels and assignees, then sends `issues.opened` already
// carrying them, then one `labeled` per label and one `assigned` per assignee: an app that
// reacts to both sees the labels twice (FACTS.md "An issue created with labels").
describe("GitHub stand-in: an issue opened with labels", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("by a person: issues.opened carries the labels, then one issues.labeled per label", async () => {
    scenario = await startScenario({ appFn: () => {}, repo: { owner: "acme", name: "ops", collaborators: { bob: "write" } } });
    const { gh } = scenario;
    gh.as("alice").openIssue({ title: "outage", labels: ["incident", "severity:critical"], assignees: ["bob"] });
    await gh.settle();

    expect(summary(gh.deliveries)).toEqual([
      "issues.opened: incident,severity:critical | bob",
      "issues.labeled[incident]: incident,severity:critical | bob",
      "issues.labeled[severity:critical]: incident,severity:critical | bob",
      "issues.assigned: incident,severity:critical | bob",
    ]);
  });

  it("through POST /repos/{owner}/{repo}/issues with labels: the same webhooks, and the response carries the labels", async () => {
    scenario = await startScenario({ appFn: () => {} });
    const { gh } = scenario;
    const octokit = new Octokit({ baseUrl: gh.urls.api, auth: gh.installationToken() });
    const { data } = await octokit.rest.issues.create({
      owner: "acme",
      repo: "ops",
      title: "outage",
      labels: ["incident", { name: "severity:high" }],
    });
    await gh.settle();

    expect(data.labels.map((label) => (typeof label === "string" ? label : label.name))).toEqual(["incident", "severity:high"]);
    expect(summary(gh.deliveries)).toEqual([
      "issues.opened: incident,severity:high | ",
      "issues.labeled[incident]: incident,severity:high | ",
      "issues.labeled[severity:high]: incident,severity:high | ",
    ]);
    expect(gh.issue(data.number).events.map((e) => `${e.event}:${e.label}`)).toEqual(["labeled:incident", "labeled:severity:high"]);
  });
});
