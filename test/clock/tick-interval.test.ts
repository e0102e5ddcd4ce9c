import { describe, expect, it } from "vitest";
import { DEFAULT_TICK_INTERVAL_MS, readTickInterval } from "../../src/clock/tick-interval.js";

describe("FIREWATCH_TICK_INTERVAL", () => {
  it.each([
    [undefined, DEFAULT_TICK_INTERVAL_MS],
    ["", DEFAULT_TICK_INTERVAL_MS],
    ["60", 60_000],
    ["30s", 30_000],
    ["5m", 300_000],
    ["1h", 3_600_000],
    [" 2m ", 120_000],
    ["off", undefined],
    ["OFF", undefined],
  ])("%j → %j ms", (value, ms) => {
    expect(readTickInterval({ FIREWATCH_TICK_INTERVAL: value })).toBe(ms);
  });

  it.each(["soon", "-5", "1.5m", "60 seconds", "5x"])("%j is not a duration: an error naming the variable", (value) => {
    expect(() => readTickInterval({ FIREWATCH_TICK_INTERVAL: value })).toThrow(
      `FIREWATCH_TICK_INTERVAL: "${value.trim()}" is not a duration such as 30s, 1m or 5m (or a number of seconds, or "off"); unset it for one minute.`,
    );
  });

  it.each(["0", "5s", "9", "2h", "1d"])("%j is out of range: an error saying the range", (value) => {
    expect(() => readTickInterval({ FIREWATCH_TICK_INTERVAL: value })).toThrow(
      `FIREWATCH_TICK_INTERVAL: "${value}" must be between 10s and 1h (or "off" for no clock); unset it for one minute.`,
    );
  });
});
