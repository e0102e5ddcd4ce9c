import { describe, expect, it } from "vitest";
import { currentResolution } from "../../src/incident/current-resolution.js";
import type { IncidentState } from "../../src/incident/incident-state.js";
import type { StatusEntry, StatusHistory } from "../../src/incident/status-history.js";

const resolution = { at: "2026-03-14T10:00:00Z", by: "maria", text: "Rolled v41 back" };
const entry = (status: StatusEntry["status"], at: string, regression = false): StatusEntry => ({ status, at, by: "maria", regression });
const history = (...entries: StatusEntry[]): StatusHistory => ({ entries, current: entries.at(-1)?.status });
const declared = entry("detected", "2026-03-14T09:00:00Z");

describe("currentResolution", () => {
  it.each([
    ["resolved with it", history(declared, entry("resolved", "2026-03-14T10:00:02Z")), resolution],
    ["post-incident with it", history(declared, entry("resolved", "2026-03-14T10:00:02Z"), entry("post-incident", "2026-03-15T10:00:00Z")), resolution],
    ["reopened since", history(declared, entry("resolved", "2026-03-14T10:00:02Z"), entry("investigating", "2026-03-14T11:00:00Z", true)), undefined],
    ["reopened and resolved again without one", history(declared, entry("resolved", "2026-03-14T10:00:02Z"), entry("investigating", "2026-03-14T11:00:00Z", true), entry("resolved", "2026-03-14T12:00:00Z")), undefined],
    ["a regression before it was resolved", history(declared, entry("identified", "2026-03-14T09:10:00Z"), entry("investigating", "2026-03-14T09:20:00Z", true), entry("resolved", "2026-03-14T10:00:02Z")), resolution],
    ["still open", history(declared, entry("investigating", "2026-03-14T09:10:00Z")), undefined],
  ])("%s", (_name, h, expected) => {
    expect(currentResolution({ resolution } as unknown as IncidentState, h)).toEqual(expected);
  });

  it("is undefined when none was recorded", () => {
    expect(currentResolution({} as unknown as IncidentState, history(declared, entry("resolved", "2026-03-14T10:00:02Z")))).toBeUndefined();
  });
});
