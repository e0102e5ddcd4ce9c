import { describe, expect, it } from "vitest";
import { checkTransition, type Status } from "../../src/incident/lifecycle.js";

describe("checkTransition", () => {
  it.each<[Status | undefined, Status, boolean, "ok" | "regression" | RegExp]>([
    [undefined, "detected", true, "ok"],
    ["detected", "investigating", true, "ok"],
    ["detected", "recovering", true, "ok"],
    ["detected", "resolved", true, "ok"],
    ["investigating", "investigating", true, "ok"],
    ["identified", "investigating", true, "regression"],
    ["recovering", "detected", true, "regression"],
    ["resolved", "investigating", false, /reopen the issue/],
    ["resolved", "investigating", true, "regression"],
    ["post-incident", "resolved", false, /reopen the issue/],
    ["resolved", "post-incident", false, "ok"],
    ["post-incident", "post-incident", false, "ok"],
    ["investigating", "post-incident", true, /can only follow `resolved`/],
    ["detected", "post-incident", true, /can only follow `resolved`/],
    [undefined, "post-incident", true, /can only follow `resolved`/],
  ])("%s → %s (open: %s) is %s", (from, to, open, expected) => {
    const verdict = checkTransition(from, to, open);
    if (expected instanceof RegExp) {
      expect(verdict.allowed).toBe(false);
      if (!verdict.allowed) expect(verdict.reason).toMatch(expected);
    } else {
      expect(verdict).toEqual({ allowed: true, regression: expected === "regression" });
    }
  });
});
