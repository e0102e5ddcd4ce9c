import { describe, expect, it } from "vitest";
import {
  FIELD_LIMIT,
  isIncidentForm,
  parseIssueForm,
} from "../../src/incident/parse-issue-form.js";

const NOW = new Date("2026-11-26T12:00:00Z");
const form = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `### ${k}\n\n${v}`)
    .join("\n\n");

describe("parseIssueForm", () => {
  it("reads every field of GitHub's rendering", () => {
    const parsed = parseIssueForm(
      form({
        Summary: "KV-cache saturation on inference",
        Severity: "medium",
        "Affected services": "Inference, vector-store, inference",
        Impact: "p95 TTFT 4s",
        "Detected at": "2026-11-26 10:05 UTC",
        Links: "see https://grafana.example.com/d/x and https://status.example.com",
      }),
      NOW,
    );
    expect(parsed).toEqual({
      summary: "KV-cache saturation on inference",
      severity: "medium",
      services: ["inference", "vector-store"],
      impact: "p95 TTFT 4s",
      detectedAt: "2026-11-26T10:05:00.000Z",
      links: ["https://grafana.example.com/d/x", "https://status.example.com"],
      problems: [],
    });
  });

  it.each([
    ["an empty body", "", [/Summary\*\* is missing/, /Severity\*\* is missing/]],
    [
      "garbage",
      "\u0000\u0001 ### ### ###\n###",
      [/Summary\*\* is missing/, /Severity\*\* is missing/],
    ],
    [
      "_No response_ everywhere",
      form({ Summary: "_No response_", Severity: "_No response_" }),
      [/Summary\*\* is missing/, /Severity\*\* is missing/],
    ],
    [
      "an unknown severity",
      form({ Summary: "x", Severity: "extreme" }),
      [/`extreme` is not one of critical, high, medium, low/],
    ],
    [
      "a time in the future",
      form({ Summary: "x", Severity: "low", "Detected at": "2027-01-01 00:00 UTC" }),
      [/is not a past date/],
    ],
    [
      "a time that is no time",
      form({ Summary: "x", Severity: "low", "Detected at": "yesterday-ish" }),
      [/`yesterday-ish` is not a past date/],
    ],
  ])("turns %s into problems, never an exception", (_name, body, expected) => {
    const parsed = parseIssueForm(body, NOW);
    expect(parsed.problems).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(parsed.problems[i]?.text).toMatch(re));
  });

  it("reads a 'Detected at' without a zone as UTC, wherever the app runs", () => {
    const tz = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const at = (text: string) =>
        parseIssueForm(form({ Summary: "x", Severity: "low", "Detected at": text }), NOW);
      expect(at("2026-11-26 10:05").detectedAt).toBe("2026-11-26T10:05:00.000Z");
      expect(at("2026-11-26T10:05:30").detectedAt).toBe("2026-11-26T10:05:30.000Z");
      expect(at("2026-11-26 10:05 UTC").detectedAt).toBe("2026-11-26T10:05:00.000Z");
      expect(at("2026-11-26T10:05+01:00").detectedAt).toBe("2026-11-26T09:05:00.000Z");
      // Date.parse guesses a year (2001) and the server's zone for this; it is no time at all.
      expect(at("March 3").detectedAt).toBeUndefined();
      expect(at("March 3").problems[0]?.text).toMatch(/`March 3` is not a past date/);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it.each([
    ["30 February", "2026-02-30 10:00 UTC"],
    ["31 April", "2026-04-31"],
    ["29 February of a common year", "2025-02-29T08:00Z"],
    ["month 0", "2026-00-10"],
    ["day 0", "2026-01-00"],
  ])("refuses %s instead of rolling it into the next month", (_name, text) => {
    const parsed = parseIssueForm(form({ Summary: "x", Severity: "low", "Detected at": text }), NOW);
    expect(parsed.detectedAt).toBeUndefined();
    expect(parsed.problems).toEqual([
      { field: "detectedAt", text: `**Detected at** \`${text}\` is not a past date and time such as 2026-11-26 14:05 UTC.` },
    ]);
  });

  it("reads 29 February of a leap year", () => {
    const parsed = parseIssueForm(form({ Summary: "x", Severity: "low", "Detected at": "2024-02-29 23:30" }), NOW);
    expect(parsed.detectedAt).toBe("2024-02-29T23:30:00.000Z");
    expect(parsed.problems).toEqual([]);
  });

  it("shortens 100 KB of text in a field and says so", () => {
    const parsed = parseIssueForm(form({ Summary: "x".repeat(100_000), Severity: "high" }), NOW);
    expect(parsed.summary).toHaveLength(FIELD_LIMIT + 1);
    expect(parsed.problems[0]).toMatchObject({
      field: "summary",
      text: expect.stringMatching(/longer than 2,000 characters/),
    });
  });

  it("keeps only service names that are names", () => {
    expect(
      parseIssueForm(
        form({
          Summary: "x",
          Severity: "high",
          "Affected services": "- gateway\n- <script>\n- rag-pipeline",
        }),
        NOW,
      ).services,
    ).toEqual(["gateway", "rag-pipeline"]);
  });

  it("recognises a form body by its Summary and Severity headings", () => {
    expect(isIncidentForm(form({ Summary: "x", Severity: "high" }))).toBe(true);
    expect(isIncidentForm("### Summary\n\nonly")).toBe(false);
    expect(isIncidentForm(null)).toBe(false);
  });
});
