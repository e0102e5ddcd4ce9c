import { describe, expect, it } from "vitest";
import { parseSince, sinceDate } from "../../src/metrics/parse-since.js";

const now = new Date("2026-05-31T12:00:00Z");

describe("parseSince", () => {
  it.each([
    ["90d", "2026-03-02T12:00:00.000Z"],
    [" 12w ", "2026-03-08T12:00:00.000Z"],
    ["6m", "2025-11-30T12:00:00.000Z"],
    ["3M", "2026-02-28T12:00:00.000Z"],
    ["1y", "2025-05-31T12:00:00.000Z"],
    ["2026-01-31", "2026-01-31T00:00:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
    ["2026-01-31T08:30:00Z", "2026-01-31T08:30:00.000Z"],
    ["2026-01-31 08:30", "2026-01-31T08:30:00.000Z"],
    ["2026-01-31T08:30:00+02:00", "2026-01-31T06:30:00.000Z"],
  ])("%s starts at %s", (text, expected) => {
    const result = parseSince(text);
    if (!result.ok) throw new Error(result.error);
    expect(sinceDate(result.value, now).toISOString()).toBe(expected);
  });

  it.each([
    ["", "is not a period"],
    ["garbage", '"garbage" is not a period; use `90d`, `12w`, `6m`, `1y` or a date such as `2026-01-31`.'],
    ["90", "is not a period"],
    ["-5d", "is not a period"],
    ["0d", "is an empty period"],
    ["9999d", "more than ten years"],
    ["2026-02-30", "is not a real date"],
    ["2026-13-01", "is not a real date"],
    ["31/01/2026", "is not a period"],
    ["x".repeat(10_000), "…\" is not a period"],
  ])("%j is refused: %s", (text, message) => {
    const result = parseSince(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});
