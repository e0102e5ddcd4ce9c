import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-command.js";
import { runCli } from "../../src/cli/run-cli.js";

const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
const RUNBOOK = "name: ok\nsteps:\n  - { id: a, title: A, type: assess, run: { kind: manual } }\n";

async function cli(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    cwd: "/repo",
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    readFile: async (p) => files[p] ?? Promise.reject(new Error("ENOENT")),
    listFiles: async () => undefined,
  };
  const code = await runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("firewatch CLI conventions", () => {
  it("--help lists every command on stdout and exits 0", async () => {
    for (const argv of [["--help"], ["-h"], ["help"]]) {
      const { code, out, err } = await cli(argv);
      expect(code).toBe(0);
      expect(out).toMatch(/^Usage: firewatch /);
      for (const name of ["validate", "dry-run", "metrics", "render", "--version"]) expect(out).toContain(name);
      expect(err).toBe("");
    }
  });

  it.each([
    ["validate", ["[paths...]", "--format <format>", "--http-allow <hosts>"]],
    ["dry-run", ["<runbook>", "--severity <severity>", "--service <name>", "--label <name>", "--title <text>", "--http-allow <hosts>"]],
    ["metrics", ["--repo <owner/name>", "--since <period>", "--format <format>", "--no-cache"]],
    ["render", ["postmortem", "--repo <owner/name>", "--issue <n>"]],
  ])("%s --help and help %s show the options and exit 0", async (name, options) => {
    for (const argv of [[name, "--help"], ["help", name]]) {
      const { code, out, err } = await cli(argv);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^Usage: firewatch ${name} `));
      for (const option of options) expect(out).toContain(option);
      expect(err).toBe("");
    }
  });

  it("--version prints the version of package.json", async () => {
    for (const flag of ["--version", "-V"]) expect(await cli([flag])).toEqual({ code: 0, out: VERSION, err: "" });
  });

  it.each([
    [["validate", "--bogus"], "firewatch validate: unknown option '--bogus'"],
    [["dry-run", "ok.yml", "--sevrity", "low"], "firewatch dry-run: unknown option '--sevrity'"],
    [["metrics", "--repo", "acme/llm", "--bogus"], "firewatch metrics: unknown option '--bogus'"],
    [["render", "postmortem", "--repo", "acme/ops", "--isue", "4"], "firewatch render: unknown option '--isue'"],
    [["--bogus"], "firewatch: unknown option '--bogus'"],
    [["dry-run"], "firewatch dry-run: missing required argument 'runbook'"],
    [["render", "--repo", "acme/ops", "--issue", "4"], "firewatch render: missing required argument 'report'"],
    [["render", "timeline", "--repo", "acme/ops", "--issue", "4"], "'timeline' is invalid for argument 'report'. Allowed choices are postmortem."],
    [["metrics", "--repo"], "firewatch metrics: option '--repo <owner/name>' argument missing"],
    [["dry-run", "a.yml", "b.yml"], "firewatch dry-run: too many arguments"],
    [["frobnicate"], "firewatch: unknown command 'frobnicate'"],
  ])("%j is a usage error: exit 2, naming the problem, with the usage line", async (argv, message) => {
    const { code, out, err } = await cli(argv, { "/repo/ok.yml": RUNBOOK });
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toMatch(/\nusage: firewatch /);
    expect(out).toBe("");
  });

  it("no command prints the help to stderr and exits 2", async () => {
    const { code, out, err } = await cli([]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^Usage: firewatch [\s\S]*metrics/);
  });

  it("repeatable options collect every value", async () => {
    const { code, out } = await cli(["dry-run", "ok.yml", "--service", "inference", "--service=api", "--title", "Slow"], { "/repo/ok.yml": RUNBOOK });
    expect(code).toBe(0);
    expect(out).toContain("services `inference`, `api`");
  });

  it("bin/firewatch's entry point sets the process's exit code and streams", { timeout: 30_000 }, async () => {
    const run = promisify(execFile);
    const main = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
    const node = (...args: string[]) => run(process.execPath, ["--import", "tsx", main, ...args]).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);
    const [version, help, bogus] = await Promise.all([node("--version"), node("metrics", "--help"), node("validate", "--bogus")]);
    expect(version).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining("--no-cache") });
    expect(bogus).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining("unknown option '--bogus'") });
  });
});
