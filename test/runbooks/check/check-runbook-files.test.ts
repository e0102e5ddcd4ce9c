import { describe, expect, it } from "vitest";
import { checkRunbookFiles } from "../../../src/runbooks/check/check-runbook-files.js";
import type { RunbookFile } from "../../../src/runbooks/runbook-file.js";
import { waiting } from "../decide/fixtures.js";

const valid = (path: string, name: string): RunbookFile => ({ path, runbook: waiting(name, "", path), errors: [] });
const broken: RunbookFile = {
  path: "rb/broken.yml",
  errors: [{ message: "unknown step kind", line: 6, column: 9, path: "rb/broken.yml", field: "steps.0.run.kind" }],
};

describe("checkRunbookFiles", () => {
  it.each([
    { name: "one valid file", files: [valid("rb/a.yml", "a")], conclusion: "success", title: "Runbooks are valid", head: "All 1 changed runbook file are valid.", annotations: [] },
    { name: "two valid files", files: [valid("rb/a.yml", "a"), valid("rb/b.yml", "b")], conclusion: "success", title: "Runbooks are valid", head: "All 2 changed runbook files are valid.", annotations: [] },
    {
      name: "an error, annotated at its line",
      files: [valid("rb/a.yml", "a"), broken],
      conclusion: "failure",
      title: "1 runbook error",
      head: "1 error in 1 of 2 changed runbook files.",
      annotations: [{ path: "rb/broken.yml", start_line: 6, end_line: 6, start_column: 9, end_column: 9, annotation_level: "failure", message: "unknown step kind", title: "Runbook error in steps.0.run.kind" }],
    },
    {
      name: "two files with one old slug name",
      files: [valid("rb/a.yml", "same"), valid("rb/b.yml", "same")],
      conclusion: "failure",
      title: "1 runbook error",
      head: "1 error in 1 of 2 changed runbook files.",
      annotations: [{ path: "rb/b.yml", start_line: 1, end_line: 1, start_column: 1, end_column: 1, annotation_level: "failure", message: 'another runbook (rb/a.yml) also answers to "same"; runbook ids and old slug names must be unique', title: "Runbook error in name" }],
    },
    {
      name: "an old slug name that is another file's id",
      files: [valid("rb/a.yml", "a"), valid("rb/b.yml", "a")],
      conclusion: "failure",
      title: "1 runbook error",
      head: "1 error in 1 of 2 changed runbook files.",
      annotations: [{ path: "rb/b.yml", start_line: 1, end_line: 1, start_column: 1, end_column: 1, annotation_level: "failure", message: 'another runbook (rb/a.yml) also answers to "a"; runbook ids and old slug names must be unique', title: "Runbook error in name" }],
    },
    { name: "free-text names may repeat", files: [valid("rb/a.yml", "Database failover"), valid("rb/b.yml", "Database failover")], conclusion: "success", title: "Runbooks are valid", head: "All 2 changed runbook files are valid.", annotations: [] },
  ])("$name", ({ files, conclusion, title, head, annotations }) => {
    const outcome = checkRunbookFiles(files);
    expect(outcome).toMatchObject({ conclusion, title, annotations });
    expect(outcome.summary.startsWith(head)).toBe(true);
  });
});
