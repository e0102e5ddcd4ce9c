import { describe, expect, it } from "vitest";
import { relatedIncidents, type IncidentSummary } from "../../src/analysis/related-incidents.js";

const base = Date.parse("2026-03-01T10:00:00Z");
function incident(number: number, minutesFromTarget: number, services: string[] = [], rootCause?: string): IncidentSummary {
  return {
    number,
    title: `Incident ${number}`,
    url: `https://github.com/acme/llm/issues/${number}`,
    detectedAt: new Date(base + minutesFromTarget * 60_000).toISOString(),
    services,
    rootCause,
  };
}
const target = incident(100, 0, ["inference", "gateway"], "No capacity planning or autoscaling");

describe("relatedIncidents", () => {
  it.each<[string, IncidentSummary, { strength: string; reasons: string[] } | undefined]>([
    ["2 minutes later", incident(1, 2), { strength: "strong", reasons: ["detected 2 minutes after this one (under 5 minutes)"] }],
    ["4.4 minutes earlier", incident(1, -4.4), { strength: "strong", reasons: ["detected 4 minutes before this one (under 5 minutes)"] }],
    ["same minute", incident(1, 0.2), { strength: "strong", reasons: ["detected within a minute of this one (under 5 minutes)"] }],
    ["exactly 5 minutes: no longer strong", incident(1, 5), { strength: "weak", reasons: ["detected 5 minutes after this one (within 30 minutes)"] }],
    ["exactly 30 minutes: still related", incident(1, -30), { strength: "weak", reasons: ["detected 30 minutes before this one (within 30 minutes)"] }],
    ["31 minutes: unrelated", incident(1, 31), undefined],
    ["a shared service, days apart", incident(1, 5000, ["Inference", "embeddings"]), { strength: "moderate", reasons: ["also affects service inference"] }],
    ["two shared services", incident(1, 5000, ["gateway", "inference"]), { strength: "moderate", reasons: ["also affects services gateway, inference"] }],
    ["the same root cause, written differently", incident(1, 9000, [], "  no capacity-planning, or AUTOSCALING. "), { strength: "strong", reasons: ["same root cause: no capacity-planning, or AUTOSCALING."] }],
    ["a different root cause", incident(1, 9000, [], "Provider outage"), undefined],
    ["nothing in common", incident(1, 9000, ["vector-store"]), undefined],
    ["itself", incident(100, 0, ["inference"]), undefined],
    ["an unparseable time", { ...incident(1, 0), detectedAt: "not a date" }, undefined],
  ])("%s", (_name, other, expected) => {
    const [found] = relatedIncidents(target, [other]);
    if (expected === undefined) return expect(found).toBeUndefined();
    expect(found).toMatchObject({ number: 1, title: "Incident 1", url: "https://github.com/acme/llm/issues/1", ...expected });
  });

  it("combines reasons, strongest first", () => {
    const [found] = relatedIncidents(target, [incident(7, 12, ["gateway"], "no capacity planning or autoscaling")]);
    expect(found).toEqual({
      number: 7,
      title: "Incident 7",
      url: "https://github.com/acme/llm/issues/7",
      strength: "strong",
      score: 6,
      reasons: ["same root cause: no capacity planning or autoscaling", "also affects service gateway", "detected 12 minutes after this one (within 30 minutes)"],
    });
  });

  it("sorts by strength, then by closeness in time, then newest first", () => {
    const others = [
      incident(1, 20), // weak: 1
      incident(2, 5000, ["inference"]), // moderate: 2
      incident(3, 3), // strong time: 3
      incident(4, -1, ["gateway"]), // strong time + service: 5
      incident(5, 2), // strong time: 3, closer than #3
      incident(6, 2), // same as #5, newer number first
    ];
    expect(relatedIncidents(target, others).map((r) => r.number)).toEqual([4, 6, 5, 3, 2, 1]);
  });

  it("ignores a root cause that is empty after normalising", () => {
    const blank = { ...target, rootCause: " ... " };
    expect(relatedIncidents(blank, [incident(1, 9000, [], "!!!")])).toEqual([]);
  });
});
