import { describe, expect, it } from "vitest";
import { startServerUntilExit } from "../support/server-start.js";

describe("FIREWATCH_TICK_INTERVAL at start", () => {
  it("a value that is not a duration stops the app with one line naming it", async () => {
    const { code, output } = await startServerUntilExit({ FIREWATCH_TICK_INTERVAL: "every minute" });
    expect(code).toBe(1);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
    expect(output.trim().split("\n").at(-1)).toBe(
      'Firewatch cannot start: FIREWATCH_TICK_INTERVAL: "every minute" is not a duration such as 30s, 1m or 5m (or a number of seconds, or "off"); unset it for one minute.',
    );
  }, 30_000);
});
