import { afterEach, describe, expect, it } from "vitest";
import { cardOf, incidentForm } from "../support/incident-fixtures.js";
import { startNotifyFirewatch, type NotifyScenario } from "./support/start-notify-firewatch.js";

const SLACK_ONLY = `
notifications:
  channels:
    sre-slack: { kind: slack, url_env: FIREWATCH_NOTIFY_SLACK_SRE }
  routes:
    - to: [sre-slack]
`;
const FORM = incidentForm({ summary: "gateway: 502s from the LLM provider", severity: "high", services: "gateway" });
const seconds = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 1000;

describe("delivering to a receiver that fails (virtual time)", () => {
  let scenario: NotifyScenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  async function declare(...answers: Parameters<NotifyScenario["receivers"]["answer"]>[1][]) {
    scenario = await startNotifyFirewatch({ config: SLACK_ONLY });
    scenario.receivers.answer("/slack", ...answers);
    const n = scenario.gh.as("alice").openIssue({ title: "Provider outage", body: FORM, labels: ["incident"] });
    await scenario.gh.settle();
    const issue = scenario.gh.issue(n);
    // The incident itself is untouched by the failure.
    expect(issue.labels.sort()).toEqual(["incident", "severity:high", "status:detected"]);
    return { card: cardOf(issue.comments), received: scenario.receivers.at("/slack") };
  }

  it("retries a 500 with backoff (1 s, then 2 s) and records the delivery as sent", async () => {
    const { card, received } = await declare({ status: 500 }, { status: 503 }, { status: 200 });
    expect(received).toHaveLength(3);
    expect(seconds(received[0]!.at, received[1]!.at)).toBe(1);
    expect(seconds(received[1]!.at, received[2]!.at)).toBe(2);
    expect(new Set(received.map((r) => r.raw)).size).toBe(1);
    expect(card).toMatch(/`sre-slack` \(slack\): ✅ sent `declared`/);
  });

  it("waits as long as a 429's Retry-After asks", async () => {
    const { card, received } = await declare({ status: 429, retryAfter: "7" }, { status: 200 });
    expect(received).toHaveLength(2);
    expect(seconds(received[0]!.at, received[1]!.at)).toBe(7);
    expect(card).toMatch(/✅ sent `declared`/);
  });

  it("gives up at once when Retry-After is past the 30 s bound, and says so on the card", async () => {
    const { card, received } = await declare({ status: 429, retryAfter: "120" });
    expect(received).toHaveLength(1);
    expect(card).toMatch(/`sre-slack` \(slack\): ❌ failed `declared` .*: HTTP 429; gave up: the next try was due past the 30 s limit$/m);
  });

  it("records a receiver that keeps failing as failed, with its status, after a bounded number of attempts", async () => {
    const { card, received } = await declare({ status: 500 });
    expect(received).toHaveLength(5);
    expect(seconds(received[0]!.at, received[4]!.at)).toBe(1 + 2 + 4 + 8);
    expect(card).toMatch(/`sre-slack` \(slack\): ❌ failed `declared` .*: HTTP 500 after 5 attempts/);
    expect(card).not.toContain("127.0.0.1");
  });

  it("does not follow a redirect: a 3xx fails at once", async () => {
    const { card, received } = await declare({ status: 302 });
    expect(received).toHaveLength(1);
    expect(card).toMatch(/❌ failed `declared` .*: HTTP 302$/m);
  });

  it("does not retry a 404 (a deleted webhook)", async () => {
    const { card, received } = await declare({ status: 404 });
    expect(received).toHaveLength(1);
    expect(card).toMatch(/❌ failed `declared` .*: HTTP 404$/m);
  });

  it("times out a receiver that never answers after 5 s, retries, and records no answer", async () => {
    const { card, received } = await declare("hang");
    expect(received.length).toBeGreaterThan(1);
    expect(seconds(received[0]!.at, received[1]!.at)).toBe(5 + 1);
    expect(card).toMatch(/❌ failed `declared` .*: no answer within 5 s/);
  });

  it("a notification path that throws breaks nothing: the card is still written, the labels set", async () => {
    scenario = await startNotifyFirewatch({
      config: SLACK_ONLY,
      notifyTimeout: () => {
        throw new Error("broken timer");
      },
    });
    const n = scenario.gh.as("alice").openIssue({ title: "Provider outage", body: FORM, labels: ["incident"] });
    await scenario.gh.settle();
    const issue = scenario.gh.issue(n);
    expect(issue.labels.sort()).toEqual(["incident", "severity:high", "status:detected"]);
    expect(cardOf(issue.comments)).toContain("| Status | `detected` |");
    expect(cardOf(issue.comments)).not.toContain("### Notifications");
  });
});
