import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { debianTool } from "../support/debian-tool.js";

const AM = "examples/alertmanager/alertmanager.yml";
const RULES = "examples/alertmanager/rules.yml";


interface Rule {
  alert: string;
  expr: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

describe("examples/alertmanager", () => {
  it("the receiver posts to Firewatch's endpoint with a bearer token and resolved notifications", () => {
    const config = yaml.load(readFileSync(AM, "utf8")) as {
      route: { receiver: string };
      receivers: { name: string; webhook_configs: { url: string; send_resolved: boolean; http_config: { authorization: { type: string; credentials_file?: string } } }[] }[];
    };
    const receiver = config.receivers.find((r) => r.name === config.route.receiver)!;
    const hook = receiver.webhook_configs[0]!;
    expect(new URL(hook.url).pathname).toBe("/api/alerts/alertmanager");
    expect(new URL(hook.url).searchParams.get("repo")).toMatch(/^[\w-]+\/[\w.-]+$/);
    expect(hook.send_resolved).toBe(true);
    expect(hook.http_config.authorization.type).toBe("Bearer");
    expect(hook.http_config.authorization.credentials_file).toBeTruthy();
  });

  it("the rules cover KV-cache saturation, the 5xx rate and time to first token, each with severity, service and summary", () => {
    const rules = (yaml.load(readFileSync(RULES, "utf8")) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules);
    const exprs = rules.map((r) => r.expr).join("\n");
    expect(exprs).toContain("vllm:gpu_cache_usage_perc");
    expect(exprs).toMatch(/code=~"5\.\."/);
    expect(exprs).toMatch(/histogram_quantile\(0\.95,[\s\S]*vllm:time_to_first_token_seconds_bucket/);
    for (const rule of rules) {
      expect(rule.labels.severity, rule.alert).toMatch(/^(critical|high|warning)$/);
      expect(rule.labels.service, rule.alert).toBeTruthy();
      expect(rule.annotations.summary, rule.alert).toBeTruthy();
    }
  });

  // .ci/run installs prometheus-alertmanager and prometheus (Debian), and under CI a missing
  // tool fails these tests instead of passing them unchecked; on a machine without them (npm
  // test without CI), the structural checks above are what holds.
  const amtool = debianTool("amtool", "prometheus-alertmanager");
  const promtool = debianTool("promtool", "prometheus");

  it("amtool check-config accepts alertmanager.yml and refuses a broken copy", () => {
    if (!amtool) return expect(amtool).toBeUndefined();
    expect(execFileSync(amtool, ["check-config", AM], { encoding: "utf8" })).toContain("SUCCESS");
    const dir = mkdtempSync(join(tmpdir(), "firewatch-am-"));
    const broken = join(dir, "alertmanager.yml");
    writeFileSync(broken, readFileSync(AM, "utf8").replace("receiver: firewatch", "receiver: nobody"));
    expect(spawnSync(amtool, ["check-config", broken]).status).not.toBe(0);
  });

  it("promtool check rules accepts rules.yml and refuses a broken expression", () => {
    if (!promtool) return expect(promtool).toBeUndefined();
    expect(execFileSync(promtool, ["check", "rules", RULES], { encoding: "utf8" })).toContain("SUCCESS: 4 rules found");
    const dir = mkdtempSync(join(tmpdir(), "firewatch-rules-"));
    const broken = join(dir, "rules.yml");
    writeFileSync(broken, readFileSync(RULES, "utf8").replace("> 0.95", "> > 0.95"));
    expect(spawnSync(promtool, ["check", "rules", broken]).status).not.toBe(0);
  });
});
