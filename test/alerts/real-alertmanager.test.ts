import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as yaml from "js-yaml";
import { afterEach, describe, expect, it } from "vitest";
import { readLedger } from "../../src/alerts/render-alerts-comment.js";
import {
  alertmanagerBinary,
  startAlertmanager,
  type AlertmanagerServer,
  type PostableAlert,
} from "../support/alertmanager-server.js";
import { startFirewatch } from "../support/firewatch.js";
import type { FaultSpec } from "../support/github/http/fault-injection.js";
import type { Scenario } from "../support/harness.js";
import { stateOf } from "../support/incident-fixtures.js";
import { ALERT_TOKEN, alertsComment, keyedCount } from "./alert-requests.js";

/*
 * Debian's real Alertmanager (0.25) sends its own notifications to the real app: the
 * payloads, the bearer credential read from a file, the grouping, the resolved notification
 * and the retries after a 5xx are Alertmanager's, not fixtures. Its config is
 * examples/alertmanager/alertmanager.yml with only the URL, the token file and the timings
 * changed. Everything runs on 127.0.0.1.
 */

const EXAMPLE = "examples/alertmanager/alertmanager.yml";
const TOKEN_FILE = "firewatch-token";

const CONFIG = `
services:
  inference:
    oncall: [alice]
`;

interface ExampleConfig {
  route: Record<string, unknown> & { receiver: string };
  receivers: {
    name: string;
    webhook_configs: { url: string; http_config: { authorization: { type: string; credentials_file?: string } } }[];
  }[];
}

/** The example config pointed at the app, the token in a file of `dir`, with timings of seconds. */
function receiverConfig(appUrl: string, dir: string): string {
  const config = yaml.load(readFileSync(EXAMPLE, "utf8")) as ExampleConfig;
  // Seconds instead of 30s / 5m; repeat_interval (4h) stays: no repeat within a test.
  // group_wait is what gathers both alerts of a POST in the group's first notification (see
  // freshStart): 3 s leaves room for a loaded machine.
  config.route = { ...config.route, group_wait: "3s", group_interval: "1s" };
  const hook = config.receivers.find((r) => r.name === config.route.receiver)!.webhook_configs[0]!;
  const example = new URL(hook.url);
  expect(example.pathname).toBe("/api/alerts/alertmanager");
  hook.url = `${appUrl}${example.pathname}?repo=acme/ops`;
  hook.http_config.authorization.credentials_file = join(dir, TOKEN_FILE);
  return yaml.dump(config);
}

/** ISO 8601 to the second, as Prometheus sends startsAt. */
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.000Z$/, "Z");

const GENERATOR = "http://prometheus.example.com:9090/graph?g0.expr=vllm%3Agpu_cache_usage_perc+%3E+0.95&g0.tab=1";
const RUNBOOK = "https://runbooks.example.com/inference/kv-cache";
const INSTANCES = ["vllm-0.inference.svc:8000", "vllm-1.inference.svc:8000"];

/**
 * Two alerts of one group (alertname + service, the example's group_by), as Prometheus would
 * send the example rule VllmKvCacheSaturated for two instances. `summary: "common"` gives both
 * the same summary, so Alertmanager's commonAnnotations carries it; `"per-instance"` renders it
 * as rules.yml does (`… on {{ $labels.instance }}`), so commonAnnotations has no summary.
 */
function kvCacheAlerts(options: { startsAt: string; endsAt?: string; summary: "common" | "per-instance" }): PostableAlert[] {
  return INSTANCES.map((instance) => ({
    labels: {
      alertname: "VllmKvCacheSaturated",
      severity: "critical",
      service: "inference",
      instance,
      job: "vllm",
      model_name: "llama-3-70b",
    },
    annotations: {
      summary:
        options.summary === "common"
          ? "vLLM KV cache saturated on the inference service"
          : `vLLM KV cache above 95% on ${instance}`,
      description: `KV-cache usage is 97% for llama-3-70b; requests are queueing (${instance}).`,
      runbook_url: RUNBOOK,
    },
    startsAt: options.startsAt,
    ...(options.endsAt ? { endsAt: options.endsAt } : {}),
    generatorURL: GENERATOR,
  }));
}

const binary = alertmanagerBinary();

// Without CI and without the package, there is nothing to run this against: skipped, not
// passed. Under CI alertmanagerBinary() throws (.ci/run installs prometheus-alertmanager).
describe.skipIf(!binary)("Debian's Alertmanager with the example's receiver, against the app", () => {
  let scenario: Scenario | undefined;
  let am: AlertmanagerServer | undefined;
  afterEach(async () => {
    // Alertmanager first, so it sends nothing to a stopped app.
    await am?.stop();
    am = undefined;
    await scenario?.stop();
    scenario = undefined;
  });

  async function start(): Promise<{ scenario: Scenario; am: AlertmanagerServer }> {
    const s = await startFirewatch({ env: { FIREWATCH_ALERT_TOKEN: ALERT_TOKEN }, files: { ".github/firewatch.yml": CONFIG } });
    scenario = s;
    // The app and the stand-in share a virtual clock (it starts in January 2026); Alertmanager
    // runs on real time. The simplest correct match: move the virtual clock once to the real
    // present, before the app makes any request, and give Alertmanager alerts that started
    // (and end) at or before it, so no alert time is in the app's future. The virtual clock
    // then stands still (only the app's write pacing moves it) while Alertmanager's runs a
    // few seconds on; nothing shown depends on that gap (the app's windows are minutes). startFirewatch takes no clock, so the wall clock of replicas.ts is not an
    // option here without changing it.
    s.gh.clock.set(new Date());
    am = await startAlertmanager({
      binary: binary!,
      // With a newline, as `echo $TOKEN > file` writes it: Alertmanager trims it.
      files: { [TOKEN_FILE]: `${ALERT_TOKEN}\n` },
      config: (dir) => receiverConfig(s.app.url, dir),
    });
    return { scenario: s, am };
  }

  /**
   * A start time for alerts about to be posted: now, to the second, on both clocks (the
   * virtual one is moved up to the real present first). Alertmanager 0.25 flushes a new group
   * at once when its first alert started more than group_wait ago, before the other alerts of
   * the same POST may have joined it (seen on a loaded machine: a notification with one
   * alert); an alert that has just started waits group_wait, so both go in one notification.
   */
  function freshStart(s: Scenario): string {
    s.gh.clock.set(new Date(Math.max(Date.now(), s.gh.clock.now().getTime())));
    return iso(s.gh.clock.now().getTime());
  }

  it(
    "opens one incident for a group of two firing alerts, then marks its Alerts comment all resolved",
    async () => {
      const { scenario, am } = await start();
      const { gh } = scenario;
      const startsAt = freshStart(scenario);
      await am.postAlerts(kvCacheAlerts({ startsAt, summary: "common" }));
      // One POST, one group, one notification after group_wait with both alerts.
      expect(await am.waitForSends((s) => s.requests >= 1)).toEqual({ requests: 1, failed: 0 });
      await gh.settle();

      expect(gh.repo.issues.size).toBe(1);
      const issue = gh.issue(1);
      expect(issue.title).toBe("vLLM KV cache saturated on the inference service");
      expect(issue.labels).toEqual(["incident", "severity:critical", "status:detected"]);
      expect(issue.assignees).toEqual(["alice"]);
      const state = stateOf(issue.comments) as { detectedAt?: string; services?: string[]; declaredBy?: string };
      expect(state).toMatchObject({ detectedAt: new Date(startsAt).toISOString(), services: ["inference"], declaredBy: "alertmanager" });
      const firing = alertsComment(issue.comments)!;
      expect(issue.comments.filter((c) => c.body.includes("firewatch:key alerts-")).length).toBe(1);
      expect(firing).toContain("### Alerts (firing)");
      expect(firing).toContain("**2 firing** · 2 alert(s)");
      expect(firing).toContain("1 notification(s)");
      for (const instance of INSTANCES) expect(firing).toMatch(new RegExp(`🔥 firing \\| VllmKvCacheSaturated \\|.*instance=${instance}`));
      expect(firing).toContain(`[runbook](${RUNBOOK})`);
      // Alertmanager's own fingerprints (16 hex digits), one per alert.
      const fingerprints = readLedger(firing).groups[0]!.alerts.map((a) => a.fp);
      expect(new Set(fingerprints).size).toBe(2);
      for (const fp of fingerprints) expect(fp).toMatch(/^[0-9a-f]{16}$/);
      const comments = issue.comments.length;

      // Prometheus resolves both: the same alerts with an end, in the past for both clocks.
      // Alertmanager sends the resolved notification (send_resolved) at the group's next flush.
      const endsAt = iso(Math.min(gh.clock.now().getTime(), Date.now()));
      await am.postAlerts(kvCacheAlerts({ startsAt, endsAt, summary: "common" }));
      expect(await am.waitForSends((s) => s.requests >= 2)).toEqual({ requests: 2, failed: 0 });
      await gh.settle();

      expect(gh.repo.issues.size).toBe(1);
      const after = gh.issue(1);
      expect(after.comments.length).toBe(comments);
      const resolved = alertsComment(after.comments)!;
      expect(resolved).toContain("### Alerts (resolved)");
      expect(resolved).toContain("**all resolved** · 2 alert(s)");
      expect(resolved).toContain("2 notification(s)");
      expect(resolved.match(/✅ resolved \| VllmKvCacheSaturated/g)?.length).toBe(2);
      expect(readLedger(resolved).groups[0]!.alerts.map((a) => a.fp)).toEqual(fingerprints);
      // on_resolved defaults to note: people decide; the status stays.
      expect(after.labels).toContain("status:detected");
      expect(after.state).toBe("open");
    },
    20_000,
  );

  // Firewatch retries a failed write once itself (after checking it did not land), so each
  // fault fails twice to reach Alertmanager as a 502. The second leaves a half-opened incident
  // (issue, labels and assignees, but the card's write failed): the retry must finish it.
  const faults: { name: string; fault: FaultSpec }[] = [
    { name: "GitHub fails the issue's creation", fault: { route: "issues/create", status: 502, times: 2 } },
    { name: "GitHub fails the card after the issue was created", fault: { route: "issues/create-comment", status: 502, times: 2 } },
  ];

  it.each(faults)(
    "$name: Firewatch answers 502, Alertmanager retries by itself, and there is still one incident",
    async ({ fault }) => {
      const { scenario, am } = await start();
      const { gh } = scenario;
      gh.failNext(fault);
      const startsAt = freshStart(scenario);
      await am.postAlerts(kvCacheAlerts({ startsAt, summary: "per-instance" }));
      // The first attempt is answered 502, Alertmanager's backoff retries after about half a second.
      expect(await am.waitForSends((s) => s.requests - s.failed >= 1)).toEqual({ requests: 2, failed: 1 });
      expect(am.output()).toMatch(/Notify attempt failed, will retry later.*unexpected status code 502/);
      await gh.settle();

      expect(gh.repo.issues.size).toBe(1);
      const issue = gh.issue(1);
      // The summaries differ per instance (as rules.yml renders them), so Alertmanager's
      // commonAnnotations has none: the title is the alert name and the group labels.
      expect(issue.title).toBe("VllmKvCacheSaturated (service=inference)");
      expect(issue.labels).toEqual(["incident", "severity:critical", "status:detected"]);
      // Declared once, whichever attempt did it: one card (detected at the alerts' start), one
      // page for the critical severity, one Alerts comment, nothing else.
      const keyed = (prefix: string) => keyedCount(issue.comments, prefix);
      expect([keyed("card"), keyed("escalation-"), keyed("alerts-")]).toEqual([1, 1, 1]);
      expect(issue.comments.length).toBe(3);
      expect(stateOf(issue.comments)).toMatchObject({ detectedAt: new Date(startsAt).toISOString(), declaredBy: "alertmanager" });
      const alerts = alertsComment(issue.comments)!;
      expect(alerts).toContain("**2 firing** · 2 alert(s)");
      // The failed attempt wrote no Alerts comment: the retry is the one notification it counts.
      expect(alerts).toContain("1 notification(s)");
      for (const instance of INSTANCES) expect(alerts).toContain(`vLLM KV cache above 95% on ${instance}`);
    },
    20_000,
  );
});
