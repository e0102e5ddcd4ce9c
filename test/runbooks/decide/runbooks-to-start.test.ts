import { describe, expect, it } from "vitest";
import { runbooksToStart } from "../../../src/runbooks/decide/runbooks-to-start.js";
import type { RunbookFile } from "../../../src/runbooks/runbook-file.js";
import { incident, waiting } from "./fixtures.js";

const onCritical: RunbookFile = { path: "a.yml", runbook: waiting("page-oncall", "triggers: { severities: [critical] }"), errors: [] };
const onGateway: RunbookFile = { path: "b.yml", runbook: waiting("gateway", "triggers: { services: [gateway] }"), errors: [] };
const byHand: RunbookFile = { path: "c.yml", runbook: waiting("by-hand"), errors: [] };
const sameName: RunbookFile = { path: "d.yml", runbook: waiting("page-oncall", "triggers: { labels: [incident] }"), errors: [] };
// oncall.yml, written before ids came from file names, still says `name: page-oncall`.
const renamed: RunbookFile = { path: "oncall.yml", runbook: waiting("page-oncall", "triggers: { severities: [critical] }", "oncall.yml"), errors: [] };
const invalid: RunbookFile = { path: "e.yml", errors: [{ message: "bad", line: 1, column: 1, path: "e.yml", field: "" }] };

describe("runbooksToStart", () => {
  it.each([
    { name: "a matching runbook starts", files: [onCritical], started: [], want: ["a.yml"] },
    { name: "one that does not match does not", files: [onGateway], started: [], want: [] },
    { name: "one without triggers runs only by hand", files: [byHand], started: [], want: [] },
    { name: "one that ran once does not start again", files: [onCritical], started: ["page-oncall"], want: [] },
    { name: "a name starts once, the first file wins", files: [onCritical, sameName], started: [], want: ["a.yml"] },
    { name: "invalid files are never considered", files: [invalid, onCritical], started: [], want: ["a.yml"] },
    { name: "one that ran under its old slug name does not start again", files: [renamed], started: ["page-oncall"], want: [] },
    { name: "one that ran under its id does not start again", files: [renamed], started: ["oncall"], want: [] },
    { name: "a renamed one starts when neither ran", files: [renamed], started: ["gateway"], want: ["oncall.yml"] },
    { name: "file order is kept", files: [sameName, onGateway, onCritical], started: [], want: ["d.yml"] },
  ])("$name", ({ files, started, want }) => {
    expect(runbooksToStart(files, incident, started).map((f) => f.path)).toEqual(want);
  });
});
