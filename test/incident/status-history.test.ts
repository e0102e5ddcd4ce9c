import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { labelNames } from "../../src/incident/label-names.js";
import {
  creditStatusHistory,
  deriveStatusHistory,
  type IssueEvent,
} from "../../src/incident/status-history.js";

const names = labelNames(configSchema.parse({}));
const user = { login: "alice", type: "User" };
const bot = { login: "firewatch[bot]", type: "Bot" };
const ev = (event: string, minute: number, actor: typeof user, label?: string): IssueEvent => ({
  event,
  created_at: new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString(),
  actor,
  label: label ? { name: label } : null,
});

describe("deriveStatusHistory", () => {
  it("measures acknowledgement and resolution from GitHub's event times", () => {
    const h = deriveStatusHistory(
      [
        ev("labeled", 0, user, "incident"),
        ev("labeled", 0, bot, "status:detected"),
        ev("labeled", 7, user, "status:investigating"),
        ev("unlabeled", 7, bot, "status:detected"),
        ev("closed", 42, user),
        ev("labeled", 42, bot, "status:resolved"),
      ],
      names,
    );
    expect(h.entries.map((e) => e.status)).toEqual(["detected", "investigating", "resolved"]);
    expect(h.declaredAt).toBe("2026-01-01T10:00:00.000Z");
    expect(h.acknowledgedAt).toBe("2026-01-01T10:07:00.000Z");
    expect(h.resolvedAt).toBe("2026-01-01T10:42:00.000Z");
  });

  it("leaves out a status the app reverted, and marks regressions", () => {
    const h = deriveStatusHistory(
      [
        ev("labeled", 0, bot, "status:detected"),
        ev("labeled", 1, user, "status:post-incident"),
        ev("unlabeled", 1, bot, "status:post-incident"),
        ev("labeled", 2, user, "status:identified"),
        ev("labeled", 3, user, "status:investigating"),
      ],
      names,
    );
    expect(h.entries.map((e) => `${e.status}${e.regression ? "!" : ""}`)).toEqual([
      "detected",
      "identified",
      "investigating!",
    ]);
  });

  it("an incident reopened after resolving is not resolved", () => {
    const h = deriveStatusHistory(
      [ev("labeled", 0, bot, "status:detected"), ev("closed", 5, user), ev("reopened", 9, user)],
      names,
    );
    expect(h.current).toBe("investigating");
    expect(h.resolvedAt).toBeUndefined();
  });
});

describe("creditStatusHistory", () => {
  it("credits the app's status changes to the person whose command asked for them", () => {
    const h = deriveStatusHistory(
      [
        ev("labeled", 0, bot, "status:detected"),
        ev("labeled", 3, bot, "status:investigating"),
        ev("labeled", 9, user, "status:identified"),
      ],
      names,
    );
    const credited = creditStatusHistory(h, [
      { status: "investigating", by: "priya", at: "2026-01-01T10:02:59.000Z" },
    ]);
    expect(credited.entries.map((e) => e.by)).toEqual(["firewatch[bot]", "priya", "alice"]);
  });
});
