import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-command.js";
import { apiUrlFrom, createMetricsCommand, defaultMetricsDeps, type MetricsDeps } from "../../src/cli/commands/metrics.js";
import { memoryHttpCache } from "../../src/metrics/http-cache.js";
import { GitHubStandIn } from "../support/github/github-stand-in.js";
import { rsaKeyPair } from "../support/rsa-key-pair.js";
import { seedIncidents } from "./seed-incidents.js";

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { cwd: "/", stdout: (l) => out.push(l), stderr: (l) => err.push(l), readFile: async () => "", listFiles: async () => undefined };
  return { io, out, err };
}

describe("firewatch metrics", () => {
  let gh: GitHubStandIn;
  const cache = memoryHttpCache();
  let deps: MetricsDeps;
  beforeAll(async () => {
    gh = await GitHubStandIn.start({ appPublicKey: rsaKeyPair().publicKey, webhookSecret: "s" });
    gh.addRepository({ owner: "acme", name: "llm", files: { ".github/firewatch.yml": "labels:\n  severity_prefix: 'sev/'\n" } });
    seedIncidents(gh, { count: 40, start: "2026-01-01T00:00:00Z" });
    gh.as("erin").addLabels(1, ["sev/critical"]);
    deps = {
      env: { GITHUB_TOKEN: gh.installationToken(), GITHUB_API_URL: gh.urls.api },
      now: () => new Date("2026-03-01T00:00:00Z"),
      createClient: defaultMetricsDeps.createClient,
      openCache: async () => ({ ...cache, save: async () => {} }),
    };
  });
  afterAll(async () => {
    await gh.stop();
    gh.assertClean();
  });

  const run = async (args: string[], d: Partial<MetricsDeps> = {}) => {
    const { io, out, err } = captureIo();
    const code = await createMetricsCommand({ ...deps, ...d }).run(args, io);
    return { code, out: out.join("\n"), err: err.join("\n") };
  };

  it("prints the Markdown report, reading label names from the repository's config", async () => {
    const { code, out, err } = await run(["--repo", "acme/llm"]);
    expect(code).toBe(0);
    expect(out).toContain("## Incident metrics for acme/llm");
    expect(out).toContain("40 incidents, all time");
    expect(out).toMatch(/\| critical \| 1 \|/);
    expect(out).toContain("```mermaid");
    expect(err).toMatch(/^\d+ API requests \(0 answered 304/);
  });

  it("answers a repeated run with 304s and the cache", async () => {
    const { code, err } = await run(["--repo", "acme/llm", "--format", "json"]);
    expect(code).toBe(0);
    expect(err).toBe("2 API requests (2 answered 304 Not Modified), 40 event lists reused from the cache");
  });

  it("prints JSON with --format json and honours --since", async () => {
    const { code, out } = await run(["--repo", "acme/llm", "--format", "json", "--since", "2026-01-05"]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { metrics: { count: number; since: string }; requests: { requests: number } };
    expect(json.metrics.since).toBe("2026-01-05T00:00:00.000Z");
    expect(json.metrics.count).toBeGreaterThan(0);
    expect(json.metrics.count).toBeLessThan(40);
  });

  it.each([
    [[], {}, 2, "--repo owner/name is required"],
    [["--repo", "acme"], {}, 2, '--repo "acme" is not owner/name'],
    [["--repo", "acme/llm", "--since", "lately"], {}, 2, '--since: "lately" is not a period'],
    [["--repo", "acme/llm", "--format", "html"], {}, 2, '--format "html" is not md or json'],
    [["--repo", "acme/llm", "--bogus"], {}, 2, "unknown option '--bogus'"],
    [["--repo", "acme/llm"], { env: {} }, 2, "GITHUB_TOKEN is not set"],
    [["--repo", "acme/nope"], {}, 1, "acme/nope was not found"],
  ])("%j fails clearly", async (args, override, code, message) => {
    const env = "env" in override ? {} : deps.env;
    const result = await run(args as string[], { env });
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
    expect(result.out).toBe("");
  });

  it("says when the token is refused", async () => {
    const result = await run(["--repo", "acme/llm", "--no-cache"], { env: { GITHUB_TOKEN: "ghs_wrong", GITHUB_API_URL: gh.urls.api } });
    expect(result).toMatchObject({ code: 1, err: expect.stringContaining("401") });
    expect(gh.failures.all).toEqual([expect.stringContaining("needs an installation token")]);
    gh.failures.clear();
  });
});

describe("apiUrlFrom", () => {
  it.each([
    [{}, "https://api.github.com"],
    [{ GITHUB_API_URL: "https://ghe.example.com/api/v3/" }, "https://ghe.example.com/api/v3"],
    [{ GHE_HOST: "ghe.example.com" }, "https://ghe.example.com/api/v3"],
    [{ GHE_HOST: "localhost:3000", GHE_PROTOCOL: "http" }, "http://localhost:3000/api/v3"],
  ])("%j → %s", (env, url) => {
    expect(apiUrlFrom(env)).toBe(url);
  });
});
