import { afterEach, describe, expect, it } from "vitest";
import { DELIVERY_MODES } from "../support/firewatch.js";
import { cardOf, incidentForm } from "../support/incident-fixtures.js";
import { ALL_KINDS_CONFIG, startNotifyFirewatch, type NotifyScenario } from "./support/start-notify-firewatch.js";

const FORM = incidentForm({ summary: "inference: CUDA out of memory on every vLLM replica", severity: "critical" });
const events = (s: NotifyScenario, path: string) =>
  s.receivers.at(path).map((r) => (path === "/relay" ? r.body.event : r.path));

describe.each(DELIVERY_MODES)("notifications to every kind ($name)", ({ deliverTwice }) => {
  let scenario: NotifyScenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("announces a declared incident once per channel, in each service's format, and the card shows each delivery", async () => {
    scenario = await startNotifyFirewatch({ config: ALL_KINDS_CONFIG, deliverTwice });
    const { gh, receivers } = scenario;
    const n = gh.as("alice").openIssue({ title: "[Incident] GPU OOM", body: FORM, labels: ["incident"] });
    await gh.settle();

    expect(receivers.problems()).toEqual([]);
    for (const path of ["/slack", "/teams", "/mattermost", "/discord", "/relay"])
      expect(receivers.at(path), path).toHaveLength(1);
    const relay = receivers.at("/relay")[0]!;
    expect(relay.body).toMatchObject({
      version: 1,
      event: "declared",
      incident: { repository: "acme/ops", number: n, severity: "critical", title: "[Incident] GPU OOM", services: ["inference"] },
      text: "inference: CUDA out of memory on every vLLM replica",
    });
    const slack = receivers.at("/slack")[0]!.body as { blocks: { type: string; text?: { text: string } }[] };
    expect(slack.blocks[0]).toMatchObject({ type: "header", text: { text: "🔥 Incident declared" } });
    const card = cardOf(gh.issue(n).comments);
    expect(card).toContain("### Notifications");
    for (const channel of ["sre-slack", "exec-teams", "ops-mm", "community", "pager-relay"])
      expect(card).toMatch(new RegExp(`\`${channel}\` \\(\\w+\\): ✅ sent \`declared\``));
    expect(card).not.toContain("127.0.0.1");
    expect(card).not.toContain("Needs attention");
  });

  it("follows the incident: severity, status, roles, update, resolution; the critical-only channel still hears the resolution after a downgrade", async () => {
    scenario = await startNotifyFirewatch({ config: ALL_KINDS_CONFIG, deliverTwice });
    const { gh, receivers } = scenario;
    const n = gh.as("alice").openIssue({ title: "[Incident] GPU OOM", body: FORM, labels: ["incident"] });
    await gh.settle();
    gh.as("alice").comment(n, "/severity high");
    await gh.settle();
    gh.as("alice").comment(n, "/status identified");
    await gh.settle();
    gh.as("alice").comment(n, "/role commander @alice");
    await gh.settle();
    gh.as("alice").comment(n, "/update Rolled back the model; error rate falling");
    await gh.settle();
    gh.as("alice").comment(n, "/resolve Capacity restored after the rollback");
    await gh.settle();

    expect(receivers.problems()).toEqual([]);
    expect(events(scenario, "/relay")).toEqual([
      "declared",
      "severity",
      "status",
      "roles",
      "update",
      "resolved",
      // The postmortem pull request the resolution opened.
      "postmortem",
    ]);
    expect(receivers.at("/slack")).toHaveLength(7);
    expect(receivers.at("/relay").at(-1)!.body.headline).toMatch(/^Postmortem in review: pull request #\d+$/);
    // exec-teams is critical-only and lists declared, update, resolved: it heard the declaration
    // while critical, so the update and the resolution follow it there after the move to high.
    const teams = receivers.at("/teams").map((r) => JSON.stringify(r.body));
    expect(teams).toHaveLength(3);
    expect(teams[1]).toContain("Rolled back the model");
    expect(teams[2]).toContain("Incident resolved");
    const resolved = receivers.at("/relay").at(-2)!.body;
    expect(resolved).toMatchObject({ event: "resolved", text: "Capacity restored after the rollback", incident: { status: "resolved", severity: "high", commander: "alice" } });
    expect(cardOf(gh.issue(n).comments)).toMatch(/`exec-teams` \(teams\): ✅ sent `resolved`/);
  });
});

describe("notifications under bursts", () => {
  let scenario: NotifyScenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("opened and labeled arriving at once, each twice at the same moment: one declaration per channel", async () => {
    scenario = await startNotifyFirewatch({ config: ALL_KINDS_CONFIG });
    const { gh, receivers } = scenario;
    gh.as("alice").openIssue({ title: "[Incident] GPU OOM", body: FORM, labels: ["incident"] });
    await gh.settle({ burst: true, twice: "together" });
    expect(receivers.problems()).toEqual([]);
    for (const path of ["/slack", "/teams", "/mattermost", "/discord", "/relay"])
      expect(receivers.at(path), path).toHaveLength(1);
  });
});
