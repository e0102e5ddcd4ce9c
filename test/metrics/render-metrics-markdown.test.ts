import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../src/metrics/compute-metrics.js";
import type { IncidentRecord } from "../../src/metrics/incident-record.js";
import { chartLabel, mttrChart, severityPie } from "../../src/metrics/mermaid-charts.js";
import { renderMetricsMarkdown } from "../../src/metrics/render-metrics-markdown.js";
import { assertMermaidParses } from "../support/mermaid.js";

const hostile: IncidentRecord = {
  number: 7,
  title: '@everyone GPU OOM fixes #12 <script>alert(1)</script> | "x"',
  url: "https://github.com/acme/llm/issues/7",
  state: "closed",
  severity: "critical",
  services: ["inference"],
  createdAt: "2026-03-01T10:00:00Z",
  declaredAt: "2026-03-01T10:00:00Z",
  acknowledgedAt: "2026-03-01T10:05:00Z",
  resolvedAt: "2026-03-01T13:00:00Z",
};
const calm: IncidentRecord = { ...hostile, number: 8, title: "Latency", severity: "low", declaredAt: "2026-04-02T00:00:00Z", createdAt: "2026-04-02T00:00:00Z", resolvedAt: "2026-04-02T01:30:00Z" };

const mermaidBlocks = (md: string) => [...md.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);

describe("renderMetricsMarkdown", () => {
  const md = renderMetricsMarkdown(computeMetrics([hostile, calm]), {
    repo: "acme/llm",
    generatedAt: new Date("2026-05-01T00:00:00Z"),
    requests: { requests: 12, notModified: 10, skipped: 2 },
  });

  it("shows the headline figures and response times", () => {
    expect(md).toContain("| 2 | 0 | 2 | 100% |");
    expect(md).toMatch(/\| MTTR \| declared → resolved \| 2 \| 2h 15m \| 2h 15m \| 3h \|/);
    expect(md).toContain("Built with 12 API requests, 10 of them answered 304 Not Modified");
  });

  it("cannot ping, link issues or inject HTML through a title", () => {
    expect(md).not.toMatch(/(^|[^`\w])@everyone/);
    expect(md).not.toMatch(/(^|\s)#12\b/);
    expect(md).not.toContain("<script>");
    expect(md).not.toContain("](https://github.com/acme/llm/issues/7)");
    const slowRow = md.split("\n").find((l) => l.startsWith("| `7`"))!;
    expect(slowRow.split(/(?<!\\)\|/).length).toBe(6);
  });

  it("draws Mermaid charts that parse", async () => {
    const blocks = mermaidBlocks(md);
    expect(blocks.map((b) => b.split("\n")[0])).toEqual(["pie showData", "xychart-beta", "xychart-beta"]);
    for (const block of blocks) await assertMermaidParses(block);
  });

  it("draws no chart rather than a broken one without incidents", () => {
    const empty = renderMetricsMarkdown(computeMetrics([]), { generatedAt: new Date() });
    expect(mermaidBlocks(empty)).toEqual([]);
    expect(empty).toContain("No resolved incidents.");
  });
});

describe("Mermaid labels", () => {
  it.each(['a"b', "x]; graph TD; A-->B", "line\nbreak", "#1 <b>", "日本語", "", "%%{init}%%"])("%j becomes a label that parses", async (text) => {
    const label = chartLabel(text);
    expect(label).toMatch(/^[A-Za-z0-9 ._:/+-]+$/);
    await assertMermaidParses(`pie\n  "${label}" : 1`);
  });

  it("pie and MTTR chart parse for a long, sparse history", async () => {
    const many = Array.from({ length: 60 }, (_, i): IncidentRecord => {
      const at = new Date(Date.UTC(2024, i, 3)).toISOString();
      return { ...hostile, number: i, createdAt: at, declaredAt: at, resolvedAt: i % 3 ? new Date(Date.parse(at) + i * 3_600_000).toISOString() : undefined };
    });
    const m = computeMetrics(many);
    await assertMermaidParses(severityPie(m)!);
    await assertMermaidParses(mttrChart(m)!);
  });
});
