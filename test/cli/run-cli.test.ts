import { describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { fakeCliIo } from "../support/fake-cli-io.js";

const GOOD = "name: ok\nsteps:\n  - { id: a, title: A, type: assess, run: { kind: manual } }\n  - { id: b, title: Say, type: communicate, run: { kind: comment, template: 'Sev {{incident.severity}} on {{incident.services}}' }, when: { severities: [critical] } }\n";
const BAD = "name: bad\nsteps:\n  - id: a\n    title: A\n    type: assess\n    run: { kind: teleport }\n";

const fakeIo = fakeCliIo;

describe("firewatch CLI", () => {
  it("validate exits 0 on good runbooks in the default directory", async () => {
    const { io, out } = fakeIo({ "/repo/.github/runbooks/ok.yml": GOOD });
    expect(await runCli(["validate"], io)).toBe(0);
    expect(out).toContain("✓ .github/runbooks/ok.yml");
  });

  it("validate --format github prints annotations and exits 1", async () => {
    const { io, out } = fakeIo({ "/repo/rb/ok.yml": GOOD, "/repo/rb/bad.yml": BAD });
    expect(await runCli(["validate", "rb", "--format", "github"], io)).toBe(1);
    expect(out).toContain("::error file=rb/bad.yml,line=6,col=12,title=firewatch%3A steps[0].run.kind::unknown step kind; valid kinds: manual, comment, label, assign, workflow, http, approval");
  });

  it("validate reads the allowed hosts from .github/firewatch.yml", async () => {
    const http = "name: h\nsteps:\n  - { id: a, title: A, type: verify, run: { kind: http, url: 'https://status.example.com/' } }\n";
    const { io } = fakeIo({ "/repo/h.yml": http, "/repo/.github/firewatch.yml": "runbooks:\n  http_allow: [status.example.com]\n" });
    expect(await runCli(["validate", "h.yml"], io)).toBe(0);
    const denied = fakeIo({ "/repo/h.yml": http });
    expect(await runCli(["validate", "h.yml"], denied.io)).toBe(1);
    expect(denied.out[0]).toMatch(/^h\.yml:3:.*host "status\.example\.com" is not in runbooks\.http_allow/);
  });

  it("validate refuses an http step aimed at a private address, and FIREWATCH_HTTP_ALLOW_CIDRS is read as the server reads it", async () => {
    const metadata = "name: h\nsteps:\n  - { id: a, title: A, type: verify, run: { kind: http, url: 'https://169.254.169.254/latest/meta-data/' } }\n";
    const files = { "/repo/h.yml": metadata, "/repo/.github/firewatch.yml": "runbooks:\n  http_allow: [169.254.169.254]\n" };
    const refused = fakeIo(files);
    expect(await runCli(["validate", "h.yml"], refused.io)).toBe(1);
    expect(refused.out[0]).toBe("h.yml:3:57: steps[0].run.url: 169.254.169.254 is a link-local (cloud metadata) address (169.254.0.0/16): http steps may not call the private network Firewatch runs in (the server's operator can allow ranges with FIREWATCH_HTTP_ALLOW_CIDRS)");
    vi.stubEnv("FIREWATCH_HTTP_ALLOW_CIDRS", "169.254.169.254/32");
    try {
      expect(await runCli(["validate", "h.yml"], fakeIo(files).io)).toBe(0);
      vi.stubEnv("FIREWATCH_HTTP_ALLOW_CIDRS", "169.254.0.0");
      const bad = fakeIo(files);
      expect(await runCli(["validate", "h.yml"], bad.io)).toBe(2);
      expect(await runCli(["dry-run", "h.yml"], bad.io)).toBe(2);
      expect(bad.err[0]).toMatch(/^FIREWATCH_HTTP_ALLOW_CIDRS: "169\.254\.0\.0" is not a network such as 10\.20\.0\.0\/16/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("dry-run renders the steps for the given severity and service", async () => {
    const { io, out } = fakeIo({ "/repo/ok.yml": GOOD });
    expect(await runCli(["dry-run", "ok.yml", "--severity", "critical", "--service", "inference"], io)).toBe(0);
    expect(out.join("\n")).toMatch(/1\. \*\*A\*\* `a`[\s\S]*2\. \*\*Say\*\*[\s\S]*> Sev critical on inference/);
    const low = fakeIo({ "/repo/ok.yml": GOOD });
    await runCli(["dry-run", "ok.yml", "--severity", "low"], low.io);
    expect(low.out.join("\n")).toMatch(/\*\*skipped\*\*/);
  });

  it("answers unknown commands and missing files with a message, not a crash", async () => {
    const { io, err } = fakeIo({});
    expect(await runCli(["frobnicate"], io)).toBe(2);
    expect(err[0]).toMatch(/unknown command 'frobnicate'/);
    expect(await runCli(["dry-run", "nope.yml"], io)).toBe(1);
    expect(await runCli(["validate", "nope.yml"], io)).toBe(1);
  });
});
