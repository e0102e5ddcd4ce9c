import { afterEach, describe, expect, it } from "vitest";
import { startFirewatch } from "../support/firewatch.js";
import type { Scenario } from "../support/harness.js";
import { stateOf } from "../support/incident-fixtures.js";
import { parseIssueForm } from "../../src/incident/parse-issue-form.js";
import { noTelemetry, type Telemetry } from "../../src/telemetry/telemetry.js";
import {
  ALERT_TOKEN,
  alertmanagerFiring,
  alertsComment,
  grafanaFiring,
  postAlerts,
  resolved,
} from "./alert-requests.js";

const CONFIG = `
services:
  inference:
    oncall: [alice]
`;

describe("the alert endpoint: auth, validation, one incident per group", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  const start = (env: Record<string, string | undefined> = { FIREWATCH_ALERT_TOKEN: ALERT_TOKEN }) =>
    startFirewatch({ env, files: { ".github/firewatch.yml": CONFIG } });

  const writes = (s: Scenario) => s.gh.requests.filter((r) => r.method !== "GET").length;

  it("is off (404) without FIREWATCH_ALERT_TOKEN", async () => {
    scenario = await start({});
    const answer = await postAlerts(scenario.app, "alertmanager", alertmanagerFiring());
    expect(answer.status).toBe(404);
    expect(String(answer.body.message)).toMatch(/FIREWATCH_ALERT_TOKEN/);
    expect(scenario.gh.repo.issues.size).toBe(0);
  });

  it("refuses a missing or wrong token with 401 and writes nothing", async () => {
    scenario = await start();
    const before = writes(scenario);
    for (const token of [null, "wrong", `${ALERT_TOKEN}x`, ""]) {
      const answer = await postAlerts(scenario.app, "alertmanager", alertmanagerFiring(), { token });
      expect(answer.status, String(token)).toBe(401);
    }
    const basic = await postAlerts(scenario.app, "alertmanager", alertmanagerFiring(), {
      token: null,
      headers: { authorization: `Basic ${Buffer.from(`x:${ALERT_TOKEN}`).toString("base64")}` },
    });
    expect(basic.status).toBe(401);
    expect(writes(scenario)).toBe(before);
    expect(scenario.gh.repo.issues.size).toBe(0);
  });

  it("answers 404 for a repository the app is not installed on, or one FIREWATCH_ALERT_REPOS leaves out", async () => {
    scenario = await start({ FIREWATCH_ALERT_TOKEN: ALERT_TOKEN, FIREWATCH_ALERT_REPOS: "acme/ops, acme/other" });
    const other = await postAlerts(scenario.app, "alertmanager", alertmanagerFiring(), { repo: "acme/other" });
    expect(other.status).toBe(404);
    expect(String(other.body.message)).toMatch(/not installed on acme\/other/);
    const outside = await postAlerts(scenario.app, "alertmanager", alertmanagerFiring(), { repo: "acme/secret" });
    expect(outside.status).toBe(404);
    expect(String(outside.body.message)).toMatch(/FIREWATCH_ALERT_REPOS/);
    const missing = await postAlerts(scenario.app, "alertmanager", alertmanagerFiring(), { repo: null });
    expect(missing.status).toBe(400);
    expect(String(missing.body.message)).toMatch(/repo=owner\/name/);
    expect(scenario.gh.repo.issues.size).toBe(0);
  });

  it("answers 400 naming the problem for bad JSON or a missing field, 413 over 1 MB", async () => {
    scenario = await start();
    const { app } = scenario;
    const notJson = await postAlerts(app, "alertmanager", undefined, { body: "{ not json" });
    expect(notJson.status).toBe(400);
    expect(String(notJson.body.message)).toMatch(/not JSON/);
    const noKey = await postAlerts(app, "alertmanager", alertmanagerFiring((p) => delete (p as Record<string, unknown>).groupKey));
    expect(noKey.status).toBe(400);
    expect(String(noKey.body.message)).toMatch(/groupKey/);
    const badAlert = await postAlerts(app, "alertmanager", alertmanagerFiring((p) => (p.alerts[1]!.startsAt = "yesterday")));
    expect(badAlert.status).toBe(400);
    expect(String(badAlert.body.message)).toMatch(/alerts\.1\.startsAt/);
    const wrongVersion = await postAlerts(app, "alertmanager", alertmanagerFiring((p) => (p.version = "3")));
    expect(wrongVersion.status).toBe(400);
    expect(String(wrongVersion.body.message)).toMatch(/version/);
    const noOrg = await postAlerts(app, "grafana", grafanaFiring((p) => delete (p as Record<string, unknown>).orgId));
    expect(noOrg.status).toBe(400);
    expect(String(noOrg.body.message)).toMatch(/orgId/);
    const huge = alertmanagerFiring((p) => (p.commonAnnotations = { description: "x".repeat(1024 * 1024) }));
    const tooLarge = await postAlerts(app, "alertmanager", huge);
    expect(tooLarge.status).toBe(413);
    expect(scenario.gh.repo.issues.size).toBe(0);
  });

  it("opens one declared incident for a firing group, detected at the earliest startsAt", async () => {
    scenario = await start();
    const { gh, app } = scenario;
    const answer = await postAlerts(app, "alertmanager", alertmanagerFiring());
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ outcome: "opened", issue: 1 });
    await gh.settle();
    const issue = gh.issue(1);
    expect(issue.title).toBe("vLLM KV cache saturated on the inference service");
    expect(issue.labels).toEqual(["incident", "severity:critical", "status:detected"]);
    expect(issue.assignees).toEqual(["alice"]);
    const state = stateOf(issue.comments) as { detectedAt?: string; services?: string[]; declaredBy?: string };
    expect(state.detectedAt).toBe("2026-01-05T08:52:30.123Z");
    expect(state.services).toEqual(["inference"]);
    expect(state.declaredBy).toBe("alertmanager");
    // Metrics and related-incident search read the body as the incident form: MTTD is real.
    const form = parseIssueForm(issue.body, gh.clock.now());
    expect(form).toMatchObject({ detectedAt: "2026-01-05T08:52:30.123Z", severity: "critical", services: ["inference"] });
    const alerts = alertsComment(issue.comments)!;
    expect(alerts).toContain("vLLM KV cache above 95% on vllm-0");
    expect(alerts).toContain("[runbook](https://runbooks.example.com/inference/kv-cache)");
    expect(alerts).toContain("**2 firing**");
    // The critical severity pages (escalation comment), once.
    expect(issue.comments.filter((c) => /escalat|page/i.test(c.body) && !c.body.includes("firewatch:key alerts-")).length).toBeGreaterThanOrEqual(1);
  });

  it("keeps one Alerts comment current through retries and repeats, then marks it resolved", async () => {
    scenario = await start();
    const { gh, app } = scenario;
    const payload = alertmanagerFiring();
    expect((await postAlerts(app, "alertmanager", payload)).status).toBe(200);
    await gh.settle();
    const comments = gh.issue(1).comments.length;
    gh.clock.advance("4h"); // repeat_interval
    const again = await postAlerts(app, "alertmanager", payload);
    expect(again.body).toMatchObject({ outcome: "updated", issue: 1 });
    // An alert leaves the group (resolved), another joins.
    const changed = alertmanagerFiring((p) => {
      p.alerts[0]!.status = "resolved";
      p.alerts[0]!.endsAt = gh.clock.iso();
      p.alerts.push({ ...structuredClone(p.alerts[1]!), fingerprint: "77aa77aa77aa77aa", labels: { ...p.alerts[1]!.labels, instance: "vllm-2.inference.svc:8000" }, annotations: { summary: "vLLM KV cache above 95% on vllm-2" } });
    });
    expect((await postAlerts(app, "alertmanager", changed)).status).toBe(200);
    await gh.settle();
    expect(gh.repo.issues.size).toBe(1);
    const issue = gh.issue(1);
    expect(issue.comments.length).toBe(comments);
    const alerts = alertsComment(issue.comments)!;
    expect(alerts).toContain("vLLM KV cache above 95% on vllm-2");
    expect(alerts).toContain("**2 firing**");
    expect(alerts).toMatch(/✅ resolved \| VllmKvCacheSaturated \| vLLM KV cache above 95% on vllm-0/);
    gh.clock.advance("10m");
    const done = await postAlerts(app, "alertmanager", resolved(changed, gh.clock.iso()));
    expect(done.body).toMatchObject({ outcome: "updated", issue: 1 });
    await gh.settle();
    const after = gh.issue(1);
    expect(alertsComment(after.comments)).toContain("**all resolved**");
    expect(alertsComment(after.comments)).toContain("### Alerts (resolved)");
    // on_resolved defaults to note: people decide; the status stays.
    expect(after.labels).toContain("status:detected");
    expect(after.state).toBe("open");
    expect(after.comments.length).toBe(comments);
  });

  it("creates one incident when two notifications of one group arrive at the same moment", async () => {
    scenario = await start();
    const { gh, app } = scenario;
    const payload = alertmanagerFiring();
    const answers = await Promise.all([
      postAlerts(app, "alertmanager", payload),
      postAlerts(app, "alertmanager", payload),
      postAlerts(app, "alertmanager", payload),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.issue))).toEqual(new Set([1]));
    await gh.settle();
    expect(gh.repo.issues.size).toBe(1);
    expect(gh.issue(1).comments.filter((c) => c.body.includes("firewatch:key alerts-")).length).toBe(1);
  });

  it("counts the alerts it receives per source (telemetry)", async () => {
    const received: [string, number][] = [];
    const telemetry: Telemetry = { ...noTelemetry, alertsReceived: (source, count) => void received.push([source, count]) };
    scenario = await startFirewatch({ env: { FIREWATCH_ALERT_TOKEN: ALERT_TOKEN }, telemetry });
    expect((await postAlerts(scenario.app, "alertmanager", alertmanagerFiring())).status).toBe(200);
    expect((await postAlerts(scenario.app, "grafana", grafanaFiring())).status).toBe(200);
    expect((await postAlerts(scenario.app, "grafana", grafanaFiring(), { token: "wrong" })).status).toBe(401);
    expect(received).toEqual([["alertmanager", 2], ["grafana", 1]]);
  });

  it("accepts the repository in any letter case, as GitHub does", async () => {
    scenario = await start();
    const { gh, app } = scenario;
    const first = await postAlerts(app, "alertmanager", alertmanagerFiring(), { repo: "ACME/Ops" });
    expect(first.body).toMatchObject({ outcome: "opened", issue: 1, repository: "acme/ops" });
    const again = await postAlerts(app, "alertmanager", alertmanagerFiring(), { repo: "acme/ops" });
    expect(again.body).toMatchObject({ outcome: "updated", issue: 1 });
    await gh.settle();
    expect(gh.repo.issues.size).toBe(1);
  });

  it("takes Grafana's contact point payload, with its dashboard and panel links", async () => {
    scenario = await start();
    const { gh, app } = scenario;
    const answer = await postAlerts(app, "grafana", grafanaFiring());
    expect(answer.body).toMatchObject({ outcome: "opened", issue: 1 });
    await gh.settle();
    const issue = gh.issue(1);
    expect(issue.title).toBe("Gateway 5xx rate above 5%");
    expect(issue.labels).toContain("severity:high");
    const state = stateOf(issue.comments) as { detectedAt?: string };
    expect(state.detectedAt).toBe("2026-01-05T06:57:03.157Z");
    expect(alertsComment(issue.comments)).toContain("[dashboard](https://grafana.example.com/d/llm-gateway?orgId=1)");
    expect(alertsComment(issue.comments)).toContain("[panel](");
    // Grafana's resolved notification: state "ok", values null for a rule without them.
    gh.clock.advance("5m");
    const ok = resolved(grafanaFiring(), gh.clock.iso());
    ok.state = "ok";
    ok.alerts[0]!.values = null;
    const done = await postAlerts(app, "grafana", ok);
    expect(done.body).toMatchObject({ outcome: "updated", issue: 1 });
    expect(alertsComment(gh.issue(1).comments)).toContain("**all resolved**");
  });
});
