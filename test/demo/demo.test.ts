import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDemo, type DemoResult } from "../../scripts/demo/demo.js";

describe("npm run demo", () => {
  const root = mkdtempSync(join(tmpdir(), "firewatch-demo-"));
  const dir = join(root, "out");
  let result: DemoResult;
  const read = (path: string) => readFileSync(join(dir, path), "utf8");

  beforeAll(async () => {
    result = await runDemo(dir);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("writes an index, the incident, the follow-ups and the postmortem pull request with its file", () => {
    expect(result.files).toContain("README.md");
    expect(result.files).toContain(`issue-${result.incident}.md`);
    expect(result.files).toContain(`pull-${result.postmortemPull}.md`);
    const index = read("README.md");
    expect(index).toContain(`[issue-${result.incident}.md](issue-${result.incident}.md)`);
    expect(index).toContain(`[pull-${result.postmortemPull}.md](pull-${result.postmortemPull}.md)`);
    expect(readdirSync(dir).filter((f) => /^issue-\d+\.md$/.test(f))).toHaveLength(4);
    expect(read("issue-2.md")).toContain("`incident-follow-up`");
    expect(read("issue-2.md")).toContain("| Assignees | @amara |");
  });

  it("shows the incident as a user would: post-incident, critical, closed, commands acknowledged, the card's final state", () => {
    const issue = read(`issue-${result.incident}.md`);
    expect(issue).toContain("| Labels | `incident` `severity:critical` `status:post-incident` |");
    expect(issue).toContain("**Closed**");
    expect(issue).toContain("### @amara commented · 2026-03-12 14:07 UTC\n\n/ack\n\nReactions: 👍 1");
    expect(issue).not.toContain("😕");
    expect(issue).toContain("## 🔥 Incident: `post-incident` · severity `critical`");
    expect(issue).toContain(`| Postmortem | #${result.postmortemPull} (merged 2026-03-13 10:30 UTC) |`);
    expect(issue).toContain("📘 Runbook `gpu-oom-inference` — succeeded");
    expect(issue).toContain("📘 Runbook `model-quality-regression` — succeeded");
    expect(issue).toContain("Roll the model back to the previous version** `rollback-model` _remediate_ — ✅ done");
    expect(issue).not.toMatch(/127\.0\.0\.1/);
  });

  it("puts the postmortem file, with the five whys and the computed times, in the pull request", () => {
    const pull = read(`pull-${result.postmortemPull}.md`);
    expect(pull).toContain("`firewatch/postmortem-1` → `main`");
    expect(pull).toContain("@acme/ml-serving, @acme/edge");
    expect(pull).toContain("merged by @priya");
    const path = `pull-${result.postmortemPull}/docs/postmortems/2026-03-12-inference-cuda-out-of-memory-chat-completions-failing.md`;
    expect(existsSync(join(dir, path))).toBe(true);
    const report = read(path);
    const whys = report.split("\n").filter((line) => /^\| [1-5] \|/.test(line));
    expect(whys).toHaveLength(5);
    expect(whys[4]).toContain("no capacity planning for launches and the GPU pools do not autoscale");
    expect(report).toContain("| Time to acknowledge (MTTA) | 2m |");
    expect(report).toContain("| Time to resolve (MTTR) | 1h 19m |");
    expect(report).toContain("#### inference-unavailable");
    // The runbook its triggers started, and the steps the app carried out, are Firewatch's: no "@firewatch" user.
    expect(report).toContain("| 2026-03-12 14:05 UTC | runbook | Firewatch | gpu-oom-inference started |");
    expect(report).toMatch(/^\| announce \| succeeded \| 2026-03-12 14:05 UTC \| 2026-03-12 14:05 UTC \| 0s \| — \|$/m);
    expect(report).not.toMatch(/@\u200bfirewatch\b(?!\[bot\])|by firewatch/);
  });
});
