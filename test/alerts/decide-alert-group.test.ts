import { describe, expect, it } from "vitest";
import { toAlertGroup, type AlertGroup } from "../../src/alerts/alert-group.js";
import { alertmanagerPayloadSchema } from "../../src/alerts/alert-payload.js";
import { decideAlertGroup, groupDeclares, groupSeverity, type AlertIncident, type AlertSituation } from "../../src/alerts/decide-alert-group.js";
import { groupTitle } from "../../src/alerts/alerts-ledger.js";
import { alertsConfigSchema } from "../../src/config/alerts-schema.js";
import { alertmanagerFiring, resolved, type AlertPayload } from "./alert-requests.js";

const config = alertsConfigSchema.parse({});
const NOW = new Date("2026-01-05T09:00:00Z");
const group = (change?: (p: AlertPayload) => void): AlertGroup =>
  toAlertGroup("alertmanager", alertmanagerPayloadSchema.parse(alertmanagerFiring(change)));
const incident = (over: Partial<AlertIncident>): AlertIncident => ({
  number: 7,
  state: "open",
  createdAt: "2026-01-05T08:00:00Z",
  kind: "group",
  groups: [],
  services: ["inference"],
  ...over,
});
const decide = (over: Partial<AlertSituation>) =>
  decideAlertGroup({ group: group(), config, defaultSeverity: "high", now: NOW, openedInWindow: 0, ...over });

describe("decideAlertGroup", () => {
  it("routes a notification by the group's incident, the reopen window and the storm cap", () => {
    const g = group();
    const closed = (ago: number) => incident({ state: "closed", closedAt: new Date(NOW.getTime() - ago * 60_000).toISOString(), groups: [g.hash] });
    expect(decide({})).toEqual({ kind: "open", severity: "critical", services: ["inference"] });
    expect(decide({ home: incident({ groups: [g.hash] }) })).toEqual({ kind: "update", issue: 7 });
    expect(decide({ home: closed(60) })).toEqual({ kind: "reopen", issue: 7 });
    expect(decide({ home: closed(24 * 60 + 1) })).toEqual({ kind: "open", severity: "critical", services: ["inference"], related: 7 });
    expect(decide({ group: toAlertGroup("alertmanager", alertmanagerPayloadSchema.parse(resolved(alertmanagerFiring(), NOW.toISOString()))), home: closed(5) })).toEqual({ kind: "update", issue: 7 });
    expect(decide({ group: toAlertGroup("alertmanager", alertmanagerPayloadSchema.parse(resolved(alertmanagerFiring(), NOW.toISOString()))) }).kind).toBe("ignore");
    expect(decide({ openedInWindow: 5 })).toEqual({ kind: "storm", severity: "critical", services: ["inference"] });
    expect(decide({ openedInWindow: 5, storm: incident({ number: 9, kind: "storm" }) })).toMatchObject({ kind: "storm", issue: 9 });
  });

  it("maps severities, takes the highest firing one, and applies the declare matchers", () => {
    const warning = group((p) => p.alerts.forEach((a) => (a.labels.severity = "warning")));
    expect(groupSeverity(warning, config, "high")).toBe("medium");
    expect(groupDeclares(warning, config, "high")).toBe(false);
    const mixed = group((p) => (p.alerts[0]!.labels.severity = "info"));
    expect(groupSeverity(mixed, config, "high")).toBe("critical");
    const unknown = group((p) => p.alerts.forEach((a) => (a.labels.severity = "sev-zero")));
    expect(groupSeverity(unknown, config, "low")).toBe("low");
    const teamOnly = alertsConfigSchema.parse({ declare: { match: { team: ["llm"] } } });
    expect(groupDeclares(group(), teamOnly, "high")).toBe(false);
    expect(groupDeclares(group((p) => (p.alerts[1]!.labels.team = "llm")), teamOnly, "high")).toBe(true);
    expect(decide({ group: warning, sameService: incident({ number: 3 }) })).toEqual({ kind: "note", issue: 3 });
    expect(decide({ group: warning, sameService: incident({ number: 3 }), config: alertsConfigSchema.parse({ others: "ignore" }) }).kind).toBe("ignore");
  });

  it("titles a group by its common summary, else the sender's title, else its alert name and group labels", () => {
    expect(groupTitle(group())).toBe("vLLM KV cache saturated on the inference service");
    const untitled = group((p) => (p.commonAnnotations = {}));
    expect(groupTitle(untitled)).toBe("VllmKvCacheSaturated (service=inference)");
    expect(groupTitle({ ...untitled, title: "[FIRING:2] VllmKvCacheSaturated" })).toBe("[FIRING:2] VllmKvCacheSaturated");
  });

  it("refuses a config with an unknown key or a bad label name, naming it", () => {
    const bad = alertsConfigSchema.safeParse({ service_label: "service-name", storm: { max_new: 3 } });
    expect(bad.success).toBe(false);
    const text = bad.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n");
    expect(text).toMatch(/service_label: must be a Prometheus label name/);
    expect(text).toMatch(/storm: Unrecognized key/);
  });
});
