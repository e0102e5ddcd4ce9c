import { describe, expect, it } from "vitest";
import { runbookListTable } from "../../../src/runbooks/commands/runbook-list-table.js";
import type { RunbookFile } from "../../../src/runbooks/runbook-file.js";
import { waiting } from "../decide/fixtures.js";

const HEAD = "| Runbook | Starts | On this incident |\n| --- | --- | --- |";
const triggered: RunbookFile = { path: "t.yml", runbook: waiting("page", "triggers: { severities: [critical, high], services: [inference] }"), errors: [] };
const byHand: RunbookFile = { path: "h.yml", runbook: waiting("by-hand"), errors: [] };
const broken: RunbookFile = { path: ".github/runbooks/broken.yml", errors: [{ message: "x", line: 6, column: 1, path: "b", field: "" }] };

describe("runbookListTable", () => {
  it.each([
    { name: "no files", files: [], executions: [], want: "There are no runbooks in `.github/runbooks` yet." },
    { name: "a triggered runbook not run", files: [triggered], executions: [], want: `${HEAD}\n| \`page\` | severities: critical, high; services: inference | not run |` },
    {
      name: "the last run's status",
      files: [byHand],
      executions: [{ runbook: "by-hand", status: "cancelled" }, { runbook: "by-hand", status: "running" }, { runbook: "page", status: "failed" }],
      want: `${HEAD}\n| \`by-hand\` | by hand | running |`,
    },
    { name: "a broken file by its stem", files: [broken], executions: [], want: `${HEAD}\n| \`broken\` | by hand | ❌ 1 error (line 6) |` },
  ])("$name", ({ files, executions, want }) => {
    expect(runbookListTable(".github/runbooks", files, executions)).toBe(want);
  });
});
