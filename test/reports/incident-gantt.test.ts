import { describe, expect, it } from "vitest";
import { buildIncidentGantt } from "../../src/reports/mermaid/incident-gantt.js";
import { ganttLabel } from "../../src/reports/mermaid/gantt-label.js";
import { assertMermaidParses } from "../support/mermaid.js";

const HOSTILE_LABELS = [
  "investigating: GPU OOM; #1 %% comment",
  'quote " and \' and `tick`',
  "brackets [x] {y} (z) <b>",
  "title injected",
  "section evil",
  "click here",
  "dateFormat X",
  "2026-01-01 sneaky",
  "end",
  "line\nbreak\r\nagain",
  "%%{init: {'theme':'dark'}}%%",
  "🔥🔥",
  "",
  "x".repeat(500),
  "@alice #12 <script>",
  "a:b:c,d,e",
];

describe("ganttLabel", () => {
  it.each([
    ["investigating", "investigating"],
    ["GPU OOM: inference; #1", "GPU OOM inference 1"],
    ["title", "· title"],
    ["Section 2", "· Section 2"],
    ["", "untitled"],
    ["🔥", "untitled"],
    ["résumé (v2)", "résumé (v2)"],
  ])("%j → %j", (input, expected) => {
    expect(ganttLabel(input)).toBe(expected);
  });

  it("bounds the length", () => {
    expect(Array.from(ganttLabel("é".repeat(500))).length).toBeLessThanOrEqual(60);
  });
});

describe("buildIncidentGantt", () => {
  const phases = [
    { label: "detected", startedAt: "2026-03-14T09:00:00Z", endedAt: "2026-03-14T09:07:00Z" },
    { label: "investigating", startedAt: "2026-03-14T09:07:00Z", endedAt: "2026-03-14T09:31:00Z" },
    { label: "recovering", startedAt: "2026-03-14T09:31:00Z", endedAt: null },
  ];

  it("draws each status phase with its real start and end", async () => {
    const diagram = buildIncidentGantt({
      title: "Incident #42: inference down",
      phases,
      milestones: [{ label: "model v41 rolled back", at: "2026-03-14T09:40:00Z" }],
      now: "2026-03-14T10:00:00Z",
    });
    expect(diagram?.source).toBe(
      [
        "gantt",
        "    title Incident 42 inference down",
        "    dateFormat YYYY-MM-DD HH:mm:ss",
        "    axisFormat %H:%M",
        "    section Status",
        "    detected :done, phase0, 2026-03-14 09:00:00, 2026-03-14 09:07:00",
        "    investigating :done, phase1, 2026-03-14 09:07:00, 2026-03-14 09:31:00",
        "    recovering :active, phase2, 2026-03-14 09:31:00, 2026-03-14 10:00:00",
        "    section Events",
        "    model v41 rolled back :milestone, event0, 2026-03-14 09:40:00, 0m",
      ].join("\n"),
    );
    await assertMermaidParses(diagram?.source ?? "");
  });

  it("parses whatever the labels say", async () => {
    const diagram = buildIncidentGantt({
      title: HOSTILE_LABELS.join(" "),
      phases: HOSTILE_LABELS.map((label, i) => ({
        label,
        startedAt: `2026-03-14T09:${String(i).padStart(2, "0")}:00Z`,
        endedAt: `2026-03-14T09:${String(i + 1).padStart(2, "0")}:00Z`,
      })),
      milestones: HOSTILE_LABELS.map((label) => ({ label, at: "2026-03-14T09:30:00Z" })),
      now: "2026-03-14T10:00:00Z",
    });
    expect(diagram).not.toBeNull();
    const source = diagram?.source ?? "";
    expect(source.split("\n").filter((line) => line.includes(":done,"))).toHaveLength(HOSTILE_LABELS.length);
    await assertMermaidParses(source);
  });

  it("parses each hostile label alone as title, phase and milestone", async () => {
    for (const label of HOSTILE_LABELS) {
      const diagram = buildIncidentGantt({
        title: label,
        phases: [{ label, startedAt: "2026-03-14T09:00:00Z", endedAt: "2026-03-16T09:00:00Z" }],
        milestones: [{ label, at: "2026-03-14T09:30:00Z" }],
        now: "2026-03-16T10:00:00Z",
      });
      await assertMermaidParses(diagram?.source ?? "");
    }
  });

  it("the parse check can fail: the same labels unsanitised break the diagram", async () => {
    for (const label of ["click here", "line\nbreak"]) {
      const raw = `gantt\n    dateFormat YYYY-MM-DD HH:mm:ss\n    section Status\n    ${label} :done, p0, 2026-03-14 09:00:00, 2026-03-14 09:07:00`;
      await expect(assertMermaidParses(raw)).rejects.toThrow(/Mermaid could not parse/);
    }
  });

  it("skips unusable times and returns null when nothing is left", () => {
    expect(buildIncidentGantt({ title: "x", phases: [], now: "2026-03-14T10:00:00Z" })).toBeNull();
    expect(
      buildIncidentGantt({ title: "x", phases: [{ label: "a", startedAt: "yesterday-ish", endedAt: null }], now: "2026-03-14T10:00:00Z" }),
    ).toBeNull();
    const reversed = buildIncidentGantt({
      title: "x",
      phases: [{ label: "a", startedAt: "2026-03-14T10:00:00Z", endedAt: "2026-03-14T09:00:00Z" }],
      now: "2026-03-14T10:00:00Z",
    });
    expect(reversed?.source).toContain("a :done, phase0, 2026-03-14 10:00:00, 2026-03-14 10:00:00");
  });
});
