import { afterEach, describe, expect, it } from "vitest";
import { DELIVERY_MODES } from "../support/firewatch.js";
import { startNotifyFirewatch, type NotifyScenario } from "./support/start-notify-firewatch.js";

const CONFIG = `
roles: [commander, communications, scribe]
notifications:
  channels:
    sre-slack:  { kind: slack, url_env: FIREWATCH_NOTIFY_SLACK_SRE }
    exec-teams: { kind: teams, url_env: FIREWATCH_NOTIFY_TEAMS_EXEC }
  routes:
    - to: [sre-slack]
      events: [declared, update]
`;
// exec-teams is in no route: only the plan sends there.
const PLAN = `name: gpu-pool-recovery
kind: recovery
objectives: { rto: 2h }
communication:
  - { audience: executives, every: 30m, channel: exec-teams }
  - { audience: customers, every: 1h, channel: status page }
steps:
  - { id: restore, title: Restore the GPU pool, type: remediate, timeout: 3h, run: { kind: manual } }
`;
const headlines = (s: NotifyScenario, path: string) =>
  s.receivers.at(path).map((r) => {
    const card = (r.body.attachments as { content: { body: { text?: string }[] } }[] | undefined)?.[0]?.content;
    return card?.body[0]?.text ?? (r.body.blocks as { text: { text: string } }[])[0]!.text.text;
  });

describe.each(DELIVERY_MODES)("recovery plans that name a notification channel ($name)", ({ deliverTwice }) => {
  let scenario: NotifyScenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("send the plan's /updates and its due reminders to that channel, once each", async () => {
    scenario = await startNotifyFirewatch({
      config: CONFIG,
      deliverTwice,
      files: { ".github/runbooks/gpu-pool-recovery.yml": PLAN },
    });
    const { gh, receivers } = scenario;
    const n = gh.as("alice").openIssue({ title: "GPU OOM on inference", labels: ["incident"] });
    await gh.settle();
    gh.as("alice").comment(n, "/recovery start gpu-pool-recovery");
    await gh.settle();
    expect(receivers.at("/teams")).toHaveLength(0);

    gh.as("alice").comment(n, "/update Half of the pool is back");
    await gh.settle();
    expect(headlines(scenario, "/teams")).toEqual(["📣 Update from alice"]);
    expect(headlines(scenario, "/slack")).toEqual(["🔥 Incident declared", "📣 Update from alice"]);

    gh.clock.advance("31m");
    gh.as("alice").comment(n, "/note still scaling");
    await gh.settle();
    gh.as("alice").comment(n, "/note still scaling, again");
    await gh.settle();
    expect(headlines(scenario, "/teams")).toEqual(["📣 Update from alice", "⏰ Update due for executives"]);
    const reminder = gh.issue(n).comments.filter((c) => c.body.includes("⏰ **Update due.**"));
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.body).toContain("Also sent to `exec-teams` (teams): ✅ sent.");
    // The plan's reminder is not a route event: the Slack route hears nothing of it.
    expect(receivers.at("/slack")).toHaveLength(2);
    expect(receivers.problems()).toEqual([]);
  });
});
