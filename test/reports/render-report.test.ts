import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/reports/render-report.js";
import { assertMermaidParses } from "../support/mermaid.js";
import { barePostmortem, gpuOomPostmortem, modelRollbackRecovery } from "./fixtures/gpu-oom-incident.js";

const Z = "\u200B";

function markdown(result: ReturnType<typeof renderReport>): string {
  if (!result.ok) throw new Error(`${result.error.line}:${result.error.column} ${result.error.message}`);
  return result.markdown;
}

function mermaidBlocks(md: string): string[] {
  return Array.from(md.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm), (m) => m[1] ?? "");
}

describe("default postmortem for a GPU OOM incident", () => {
  const md = markdown(renderReport("postmortem", undefined, gpuOomPostmortem));

  it("opens with the facts a reviewer checks first, all computed from the timeline", () => {
    expect(md).toMatch(/^# Postmortem: Inference outage: GPU OOM after spring campaign\n/);
    expect(md).toContain("| Incident | [acme/llm-platform#42](https://github.com/acme/llm-platform/issues/42) |");
    expect(md).toContain("| Severity | critical |");
    expect(md).toContain("| Declared | 2026-03-14 09:00 UTC |");
    expect(md).toContain("| Acknowledged | 2026-03-14 09:07 UTC |");
    expect(md).toContain("| Resolved | 2026-03-14 10:23 UTC |");
    expect(md).toContain("| Time to acknowledge (MTTA) | 7m |");
    expect(md).toContain("| Time to resolve (MTTR) | 1h 23m |");
    expect(md).toContain("| Detected → declared (MTTD) | 2m |");
  });

  it("has every section, in the order SRE and PagerDuty postmortems use", () => {
    const headings = Array.from(md.matchAll(/^## (.+)$/gm), (m) => m[1]);
    expect(headings).toEqual([
      "Summary", "Impact", "Responders and roles", "Timeline", "Detection", "Root cause", "Trigger",
      "Resolution", "Runbooks executed", "Recovery reports", "Action items", "Lessons learned", "Related incidents",
    ]);
  });

  it("names responders without pinging them", () => {
    expect(md).toContain(`| @${Z}maria | commander |`);
    expect(md).toContain(`| @${Z}sam | responder |`);
    expect(md).not.toMatch(/@[a-z]/);
  });

  it("keeps a hostile timeline note inert and inside its table cell", () => {
    const row = md.split("\n").find((line) => line.includes("CUDA out of memory"));
    expect(row).toBe(
      `| 2026-03-14 09:20 UTC | note | @${Z}sam | CUDA out of memory on 6/8 pods &lt;img src=x onerror=alert(1)&gt; cc @${Z}acme/ml-infra, looks like #${Z}17 \\| again |`,
    );
  });

  it("shows the five whys as a chain, each asking about the previous answer", () => {
    expect(md).toContain("| 1 | Inference outage: GPU OOM after spring campaign | GPU out of memory on the inference pods |");
    expect(md).toContain("| 2 | GPU out of memory on the inference pods | Requests rose 300% while v41 needs 30% more KV-cache per request |");
    expect(md).toContain(`| 5 | Marketing launches are not on the capacity calendar | No capacity planning or autoscaling for campaign-driven load | @${Z}maria |`);
    expect(md).toContain("**Root cause:** No capacity planning or autoscaling for campaign-driven load on the v41 model");
  });

  it("lists minimal cut sets and runbook steps with real durations", () => {
    expect(md).toContain("#### inference-unavailable: Inference service unavailable");
    expect(md).toContain("- { High load, Resource limit }");
    expect(md).toContain("### rollback-model — succeeded");
    expect(md).toContain("Version `3f9c2a1e8b7d`, started 2026-03-14 09:40 UTC, finished 2026-03-14 09:52 UTC (12m 30s).");
    expect(md).toContain("| Scale inference-a100 to 12 | succeeded | 2026-03-14 09:41 UTC | 2026-03-14 09:50 UTC | 8m 50s | 12/12 ready |");
  });

  it("links follow-up issues with their state, and related incidents with why", () => {
    expect(md).toContain("1 of 2 still open.");
    expect(md).toContain(`| [#101](https://github.com/acme/llm-platform/issues/101) | Autoscale inference on num_requests_waiting | @${Z}sam | open |`);
    expect(md).toContain("| [#102](https://github.com/acme/llm-platform/issues/102) | Put launches on the capacity calendar | unassigned | closed |");
    expect(md).toContain("- [#17](https://github.com/acme/llm-platform/issues/17) KV-cache saturation on gateway — shares service inference");
  });

  it("has lessons learned in three kinds", () => {
    expect(md).toMatch(/### What went well\n\n- The rollback runbook worked first time\n/);
    expect(md).toMatch(/### What went wrong\n\n- Nobody knew about the campaign\n/);
    expect(md).toMatch(/### Where we got lucky\n\n- It happened on a Saturday morning\n/);
  });

  it("contains diagrams that parse: timeline gantt, fishbone and fault tree", async () => {
    const blocks = mermaidBlocks(md);
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toContain("recovering :done, phase3, 2026-03-14 09:40:00, 2026-03-14 10:23:41");
    expect(blocks[0]).not.toContain("resolved");
    for (const block of blocks) await assertMermaidParses(block);
  });

  it("has no runs of blank lines", () => {
    expect(md).not.toMatch(/\n\n\n/);
  });

  it("renders the same text for the same data (no clock)", () => {
    expect(markdown(renderReport("postmortem", undefined, gpuOomPostmortem))).toBe(md);
  });
});

describe("default postmortem with nothing recorded", () => {
  const md = markdown(renderReport("postmortem", undefined, barePostmortem));

  it.each([
    "_No summary recorded._",
    "_No responders recorded._",
    "_No timeline events recorded._",
    "_No root cause recorded yet._",
    "_No five-whys chain recorded (use `/why`)._",
    "_No fault tree attached (use `/fault-tree`)._",
    "_No runbooks were run._",
    "_No follow-up actions recorded (use `/action`)._",
    "_No related incidents found._",
    "| Acknowledged | never |",
    "| Time to resolve (MTTR) | — |",
  ])("says %j", (text) => {
    expect(md).toContain(text);
  });

  it("has no empty sections, no MTTD row and no runs of blank lines", () => {
    expect(md).not.toMatch(/^## .+\n\n## /m);
    expect(md).not.toMatch(/\n\n\n/);
    expect(md).not.toContain("MTTD");
    expect(mermaidBlocks(md)).toEqual([]);
  });
});

describe("repository templates", () => {
  it("keeps a stray code fence in user text from swallowing the rest of the report", () => {
    const data = { ...gpuOomPostmortem, summary: "Logs:\n~~~\nCUDA error\n```" };
    const md = markdown(renderReport("postmortem", undefined, data));
    expect(md).toContain(`Logs:\n~${Z}~~\nCUDA error\n&#x60;${Z}&#x60;&#x60;`);
    const summary = md.slice(md.indexOf("## Summary"), md.indexOf("## Impact"));
    expect(summary).not.toMatch(/^ {0,3}(~~~|```)/m);
  });

  it("keeps a factor or lesson that starts like a heading, quote or list a plain list item", () => {
    const entry = (text: string) => ({ text, author: "sam", at: null });
    const data = {
      ...gpuOomPostmortem,
      rootCause: { ...gpuOomPostmortem.rootCause, factors: [entry("# No load test"), entry("> they said it was fine"), entry("1. one")] },
      lessons: { wentWell: [entry("## The rollback")], wentWrong: [entry("---")], gotLucky: [entry("- a Saturday")] },
    };
    const md = markdown(renderReport("postmortem", undefined, data));
    const headings = Array.from(md.matchAll(/^#{1,6} (.+)$/gm), (m) => m[1]);
    expect(headings).not.toContain("No load test");
    expect(headings).not.toContain("The rollback");
    expect(md).not.toMatch(/^- (#|>|&gt;|---$|- |1\. )/m);
    for (const text of ["# No load test", "&gt; they said it was fine", "1. one", "## The rollback", "---", "- a Saturday"])
      expect(md).toContain(`\n- ${Z}${text}\n`);
  });

  it("dates a runbook step's times, so a step across midnight reads right", () => {
    const [runbook] = gpuOomPostmortem.runbooks;
    const step = { name: "Drain the old pool", result: "succeeded", startedAt: "2026-03-14T23:50:00Z", finishedAt: "2026-03-15T00:10:00Z", detail: null };
    const data = { ...gpuOomPostmortem, runbooks: [{ ...runbook!, steps: [step] }] };
    const md = markdown(renderReport("postmortem", undefined, data));
    expect(md).toContain("| Drain the old pool | succeeded | 2026-03-14 23:50 UTC | 2026-03-15 00:10 UTC | 20m | — |");
  });

  it("renders a repository's own template with the same data and helpers", () => {
    const source = "# {{incident.title}}\nMTTR {{duration computed.timeToResolveMs}}, by {{join impact.services}}\n";
    expect(renderReport("postmortem", source, gpuOomPostmortem)).toEqual({
      ok: true,
      origin: "repository",
      markdown: "# Inference outage: GPU OOM after spring campaign\nMTTR 1h 23m, by inference, gateway\n",
    });
  });

  it.each([
    ["# Report\n\n{{constructor.constructor}}", 3, /"constructor" is not allowed/],
    ["# Report\n{{#with __proto__}}{{/with}}", 2, /"__proto__" is not allowed/],
    ["# Report\n\n\n{{#each timeline}}\n{{text}\n{{/each}}", 5, /syntax error/],
  ])("reports a broken template at its line and still offers the default: %j", (source, line, message) => {
    const result = renderReport("postmortem", source, gpuOomPostmortem);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.line).toBe(line);
    expect(result.error.message).toMatch(message);
    expect(result.fallback).toMatch(/^# Postmortem: Inference outage/);
  });
});

describe("default recovery report", () => {
  it("computes whether the RTO was met from real timestamps", () => {
    const md = markdown(renderReport("recovery-report", undefined, modelRollbackRecovery));
    expect(md).toMatch(/^# Recovery report: Roll the model back\n/);
    expect(md).toContain(`Plan \`.github/runbooks/rollback-model.yml\` at version \`3f9c2a1e8b7d\`, started by @${Z}maria. Outcome: **recovered**.`);
    expect(md).toContain("| Recovery time (RTO) | 1h | 48m | yes |");
    expect(md).toContain("| Recovery point (RPO) | 15m | 0s of data | yes |");
    expect(md).toContain("| Service level | p95 time-to-first-token under 800 ms | see verification | yes |");
    expect(md).toContain("recovery ran 2026-03-14 09:40 UTC → 2026-03-14 09:52 UTC (12m 30s); service back 2026-03-14 09:48 UTC.");
    expect(md).toContain("| Pin gateway to v40 | succeeded | 2026-03-14 09:40 UTC | 2026-03-14 09:41 UTC | 1m 10s | — |");
    expect(md).toContain("0 of 3 steps failed.");
    expect(md).toContain("| Error rate &lt; 1% \\| gateway | manual | passed | 2026-03-14 09:48 UTC | — |");
    expect(md).toContain("_No rollbacks were run._");
  });

  it("says the RTO was missed, and shows rollbacks, when recovery was late", () => {
    const late = {
      ...modelRollbackRecovery,
      run: { ...modelRollbackRecovery.run, recoveredAt: "2026-03-14T10:30:00Z", outcome: "rolled-back", dataLossMs: 1_200_000 },
      verification: [{ criterion: "p95 TTFT < 800 ms", result: "failed", checkedAt: "2026-03-14T09:55:00Z", method: "automated", detail: "p95 = 2.1 s" }],
      rollbacks: [{ name: "Restore v41", reason: "verification failed", result: "succeeded", startedAt: "2026-03-14T09:56:00Z", finishedAt: "2026-03-14T10:01:00Z" }],
    };
    const md = markdown(renderReport("recovery-report", undefined, late));
    expect(md).toContain("| Recovery time (RTO) | 1h | 1h 30m | **no** |");
    expect(md).toContain("| Recovery point (RPO) | 15m | 20m of data | **no** |");
    expect(md).toContain("| Service level | p95 time-to-first-token under 800 ms | see verification | **no** |");
    expect(md).toContain("| Restore v41 | verification failed | succeeded | 2026-03-14 09:56 UTC | 2026-03-14 10:01 UTC | 5m |");
  });

  it("says 'not recovered' and 'unknown' when service never came back", () => {
    const open = { ...modelRollbackRecovery, run: { ...modelRollbackRecovery.run, recoveredAt: null, finishedAt: null, outcome: "running" } };
    const md = markdown(renderReport("recovery-report", undefined, open));
    expect(md).toContain("| Recovery time (RTO) | 1h | not recovered | unknown |");
    expect(md).toContain("→ still running.");
  });
});
