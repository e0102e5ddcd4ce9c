import { afterEach, describe, expect, it } from "vitest";
import { secondaryRateLimit } from "../support/github/http/fault-injection.js";
import { startFirewatch } from "../support/firewatch.js";
import type { Scenario } from "../support/harness.js";
import { stateOf } from "../support/incident-fixtures.js";
import {
  ALERT_TOKEN,
  alertmanagerFiring,
  alertsComment,
  keyedCount,
  postAlerts,
  resolved,
} from "./alert-requests.js";
import { runAlertStorm } from "./run-alert-storm.js";

describe("alert groups over time: resolved, fired again, noted, storms, rate limits", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  const start = (config = "") =>
    startFirewatch({ env: { FIREWATCH_ALERT_TOKEN: ALERT_TOKEN }, files: { ".github/firewatch.yml": config } });

  it("on_resolved: recovering moves the incident on; resolve-unacknowledged closes a flap nobody acknowledged", async () => {
    scenario = await start("alerts:\n  on_resolved: recovering\n");
    const { gh, app } = scenario;
    const firing = alertmanagerFiring();
    await postAlerts(app, "alertmanager", firing);
    gh.clock.advance("5m");
    const answer = await postAlerts(app, "alertmanager", resolved(firing, gh.clock.iso()));
    expect(answer.body).toMatchObject({ outcome: "updated", issue: 1 });
    await gh.settle();
    expect(gh.issue(1).labels).toEqual(["incident", "severity:critical", "status:recovering"]);
    expect(gh.issue(1).state).toBe("open");
    await scenario.stop();

    scenario = await start("alerts:\n  on_resolved: resolve-unacknowledged\n");
    const second = scenario;
    await postAlerts(second.app, "alertmanager", firing);
    second.gh.clock.advance("3m");
    await postAlerts(second.app, "alertmanager", resolved(firing, second.gh.clock.iso()));
    await second.gh.settle();
    expect(second.gh.issue(1).state).toBe("closed");
    expect(second.gh.issue(1).labels).toContain("status:resolved");
  });

  it("resolve-unacknowledged leaves an acknowledged incident to people", async () => {
    scenario = await start("alerts:\n  on_resolved: resolve-unacknowledged\n");
    const { gh, app } = scenario;
    const firing = alertmanagerFiring();
    await postAlerts(app, "alertmanager", firing);
    await gh.settle();
    gh.as("alice").comment(1, "/ack");
    await gh.settle();
    gh.clock.advance("3m");
    await postAlerts(app, "alertmanager", resolved(firing, gh.clock.iso()));
    await gh.settle();
    expect(gh.issue(1).state).toBe("open");
    expect(alertsComment(gh.issue(1).comments)).toContain("**all resolved**");
  });

  it("reopens the incident when the group fires again within the window, else opens a related one", async () => {
    scenario = await start("alerts:\n  reopen_window_minutes: 60\n");
    const { gh, app } = scenario;
    const firing = alertmanagerFiring();
    await postAlerts(app, "alertmanager", firing);
    await postAlerts(app, "alertmanager", resolved(firing, gh.clock.iso()));
    await gh.settle();
    gh.as("alice").close(1);
    await gh.settle();
    gh.clock.advance("30m");
    const again = await postAlerts(app, "alertmanager", firing);
    expect(again.body).toMatchObject({ outcome: "reopened", issue: 1 });
    await gh.settle();
    expect(gh.issue(1).state).toBe("open");
    expect(gh.issue(1).labels).toContain("status:investigating");
    expect(gh.issue(1).comments.some((c) => /fired again/.test(c.body))).toBe(true);

    gh.as("alice").close(1);
    await gh.settle();
    gh.clock.advance("2h");
    const later = await postAlerts(app, "alertmanager", firing);
    // (#2 is the postmortem pull request the first closing opened.)
    expect(later.body.outcome).toBe("opened");
    const next = Number(later.body.issue);
    expect(next).toBeGreaterThan(1);
    await gh.settle();
    expect(gh.issue(next).body).toContain("see #1 (related)");
    const related = (stateOf(gh.issue(next).comments) as { related: { number: number }[] }).related;
    expect(related.map((r) => r.number)).toContain(1);
    expect(gh.issue(1).state).toBe("closed");
  });

  it("notes a group that does not declare on the open incident of its service, or ignores it", async () => {
    scenario = await start();
    const { gh, app } = scenario;
    const warning = alertmanagerFiring((p) => {
      p.groupKey = '{}:{alertname="VllmQueueGrowing"}';
      p.commonLabels = { ...(p.commonLabels as Record<string, string>), alertname: "VllmQueueGrowing", severity: "warning" };
      p.commonAnnotations = { summary: "vLLM requests waiting above 50" };
      for (const a of p.alerts) a.labels = { ...a.labels, alertname: "VllmQueueGrowing", severity: "warning" };
    });
    const alone = await postAlerts(app, "alertmanager", warning);
    expect(alone.status).toBe(200);
    expect(alone.body.outcome).toBe("ignored");
    expect(gh.repo.issues.size).toBe(0);
    await postAlerts(app, "alertmanager", alertmanagerFiring());
    const noted = await postAlerts(app, "alertmanager", warning);
    expect(noted.body).toMatchObject({ outcome: "noted", issue: 1 });
    await gh.settle();
    expect(gh.repo.issues.size).toBe(1);
    const comment = alertsComment(gh.issue(1).comments)!;
    expect(comment).toContain("vLLM requests waiting above 50 — noted here");
  });

  it("says when the sender left alerts out (truncatedAlerts)", async () => {
    scenario = await start();
    const { gh, app } = scenario;
    await postAlerts(app, "alertmanager", alertmanagerFiring((p) => (p.truncatedAlerts = 37)));
    await gh.settle();
    expect(alertsComment(gh.issue(1).comments)).toContain("left out 37 more alert(s)");
  });

  it("answers 503 while GitHub's secondary limit holds the writes, finishes anyway, and the retry finds it done", async () => {
    scenario = await start();
    const { gh, app } = scenario;
    gh.failNext(secondaryRateLimit("issues/create-comment", 60));
    const payload = alertmanagerFiring();
    const first = await postAlerts(app, "alertmanager", payload);
    expect(first.status).toBe(503);
    const edits = () => gh.requests.filter((r) => r.method === "PATCH").length;
    const before = edits();
    const retry = await postAlerts(app, "alertmanager", payload);
    expect(retry.status).toBe(200);
    // The retry changes nothing the comment shows: answered without another write.
    expect(edits()).toBe(before);
    expect(retry.body).toMatchObject({ outcome: "updated", issue: 1 });
    await gh.settle();
    expect(gh.repo.issues.size).toBe(1);
    const issue = gh.issue(1);
    expect(issue.comments.filter((c) => c.body.includes("firewatch:key alerts-")).length).toBe(1);
    expect(issue.comments.filter((c) => c.body.includes("firewatch:key card")).length).toBe(1);
  });

  it("works with Probot's throttle and retry plugins on, as in production", async () => {
    scenario = await startFirewatch({ env: { FIREWATCH_ALERT_TOKEN: ALERT_TOKEN }, plugins: "production" });
    const { gh, app } = scenario;
    const payload = alertmanagerFiring();
    const [a, b] = await Promise.all([postAlerts(app, "alertmanager", payload), postAlerts(app, "alertmanager", payload)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await gh.settle();
    expect(gh.repo.issues.size).toBe(1);
    expect(gh.issue(1).labels).toEqual(["incident", "severity:critical", "status:detected"]);
  });

  it("answers 502 when GitHub fails the writes, and the retry opens the incident once", async () => {
    scenario = await start();
    const { gh, app } = scenario;
    gh.failNext({ route: "issues/create", status: 500, times: 2 });
    const payload = alertmanagerFiring();
    const failed = await postAlerts(app, "alertmanager", payload);
    expect(failed.status).toBe(502);
    expect(gh.repo.issues.size).toBe(0);
    const retry = await postAlerts(app, "alertmanager", payload);
    expect(retry.body).toMatchObject({ outcome: "opened", issue: 1 });
    await gh.settle();
    expect(gh.repo.issues.size).toBe(1);
  });

  // The app retries a failed write once itself, so two failures reach the sender as a 502.
  // Opening writes the card, the page, the Alerts comment, then starts the runbooks.
  const RUNBOOK = "name: kv-cache\ntriggers:\n  severities: [critical]\nsteps:\n  - id: look\n    title: Check the KV cache\n    type: assess\n    run:\n      kind: manual\n      instructions: Look at gpu_cache_usage_perc.\n";
  it.each([
    { name: "the issue was created but its card failed", after: 0, left: 0 },
    { name: "the card was written but the page failed", after: 1, left: 1 },
    { name: "the card and page were written but the Alerts comment failed", after: 2, left: 2 },
  ])("finishes a half-opened incident on the retry: $name", async ({ after, left }) => {
    scenario = await startFirewatch({
      env: { FIREWATCH_ALERT_TOKEN: ALERT_TOKEN },
      files: { ".github/firewatch.yml": "", ".github/runbooks/kv-cache.yml": RUNBOOK },
    });
    const { gh, app } = scenario;
    gh.failNext({ route: "issues/create-comment", status: 502, times: 2, after });
    const payload = alertmanagerFiring();
    const failed = await postAlerts(app, "alertmanager", payload);
    expect(failed.status).toBe(502);
    await gh.settle();
    expect(gh.repo.issues.size).toBe(1);
    expect(gh.issue(1).comments).toHaveLength(left);

    const retry = await postAlerts(app, "alertmanager", payload);
    expect(retry.status).toBe(200);
    await gh.settle();
    expect(gh.repo.issues.size).toBe(1);
    const comments = gh.issue(1).comments;
    const keyed = (prefix: string) => keyedCount(comments, prefix);
    // Opened once: the card, the page for its critical severity, the Alerts comment, the runbook.
    expect([keyed("card"), keyed("escalation-"), keyed("alerts-"), keyed("runbook:")]).toEqual([1, 1, 1, 1]);
    expect(comments).toHaveLength(4);
    expect(stateOf(comments)).toMatchObject({ declaredBy: "alertmanager" });

    // A further repeat changes nothing but the Alerts comment's count.
    await postAlerts(app, "alertmanager", payload);
    await gh.settle();
    expect(gh.issue(1).comments.length).toBe(comments.length);
  });

  it("in a storm, opens at most max_new_incidents, gathers every other group on one storm incident, within GitHub's write limit", async () => {
    scenario = await start("alerts:\n  storm:\n    max_new_incidents: 3\n    window_minutes: 10\n");
    const result = await runAlertStorm(scenario, 12, 5);
    expect(result).toMatchObject({ incidents: 4, stormIncidents: 1, missing: 0, doubled: 0 });
    expect(result.maxContentPerMinute).toBeLessThanOrEqual(60);
    expect(result.maxWritesPerMinute).toBeLessThanOrEqual(60);
    expect(result.edits).toBeGreaterThanOrEqual(8);
    const storm = [...scenario.gh.repo.issues.keys()].map((n) => scenario!.gh.issue(n)).find((i) => i.title === "Alert storm")!;
    expect(alertsComment(storm.comments)!.match(/gathered here during an alert storm/g)?.length).toBe(9);
  });
});
