import { describe, expect, it } from "vitest";
import { fileStem, runnableFile } from "../../../src/runbooks/commands/runnable-file.js";
import type { RunbookFile } from "../../../src/runbooks/runbook-file.js";
import { waiting } from "../decide/fixtures.js";

// Its id is "oom" (the file's base name); its old slug `name: gpu-oom` is an alias.
const named: RunbookFile = { path: ".github/runbooks/oom.yml", runbook: waiting("gpu-oom", "", ".github/runbooks/oom.yml"), errors: [] };
const broken: RunbookFile = {
  path: ".github/runbooks/broken.yaml",
  errors: [
    { message: "unknown step kind", line: 6, column: 5, path: ".github/runbooks/broken.yaml", field: "steps.0.run" },
    { message: "missing title", line: 9, column: 5, path: ".github/runbooks/broken.yaml", field: "steps.1" },
  ],
};
const files = [named, broken];

describe("runnableFile", () => {
  it.each([
    { name: "gpu-oom", want: { file: named } },
    { name: "oom", want: { file: named } },
    { name: "broken", want: { reply: "`.github/runbooks/broken.yaml` has errors, so it cannot run:\n\n- line 6: unknown step kind\n- line 9: missing title" } },
    { name: "nothing", want: { reply: "not found" } },
  ])("$name", ({ name, want }) => {
    expect(runnableFile(files, name, "not found")).toEqual(want);
  });

  it.each([
    { path: ".github/runbooks/a.yml", stem: "a" },
    { path: "b.yaml", stem: "b" },
    { path: "dir/c.json", stem: "c.json" },
  ])("fileStem($path) = $stem", ({ path, stem }) => {
    expect(fileStem(path)).toBe(stem);
  });
});
