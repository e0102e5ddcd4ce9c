import { describe, expect, it } from "vitest";
import { computePostmortem } from "../../src/reports/compute-postmortem.js";
import type { PostmortemData } from "../../src/reports/postmortem-data.js";
import { gpuOomPostmortem } from "./fixtures/gpu-oom-incident.js";

const phase = (status: string, startedAt: string, endedAt: string | null) => ({ status, startedAt, endedAt });
/** The status bars of the timeline chart, as `label start end`. */
const bars = (phases: PostmortemData["phases"]) =>
  (computePostmortem({ ...gpuOomPostmortem, phases }).timelineDiagram?.source ?? "")
    .split("\n")
    .filter((l) => / :(done|active), phase\d+, /.test(l))
    .map((l) => l.trim().replace(/ :(done|active), phase\d+, /, " ").replace(/2026-03-14 /g, ""));

describe("computePostmortem: the status chart", () => {
  it.each([
    [
      "ends at the resolution: the open resolved phase is not drawn",
      [phase("detected", "2026-03-14T09:00:00Z", "2026-03-14T09:07:00Z"), phase("investigating", "2026-03-14T09:07:00Z", "2026-03-14T10:00:00Z"), phase("resolved", "2026-03-14T10:00:00Z", null)],
      ["detected 09:00:00, 09:07:00", "investigating 09:07:00, 10:00:00"],
    ],
    [
      "nor what followed it (post-incident)",
      [phase("investigating", "2026-03-14T09:00:00Z", "2026-03-14T10:00:00Z"), phase("resolved", "2026-03-14T10:00:00Z", "2026-03-15T10:00:00Z"), phase("post-incident", "2026-03-15T10:00:00Z", null)],
      ["investigating 09:00:00, 10:00:00"],
    ],
    [
      "a resolved phase that a reopen ended is part of the incident and is drawn",
      [
        phase("investigating", "2026-03-14T09:00:00Z", "2026-03-14T10:00:00Z"),
        phase("resolved", "2026-03-14T10:00:00Z", "2026-03-14T10:30:00Z"),
        phase("investigating", "2026-03-14T10:30:00Z", "2026-03-14T11:00:00Z"),
        phase("resolved", "2026-03-14T11:00:00Z", null),
      ],
      ["investigating 09:00:00, 10:00:00", "resolved 10:00:00, 10:30:00", "investigating 10:30:00, 11:00:00"],
    ],
  ])("%s", (_name, phases, expected) => {
    expect(bars(phases)).toEqual(expected);
  });
});
