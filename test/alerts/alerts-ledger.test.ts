import { describe, expect, it } from "vitest";
import { toAlertGroup } from "../../src/alerts/alert-group.js";
import { alertmanagerPayloadSchema } from "../../src/alerts/alert-payload.js";
import { EMPTY_LEDGER, MAX_LEDGER_ALERTS, groupResolved, recordNotification } from "../../src/alerts/alerts-ledger.js";
import { bearerTokenMatches } from "../../src/alerts/check-bearer-token.js";
import { readLedger, renderAlertsComment } from "../../src/alerts/render-alerts-comment.js";
import { alertmanagerFiring, resolved, stormGroup } from "./alert-requests.js";

const at = (m: number) => new Date(Date.UTC(2026, 0, 5, 9, m));
const parse = (p: unknown) => toAlertGroup("alertmanager", alertmanagerPayloadSchema.parse(p));

describe("the Alerts ledger", () => {
  it("counts repeats per fingerprint, keeps first seen, and marks resolution", () => {
    const firing = parse(alertmanagerFiring());
    let ledger = recordNotification(EMPTY_LEDGER, firing, "incident", at(0));
    ledger = recordNotification(ledger, firing, "incident", at(5));
    const [a] = ledger.groups[0]!.alerts;
    expect(a).toMatchObject({ count: 2, firstSeen: at(0).toISOString(), lastSeen: at(5).toISOString(), status: "firing" });
    expect(groupResolved(ledger, firing.hash)).toBe(false);
    ledger = recordNotification(ledger, parse(resolved(alertmanagerFiring(), at(9).toISOString())), "incident", at(9));
    expect(groupResolved(ledger, firing.hash)).toBe(true);
    expect(ledger.groups[0]!.alerts[0]!.resolvedAt).toBe(at(9).toISOString());
    expect(readLedger(renderAlertsComment(ledger))).toEqual(ledger);
  });

  it("stays under GitHub's comment size with a storm's worth of alerts, dropping resolved ones first", () => {
    let ledger = EMPTY_LEDGER;
    for (let i = 0; i < 30; i++) ledger = recordNotification(ledger, parse(stormGroup(i, 10)), "storm", at(i));
    expect(ledger.groups.flatMap((g) => g.alerts).length).toBe(MAX_LEDGER_ALERTS);
    expect(ledger.dropped).toBe(300 - MAX_LEDGER_ALERTS);
    expect(ledger.groups.length).toBe(30);
    expect(renderAlertsComment(ledger).length).toBeLessThan(65_536);
    for (let i = 30; i < 100; i++) ledger = recordNotification(ledger, parse(stormGroup(i, 10)), "storm", at(i));
    const hundred = renderAlertsComment(ledger);
    expect(hundred.length).toBeLessThan(65_536);
    expect(hundred).toContain("Storm alert 99");
    expect(readLedger(hundred).groups.length).toBe(100);
  });

  it("neutralises mentions and table-breaking text from the sender", () => {
    const group = parse(alertmanagerFiring((p) => (p.alerts[0]!.annotations.summary = "@oncall | see #12 <script>")));
    // What GitHub renders: the hidden block (an HTML comment) is not.
    const text = renderAlertsComment(recordNotification(EMPTY_LEDGER, group, "incident", at(0))).replace(/<!-- firewatch:data[\s\S]*-->/, "");
    expect(text).not.toContain("@oncall");
    expect(text).not.toContain("<script>");
    expect(text).toContain("\\|");
  });

  it("an unreadable ledger starts again empty instead of failing", () => {
    expect(readLedger("<!-- firewatch:data alerts {not json -->")).toEqual(EMPTY_LEDGER);
    expect(readLedger(undefined)).toEqual(EMPTY_LEDGER);
  });
});

describe("bearerTokenMatches", () => {
  it("accepts exactly the token, as a Bearer credential", () => {
    expect(bearerTokenMatches("Bearer abc", "abc")).toBe(true);
    expect(bearerTokenMatches("bearer abc", "abc")).toBe(true);
    for (const header of [undefined, "", "Bearer", "Bearer ab", "Bearer abcd", "Basic abc", "Bearer abc def"])
      expect(bearerTokenMatches(header, "abc"), String(header)).toBe(false);
  });
});
