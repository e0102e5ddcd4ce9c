import { describe, expect, it } from "vitest";
import { formatDate } from "../../src/reports/helpers/format-date.js";
import { elapsedMs, formatDuration } from "../../src/time/duration.js";

describe("formatDuration", () => {
  it.each([
    [0, "0s"],
    [350, "< 1s"],
    [1_000, "1s"],
    [45_000, "45s"],
    [60_000, "1m"],
    [725_000, "12m 5s"],
    [3_600_000, "1h"],
    [4_980_000, "1h 23m"],
    [4_999_999, "1h 23m"],
    [86_400_000, "1d"],
    [93_784_000, "1d 2h"],
    [90_061_000, "1d 1h"],
    [36 * 86_400_000, "36d"],
  ])("%i ms → %j", (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, "5", null, undefined])("%j → —", (value) => {
    expect(formatDuration(value)).toBe("—");
  });
});

describe("elapsedMs", () => {
  it.each([
    ["2026-03-14T09:00:00Z", "2026-03-14T10:23:41Z", 5_021_000],
    ["2026-03-14T09:00:00+01:00", "2026-03-14T09:00:00Z", 3_600_000],
    [1_000, 4_000, 3_000],
    ["2026-03-14T09:00:00Z", null, undefined],
    ["not a date", "2026-03-14T09:00:00Z", undefined],
    ["", "2026-03-14T09:00:00Z", undefined],
  ])("%j → %j = %j", (from, to, expected) => {
    expect(elapsedMs(from, to)).toBe(expected);
  });
});

describe("formatDate", () => {
  it.each([
    ["2026-03-14T09:05:59Z", undefined, "2026-03-14 09:05 UTC"],
    ["2026-03-14T09:05:00+02:00", "datetime", "2026-03-14 07:05 UTC"],
    ["2026-03-14T23:30:00-01:00", "date", "2026-03-15"],
    ["2026-03-14T09:05:00Z", "time", "09:05 UTC"],
    [0, "iso", "1970-01-01T00:00:00.000Z"],
    ["soon", undefined, undefined],
    [null, undefined, undefined],
  ] as const)("%j %j → %j", (value, style, expected) => {
    expect(formatDate(value, style)).toBe(expected);
  });
});
