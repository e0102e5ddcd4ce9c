import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { performHttpCheck } from "../../src/handlers/runbooks/http-check.js";
import { startCheckTarget, type CheckTarget } from "../support/runbook-firewatch.js";

const check = (url: string, timeoutMs = 2_000) => ({ kind: "httpCheck" as const, stepId: "s", correlationId: "c", method: "GET", url, timeoutMs });

describe("http checks at apply time", () => {
  let target: CheckTarget;
  beforeAll(async () => {
    target = await startCheckTarget();
    target.respond("/ok", 200, "ok");
    target.respond("/moved", 302, "", { location: "https://evil.example.net/" });
    target.respond("/big", 200, "x".repeat(1_000_000));
  });
  afterAll(() => target.close());

  it("re-checks the allow-list: a host no longer listed is not called", async () => {
    const before = target.requests.length;
    expect(await performHttpCheck(check("https://status.example.com/ok"), ["other.example.com"], target.fetch)).toEqual({ error: "host status.example.com is not in runbooks.http_allow" });
    expect(await performHttpCheck(check("http://status.example.com/ok"), ["status.example.com"], target.fetch)).toMatchObject({ error: expect.stringContaining("not in runbooks.http_allow") });
    expect(target.requests.length).toBe(before);
  });

  it("refuses redirects instead of following them", async () => {
    expect(await performHttpCheck(check("https://status.example.com/moved"), ["status.example.com"], target.fetch)).toEqual({ status: 302, error: "redirect (302) refused: http checks do not follow redirects" });
  });

  it("keeps at most 64 KB of the body", async () => {
    const result = await performHttpCheck(check("https://status.example.com/big"), ["status.example.com"], target.fetch);
    expect(result.status).toBe(200);
    expect(result.body).toHaveLength(64 * 1024);
  });

  it("reports a timeout as the step's reason", async () => {
    const hanging: typeof fetch = (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason as Error)));
    expect(await performHttpCheck(check("https://status.example.com/slow", 50), ["status.example.com"], hanging)).toEqual({ error: "no response within 50ms" });
  });
});
