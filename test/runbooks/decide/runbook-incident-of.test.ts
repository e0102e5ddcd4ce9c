import { describe, expect, it } from "vitest";
import { runbookIncidentOf } from "../../../src/runbooks/decide/runbook-incident-of.js";

const names = { parseSeverity: (l: string) => (l.startsWith("sev:") ? (l.slice(4) as "high") : undefined) };
const issue = (labels: string[]) => ({ number: 3, title: "GPU OOM", labels, url: "https://github.test/o/r/issues/3" });

describe("runbookIncidentOf", () => {
  it.each([
    { labels: ["incident", "sev:high"], severity: "high" },
    { labels: ["sev:low", "sev:high"], severity: "low" },
    { labels: ["incident"], severity: "medium" },
    { labels: [], severity: "medium" },
  ])("labels $labels → severity $severity", ({ labels, severity }) => {
    expect(runbookIncidentOf(issue(labels), ["inference"], names, "medium")).toEqual({
      number: 3,
      title: "GPU OOM",
      severity,
      services: ["inference"],
      labels,
      url: "https://github.test/o/r/issues/3",
    });
  });
});
