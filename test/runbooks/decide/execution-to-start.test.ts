import { describe, expect, it } from "vitest";
import { executionToStart } from "../../../src/runbooks/decide/execution-to-start.js";
import { execution, incident, waiting } from "./fixtures.js";

const rb = waiting("page-oncall");
const file = { path: ".github/runbooks/page-oncall.yml", runbook: rb };
const first = execution(rb, "fw7-page-oncall-1", "succeeded");

describe("executionToStart", () => {
  it.each([
    { name: "the first run is new", existing: [], n: 1, id: "fw7-page-oncall-1", isNew: true },
    { name: "a redelivered first run finds its comment", existing: [first], n: 1, id: "fw7-page-oncall-1", isNew: false },
    { name: "the second run is new beside the first", existing: [first], n: 2, id: "fw7-page-oncall-2", isNew: true },
  ])("$name", ({ existing, n, id, isNew }) => {
    const start = executionToStart({ issue: 7, file, sha: "def456", incident, existing: existing.map((state) => ({ state })), n });
    expect(start.isNew).toBe(isNew);
    expect(start.state.executionId).toBe(id);
    if (isNew) expect(start.state).toMatchObject({ status: "ready", sha: "def456", file: file.path, incident });
    else expect(start.state).toBe(first);
  });
});
