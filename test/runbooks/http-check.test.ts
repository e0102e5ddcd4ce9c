import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { performHttpCheck } from "../../src/handlers/runbooks/http-check.js";
import { readHttpAllowCidrs } from "../../src/runbooks/http-allow-cidrs.js";
import { PUBLIC_TEST_ADDRESS } from "../support/firewatch.js";
import { startCheckTarget, type CheckTarget } from "../support/runbook-firewatch.js";

const check = (url: string, timeoutMs = 2_000) => ({ kind: "httpCheck" as const, stepId: "s", correlationId: "c", method: "GET", url, timeoutMs });

describe("http checks at apply time", () => {
  let target: CheckTarget;
  beforeEach(() => {
    target.resolveTo("status.example.com", [PUBLIC_TEST_ADDRESS]);
  });
  beforeAll(async () => {
    target = await startCheckTarget();
    target.respond("/ok", 200, "ok");
    target.respond("/moved", 302, "", { location: "https://evil.example.net/" });
    target.respond("/big", 200, "x".repeat(1_000_000));
  });
  afterAll(() => target.close());

  it("re-checks the allow-list: a host no longer listed is not called", async () => {
    const before = target.requests.length;
    expect(await performHttpCheck(check("https://status.example.com/ok"), ["other.example.com"], target.network)).toEqual({ error: "host status.example.com is not in runbooks.http_allow" });
    expect(await performHttpCheck(check("http://status.example.com/ok"), ["status.example.com"], target.network)).toMatchObject({ error: expect.stringContaining("not in runbooks.http_allow") });
    expect(target.requests.length).toBe(before);
  });

  it("connects to the address it checked, not to a second lookup", async () => {
    target.resolveTo("status.example.com", ["198.51.100.7", "2001:db8::7"]);
    expect(await performHttpCheck(check("https://status.example.com/ok"), ["status.example.com"], target.network)).toMatchObject({ status: 200, body: "ok" });
    expect(target.connections.at(-1)).toBe("status.example.com → 198.51.100.7");
  });

  it.each([
    [["10.0.0.5"], "status.example.com resolves to 10.0.0.5, a private address (10.0.0.0/8)"],
    [["198.51.100.7", "169.254.169.254"], "status.example.com resolves to 169.254.169.254, a link-local (cloud metadata) address (169.254.0.0/16)"],
    [["::1"], "status.example.com resolves to ::1, a loopback address (::1/128)"],
    [["::ffff:192.168.1.1"], "status.example.com resolves to ::ffff:192.168.1.1, a private address (192.168.0.0/16)"],
    [["100.64.1.1"], "status.example.com resolves to 100.64.1.1, a carrier-grade NAT address (100.64.0.0/10)"],
  ])("a name that resolves to %j is refused before any request", async (addresses, reason) => {
    target.resolveTo("status.example.com", addresses);
    const before = target.requests.length;
    const result = await performHttpCheck(check("https://status.example.com/ok"), ["status.example.com"], target.network);
    expect(result.error).toBe(`${reason}: http steps may not call the private network Firewatch runs in (the server's operator can allow ranges with FIREWATCH_HTTP_ALLOW_CIDRS)`);
    expect(target.requests.length).toBe(before);
  });

  it("an IP address or localhost in the allow-list is refused at run time too", async () => {
    const before = target.requests.length;
    expect((await performHttpCheck(check("https://10.1.2.3/ok"), ["10.1.2.3"], target.network)).error).toMatch(/^10\.1\.2\.3 is a private address \(10\.0\.0\.0\/8\)/);
    expect((await performHttpCheck(check("https://localhost/ok"), ["localhost"], target.network)).error).toMatch(/^localhost is this machine/);
    expect(target.requests.length).toBe(before);
  });

  it("the operator's FIREWATCH_HTTP_ALLOW_CIDRS lets a private address through, and only that range", async () => {
    const allowCidrs = readHttpAllowCidrs({ FIREWATCH_HTTP_ALLOW_CIDRS: "10.20.0.0/16" });
    target.resolveTo("gateway.internal.example.com", ["10.20.3.4"]);
    expect(await performHttpCheck(check("https://gateway.internal.example.com/ok"), ["gateway.internal.example.com"], { ...target.network, allowCidrs })).toMatchObject({ status: 200 });
    expect(target.connections.at(-1)).toBe("gateway.internal.example.com → 10.20.3.4");
    target.resolveTo("gateway.internal.example.com", ["10.20.3.4", "10.21.0.1"]);
    expect((await performHttpCheck(check("https://gateway.internal.example.com/ok"), ["gateway.internal.example.com"], { ...target.network, allowCidrs })).error).toMatch(/^gateway\.internal\.example\.com resolves to 10\.21\.0\.1, a private address/);
  });

  it("a name that does not resolve fails the step with the resolver's code", async () => {
    target.resolveTo("status.example.com", Object.assign(new Error("getaddrinfo ENOTFOUND status.example.com"), { code: "ENOTFOUND" }));
    expect(await performHttpCheck(check("https://status.example.com/ok"), ["status.example.com"], target.network)).toEqual({ error: "could not resolve status.example.com (ENOTFOUND)" });
    target.resolveTo("status.example.com", []);
    expect(await performHttpCheck(check("https://status.example.com/ok"), ["status.example.com"], target.network)).toEqual({ error: "status.example.com resolves to no address" });
  });

  it("a lookup that hangs counts against the step's timeout", async () => {
    const network = { ...target.network, resolve: () => new Promise<string[]>(() => undefined) };
    expect(await performHttpCheck(check("https://status.example.com/ok", 50), ["status.example.com"], network)).toEqual({ error: "no response within 50ms" });
  });

  it("refuses redirects instead of following them", async () => {
    expect(await performHttpCheck(check("https://status.example.com/moved"), ["status.example.com"], target.network)).toEqual({ status: 302, error: "redirect (302) refused: http checks do not follow redirects" });
  });

  it("keeps at most 64 KB of the body", async () => {
    const result = await performHttpCheck(check("https://status.example.com/big"), ["status.example.com"], target.network);
    expect(result.status).toBe(200);
    expect(result.body).toHaveLength(64 * 1024);
  });

  it("reports a timeout as the step's reason", async () => {
    const hanging: typeof fetch = (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason as Error)));
    expect(await performHttpCheck(check("https://status.example.com/slow", 50), ["status.example.com"], { ...target.network, fetch: hanging })).toEqual({ error: "no response within 50ms" });
  });
});
