import { describe, expect, it } from "vitest";
import { notificationsConfigSchema } from "../../src/config/notifications-schema.js";
import { incidentStateSchema, type IncidentState } from "../../src/incident/incident-state.js";
import { deriveNotifications, seenOf, type IncidentNow } from "../../src/notify/derive-notifications.js";
import { routeNotifications } from "../../src/notify/route-notifications.js";

const base = incidentStateSchema.parse({ declaredAt: "2026-01-05T09:00:00Z", declaredBy: "alice", summary: "GPU OOM", services: ["inference"] });
const update = (text: string, i: number) => ({ at: `2026-01-05T09:0${i}:00Z`, by: "alice", text });

function now(state: IncidentState, status: string, severity: string): IncidentNow {
  return { state, seen: seenOf(state, status, severity), repository: "acme/ops", number: 1, title: "GPU OOM", url: "https://github.com/acme/ops/issues/1", resolvedAt: undefined, now: "2026-01-05T10:00:00.000Z" };
}
const events = (before: ReturnType<typeof seenOf> | undefined, isNew: boolean, n: IncidentNow) =>
  deriveNotifications(before, isNew, n).map((m) => `${m.event}: ${m.headline}`);

describe("deriveNotifications", () => {
  it("a new incident is declared; one that existed before notifications announces nothing", () => {
    expect(events(undefined, true, now(base, "detected", "high"))).toEqual(["declared: Incident declared"]);
    expect(events(undefined, false, now(base, "detected", "high"))).toEqual([]);
  });

  it("changes that cancel out between two card writes are nothing; the same state twice is nothing", () => {
    const before = seenOf(base, "investigating", "high");
    expect(events(before, false, now(base, "investigating", "high"))).toEqual([]);
  });

  it("says raised or lowered, resolved, reopened", () => {
    expect(events(seenOf(base, "investigating", "high"), false, now(base, "investigating", "critical"))).toEqual(["severity: Severity raised from high to critical"]);
    expect(events(seenOf(base, "investigating", "critical"), false, now(base, "investigating", "low"))).toEqual(["severity: Severity lowered from critical to low"]);
    expect(events(seenOf(base, "identified", "high"), false, now(base, "resolved", "high"))).toEqual(["resolved: Incident resolved"]);
    expect(events(seenOf(base, "resolved", "high"), false, now(base, "investigating", "high"))).toEqual(["status: Incident reopened: investigating"]);
    expect(events(seenOf(base, "resolved", "high"), false, now(base, "post-incident", "high"))).toEqual(["status: Status changed from resolved to post-incident"]);
  });

  it("roles given and left vacant; more than 3 updates in one write send the last 3", () => {
    const withRoles = { ...base, roles: { commander: "bob", scribe: "carol" } };
    const before = seenOf({ ...base, roles: { commander: "alice", scribe: "carol" } }, "detected", "high");
    expect(events(before, false, now({ ...withRoles, roles: { commander: "bob" } }, "detected", "high"))).toEqual(["roles: Roles changed: commander bob, scribe vacant"]);
    const five = { ...base, updates: [1, 2, 3, 4, 5].map((i) => update(`u${i}`, i)) };
    const sent = deriveNotifications(seenOf(base, "detected", "high"), false, now(five, "detected", "high"));
    expect(sent.map((m) => m.text)).toEqual(["u3", "u4", "u5"]);
    expect(new Set(sent.map((m) => m.key)).size).toBe(3);
  });

  it("keys depend only on what was heard and the state, so a resend carries the same key", () => {
    const before = seenOf(base, "investigating", "high");
    const a = deriveNotifications(before, false, now(base, "identified", "high"));
    const b = deriveNotifications(before, false, { ...now(base, "identified", "high"), now: "2026-01-05T11:00:00.000Z" });
    expect(a.map((m) => m.key)).toEqual(b.map((m) => m.key));
  });
});

describe("routeNotifications", () => {
  const config = notificationsConfigSchema.parse({
    channels: {
      slack: { kind: "slack", url_env: "FIREWATCH_NOTIFY_A" },
      teams: { kind: "teams", url_env: "FIREWATCH_NOTIFY_B" },
      gw: { kind: "discord", url_env: "FIREWATCH_NOTIFY_C" },
    },
    routes: [
      { to: ["slack"], severities: ["critical", "high"] },
      { to: ["teams"], severities: ["critical"], events: ["declared", "resolved"] },
      { to: ["gw"], services: ["gateway"] },
    ],
  });
  const msgs = (severity: string) => deriveNotifications(seenOf(base, "identified", severity), false, now(base, "resolved", severity));
  const routed = (severity: string, services: string[], announced: string[] = [], plan: string[] = []) =>
    routeNotifications(config, msgs(severity), { severity, services }, announced, plan).map((r) => r.channel).sort();

  it("filters by severity and service; a channel that heard of the incident keeps hearing its route's events", () => {
    expect(routed("critical", ["inference"])).toEqual(["slack", "teams"]);
    expect(routed("high", ["inference"])).toEqual(["slack"]);
    expect(routed("high", ["inference"], ["teams"])).toEqual(["slack", "teams"]);
    expect(routed("low", ["gateway"])).toEqual(["gw"]);
  });

  it("a route's events still apply to a channel that heard of the incident", () => {
    const update = deriveNotifications(seenOf(base, "identified", "high"), false, now({ ...base, updates: [update1] }, "identified", "high"));
    expect(routeNotifications(config, update, { severity: "high", services: [] }, ["teams"]).map((r) => r.channel)).toEqual(["slack"]);
    // …unless a running recovery plan names the channel: then its /updates go there.
    expect(routeNotifications(config, update, { severity: "high", services: [] }, [], ["teams"]).map((r) => r.channel).sort()).toEqual(["slack", "teams"]);
  });
});
const update1 = update("half the pool is back", 1);

describe("notifications config", () => {
  it("refuses variables outside FIREWATCH_NOTIFY_*, a webhook without a secret, unknown channels in routes", () => {
    const bad = notificationsConfigSchema.safeParse({
      channels: { a: { kind: "slack", url_env: "PRIVATE_KEY" }, b: { kind: "webhook", url_env: "FIREWATCH_NOTIFY_B" } },
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain("channels.a.url_env: must name a server environment variable starting with FIREWATCH_NOTIFY_ (e.g. FIREWATCH_NOTIFY_SLACK_SRE)");
    expect(messages).toContain("channels.b.secret_env: is required for kind: webhook (the body is signed with it)");
    const route = notificationsConfigSchema.safeParse({ channels: { a: { kind: "slack", url_env: "FIREWATCH_NOTIFY_A" } }, routes: [{ to: ["a", "zz"] }] });
    expect(route.error!.issues.map((i) => i.message)).toEqual(["names no channel in notifications.channels: zz"]);
  });
});
