import { describe, expect, it } from "vitest";
import { startServerUntilExit } from "../support/server-start.js";

describe("FIREWATCH_HTTP_ALLOW_CIDRS at start", () => {
  it("a value that is not a list of CIDRs stops the app with one line naming it", async () => {
    const { code, output } = await startServerUntilExit({ FIREWATCH_HTTP_ALLOW_CIDRS: "10.0.0.0/8, intranet" });
    expect(code).toBe(1);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
    expect(output.trim().split("\n").at(-1)).toBe(
      'Firewatch cannot start: FIREWATCH_HTTP_ALLOW_CIDRS: "intranet" is not a network such as 10.20.0.0/16 or fd00:1::/64 (comma-separated); unset it to allow no private network.',
    );
  }, 30_000);
});
