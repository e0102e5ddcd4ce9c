import { describe, expect, it } from "vitest";
import { readHttpAllowCidrs } from "../../src/runbooks/http-allow-cidrs.js";
import { validateRunbook } from "../../src/runbooks/validate-runbook.js";

const runbook = (url: string) => `name: demo\nsteps:\n  - id: probe\n    title: Probe\n    type: verify\n    run:\n      kind: http\n      url: '${url}'\n`;
const HINT = ": http steps may not call the private network Firewatch runs in (the server's operator can allow ranges with FIREWATCH_HTTP_ALLOW_CIDRS)";

describe("validateRunbook: http steps may not name a private address", () => {
  it.each([
    ["https://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local (cloud metadata) address (169.254.0.0/16)"],
    ["https://10.0.0.5/health", "10.0.0.5 is a private address (10.0.0.0/8)"],
    ["https://192.168.0.10/", "192.168.0.10 is a private address (192.168.0.0/16)"],
    ["https://100.64.0.1/", "100.64.0.1 is a carrier-grade NAT address (100.64.0.0/10)"],
    ["https://[::1]/", "::1 is a loopback address (::1/128)"],
    ["https://[fd00::1]/", "fd00::1 is a private (unique local) address (fc00::/7)"],
    ["https://[::ffff:10.0.0.1]/", "::ffff:a00:1 is a private address (10.0.0.0/8)"],
    ["https://0.0.0.0/", "0.0.0.0 is an unspecified address (0.0.0.0/8)"],
    ["https://localhost/", "localhost is this machine (loopback)"],
  ])("%s is refused at its line, even when the allow-list names it", (url, reason) => {
    const host = new URL(url).hostname;
    const result = validateRunbook(runbook(url), ".github/runbooks/demo.yml", { httpAllow: [host, host.replace(/^\[|\]$/g, "")] });
    expect(result.runbook).toBeUndefined();
    expect(result.errors).toEqual([{ message: `${reason}${HINT}`, line: 8, column: 7, path: ".github/runbooks/demo.yml", field: "steps[0].run.url" }]);
  });

  it("names are not looked up: an internal name in the allow-list is valid (it is checked at run time)", () => {
    const result = validateRunbook(runbook("https://gateway.internal.example.com/healthz"), "x.yml", { httpAllow: ["gateway.internal.example.com"] });
    expect(result.errors).toEqual([]);
  });

  it("an address in the operator's FIREWATCH_HTTP_ALLOW_CIDRS is valid when the allow-list names it", () => {
    const httpAllowCidrs = readHttpAllowCidrs({ FIREWATCH_HTTP_ALLOW_CIDRS: "10.0.0.0/8" });
    expect(validateRunbook(runbook("https://10.0.0.5/"), "x.yml", { httpAllow: ["10.0.0.5"], httpAllowCidrs }).errors).toEqual([]);
    expect(validateRunbook(runbook("https://10.0.0.5/"), "x.yml", { httpAllowCidrs }).errors[0]?.message).toMatch(/host "10\.0\.0\.5" is not in runbooks\.http_allow/);
  });
});
