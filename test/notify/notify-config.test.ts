import { afterEach, describe, expect, it } from "vitest";
import { noTelemetry } from "../../src/telemetry/telemetry.js";
import { cardOf, incidentForm } from "../support/incident-fixtures.js";
import { ALL_KINDS_CONFIG, startNotifyFirewatch, type NotifyScenario } from "./support/start-notify-firewatch.js";

const FORM = incidentForm({ summary: "embeddings: p99 latency 4s", severity: "critical", services: "embeddings" });

describe("notification config and environment", () => {
  let scenario: NotifyScenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("a redelivered webhook notifies nobody twice", async () => {
    scenario = await startNotifyFirewatch({ config: ALL_KINDS_CONFIG });
    const { gh, receivers } = scenario;
    const n = gh.as("alice").openIssue({ title: "Embeddings slow", body: FORM, labels: ["incident"] });
    await gh.settle();
    const update = gh.as("alice").comment(n, "/update Scaling the embeddings pool");
    await gh.settle();
    const before = receivers.received.length;
    expect(before).toBe(5 + 5); // declared and the update, one each per channel
    for (const delivery of gh.deliveries.filter((d) => d.event === "issues" || d.event === "issue_comment"))
      gh.redeliver(delivery.id);
    await gh.settle();
    expect(receivers.received.length).toBe(before);
    expect(update).toBeGreaterThan(0);
    expect(gh.issue(n).comments.filter((c) => c.body.includes("## 🔥 Incident"))).toHaveLength(1);
  });

  it("channels removed from the config: nothing more is sent and the card's Notifications section goes", async () => {
    scenario = await startNotifyFirewatch({ config: ALL_KINDS_CONFIG });
    const { gh, receivers } = scenario;
    const n = gh.as("alice").openIssue({ title: "Embeddings slow", body: FORM, labels: ["incident"] });
    await gh.settle();
    expect(cardOf(gh.issue(n).comments)).toContain("### Notifications");
    const before = receivers.received.length;
    // A push to the default branch that touches .github/ drops the cached config.
    gh.as("alice").commitFile("main", ".github/firewatch.yml", "default_severity: high\n");
    await gh.settle();
    gh.as("alice").addLabels(n, ["status:investigating"]);
    await gh.settle();
    const card = cardOf(gh.issue(n).comments);
    expect(card).toContain("| Status | `investigating` |");
    expect(card).not.toContain("### Notifications");
    expect(receivers.received.length).toBe(before);
  });

  it("a channel whose variable is not set: a Needs attention line naming it, the others still hear", async () => {
    const counted: string[] = [];
    scenario = await startNotifyFirewatch({
      telemetry: { ...noTelemetry, notification: (kind, outcome) => counted.push(`${kind} ${outcome}`) },
      config: ALL_KINDS_CONFIG,
      env: { FIREWATCH_NOTIFY_TEAMS_EXEC: undefined, FIREWATCH_NOTIFY_RELAY_SECRET: "", FIREWATCH_NOTIFY_DISCORD: "ftp://files.example.com/drop" },
    });
    const { gh, receivers } = scenario;
    const n = gh.as("alice").openIssue({ title: "Embeddings slow", body: FORM, labels: ["incident"] });
    await gh.settle();
    const card = cardOf(gh.issue(n).comments);
    expect(card).toContain("### ⚠️ Needs attention");
    expect(card).toContain(
      "- Notifications: channel `exec-teams` needs the server environment variable `FIREWATCH_NOTIFY_TEAMS_EXEC`, which is not set; nothing is sent there.",
    );
    expect(card).toContain("channel `pager-relay` needs the server environment variable `FIREWATCH_NOTIFY_RELAY_SECRET`");
    expect(card).toMatch(/`exec-teams` \(teams\): ❌ failed `declared` .*: `FIREWATCH_NOTIFY_TEAMS_EXEC` is not set on the server/);
    expect(receivers.at("/teams")).toHaveLength(0);
    // No secret, no unsigned message.
    expect(receivers.at("/relay")).toHaveLength(0);
    expect(receivers.at("/slack")).toHaveLength(1);
    expect(gh.issue(n).labels.sort()).toEqual(["incident", "severity:critical", "status:detected"]);
    expect(card).toMatch(/`community` \(discord\): ❌ failed `declared` .*: `FIREWATCH_NOTIFY_DISCORD` does not hold an http\(s\) URL/);
    expect(card).not.toContain("files.example.com");
    expect(counted.sort()).toEqual(["discord skipped", "mattermost sent", "slack sent", "teams skipped", "webhook skipped"]);
  });

  it("refuses variables outside FIREWATCH_NOTIFY_*, a webhook without a secret and routes to unknown channels, on the card", async () => {
    scenario = await startNotifyFirewatch({
      config: `
notifications:
  channels:
    leak:      { kind: slack, url_env: PRIVATE_KEY }
    relay:     { kind: webhook, url_env: FIREWATCH_NOTIFY_RELAY_URL }
    sre-slack: { kind: slack, url_env: FIREWATCH_NOTIFY_SLACK_SRE, secret_env: FIREWATCH_NOTIFY_RELAY_SECRET }
    fine:      { kind: discord, url_env: FIREWATCH_NOTIFY_DISCORD }
  routes:
    - to: [leak, relay, sre-slack, nowhere]
    - to: [fine]
      events: [declared, sending]
`,
      env: { PRIVATE_KEY: `http://127.0.0.1:1/would-leak` },
    });
    const { gh, receivers } = scenario;
    const n = gh.as("alice").openIssue({ title: "Embeddings slow", body: FORM, labels: ["incident"] });
    await gh.settle();
    const card = cardOf(gh.issue(n).comments);
    expect(card).toContain("`notifications.channels.leak.url_env` must name a server environment variable starting with FIREWATCH_NOTIFY_");
    expect(card).toContain("`notifications.channels.relay.secret_env` is required for kind: webhook");
    expect(card).toContain("`notifications.channels.sre-slack.secret_env` is only for kind: webhook");
    expect(card).toContain("`notifications.routes` ");
    expect(receivers.received).toHaveLength(0);
    expect(card).not.toContain("would-leak");
    expect(gh.issue(n).labels.sort()).toEqual(["incident", "severity:critical", "status:detected"]);
  });

  it("neutralises typed text for every target: no mentions, no links, no markup", async () => {
    const typed = "@everyone <!channel> <!here> @here <@U024BE7LH> <@&123> [click](https://evil.example) <https://evil.example|docs> **bold** # heading";
    scenario = await startNotifyFirewatch({ config: ALL_KINDS_CONFIG });
    const { gh, receivers } = scenario;
    const n = gh.as("alice").openIssue({
      title: `GPU OOM ${typed}`,
      body: incidentForm({ summary: typed, severity: "critical" }),
      labels: ["incident"],
    });
    await gh.settle();
    gh.as("alice").comment(n, `/update ${typed}`);
    await gh.settle();
    expect(receivers.problems()).toEqual([]);
    expect(receivers.received).toHaveLength(10);
    for (const r of receivers.received) {
      const text = JSON.stringify(r.body);
      for (const raw of ["@everyone", "@here", "<!channel>", "<!here>", "<@U024BE7LH>", "<@&123>", "<https://evil.example|docs>"])
        expect(text, `${r.path}: ${raw}`).not.toContain(raw);
      // Markdown links are links only where Markdown is rendered (Slack's are <url|text>; the relay
      // and Mattermost's `fallback`, shown in notifications, are plain text).
      const rendered = JSON.stringify(r.body, (key, value: unknown) => (key === "fallback" ? undefined : value));
      if (["/discord", "/mattermost", "/teams"].includes(r.path)) expect(rendered, r.path).not.toContain("[click](");
    }
    const markdown = receivers.at("/discord").map((r) => JSON.stringify(r.body)).join("");
    expect(markdown).toContain("\\\\[click\\\\]\\\\(https://evil.example\\\\)");
    expect(markdown).toContain("\\\\*\\\\*bold\\\\*\\\\*");
  });
});
