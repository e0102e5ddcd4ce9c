import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { startCheckTarget, startRunbookFirewatch, type CheckTarget } from "../support/runbook-firewatch.js";

const CONFIG = "runbooks:\n  http_allow: [gateway.internal.example.com, 169.254.169.254]\n";
const PROBE = `name: probe-gateway
triggers:
  severities: [high]
steps:
  - id: healthy
    title: The gateway answers
    type: verify
    run: { kind: http, url: "https://gateway.internal.example.com/healthz" }
`;
const METADATA = `name: read-metadata
steps:
  - id: creds
    title: Read the instance credentials
    type: assess
    run:
      kind: http
      url: "https://169.254.169.254/latest/meta-data/iam/"
`;
const REASON = "gateway.internal.example.com resolves to 10.20.3.4, a private address (10.0.0.0/8): http steps may not call the private network Firewatch runs in (the server's operator can allow ranges with FIREWATCH_HTTP_ALLOW_CIDRS)";

const bodies = (s: Scenario, n: number) => s.gh.issue(n).comments.map((c) => c.body).join("\n---\n");

describe("http steps and the private network", () => {
  let scenario: Scenario | undefined;
  let target: CheckTarget | undefined;
  afterEach(async () => {
    await scenario?.stop();
    await target?.close();
    scenario = target = undefined;
  });

  const start = async (httpAllowCidrs?: string) => {
    target = await startCheckTarget();
    target.respond("/healthz", 200, "ok");
    target.resolveTo("gateway.internal.example.com", ["10.20.3.4"]);
    scenario = await startRunbookFirewatch({
      fetch: target.fetch,
      resolve: target.resolve,
      ...(httpAllowCidrs ? { httpAllowCidrs } : {}),
      files: { ".github/firewatch.yml": CONFIG, ".github/runbooks/probe-gateway.yml": PROBE, ".github/runbooks/read-metadata.yml": METADATA },
      collaborators: { alice: "triage" },
    });
    const n = scenario.gh.as("alice").openIssue({ title: "Gateway 5xx", labels: ["incident"] });
    await scenario.gh.settle();
    return n;
  };

  it("a listed name that resolves to a private address fails its step with the reason, and nothing is called", async () => {
    const n = await start();
    const all = bodies(scenario!, n);
    expect(all).toContain("### 📘 Runbook `probe-gateway`");
    expect(all).toContain(`\`healthy\` _verify_ — ❌ failed · at 2026-01-05 09:00 UTC · request failed: ${REASON}`);
    expect(target!.requests).toEqual([]);
    expect(target!.connections).toEqual([]);
  });

  it("the operator's FIREWATCH_HTTP_ALLOW_CIDRS lets it through, connected to the address that was checked", async () => {
    const n = await start("10.20.0.0/16");
    expect(bodies(scenario!, n)).toMatch(/`healthy` _verify_ — ✅ done/);
    expect(target!.requests).toEqual(["GET /healthz"]);
    expect(target!.connections).toEqual(["gateway.internal.example.com → 10.20.3.4"]);
  });

  it("/runbook run of a runbook aimed at the cloud metadata address is refused with the line", async () => {
    const n = await start();
    scenario!.gh.as("alice").comment(n, "/runbook run read-metadata");
    await scenario!.gh.settle();
    expect(bodies(scenario!, n)).toContain(
      "`.github/runbooks/read-metadata.yml` has errors, so it cannot run:\n\n- line 8: 169.254.169.254 is a link-local (cloud metadata) address (169.254.0.0/16)",
    );
    expect(target!.requests).toEqual([]);
  });

  it("the pull-request check annotates the address at its line", async () => {
    await start();
    const pr = scenario!.gh.runbooks().openPullRequest("alice", { title: "Metadata probe", head: "probe", changes: { ".github/runbooks/read-metadata.yml": METADATA.replace("iam/", "iam/info") } });
    await scenario!.gh.settle();
    const check = scenario!.gh.checkRuns().find((c) => c.headSha === scenario!.gh.runbooks().headSha(pr))!;
    expect(check).toMatchObject({ name: "firewatch/runbooks", conclusion: "failure" });
    expect(check.annotations).toEqual([
      expect.objectContaining({ path: ".github/runbooks/read-metadata.yml", start_line: 8, message: expect.stringMatching(/^169\.254\.169\.254 is a link-local \(cloud metadata\) address \(169\.254\.0\.0\/16\): http steps may not call the private network/) }),
    ]);
  });
});
