import { describe, expect, it } from "vitest";
import { changedRunbookPaths, MAX_CHECKED_FILES } from "../../../src/runbooks/check/changed-runbook-paths.js";

describe("changedRunbookPaths", () => {
  it.each([
    { name: "a changed runbook", files: [{ filename: ".github/runbooks/a.yml", status: "modified" }], want: [".github/runbooks/a.yml"] },
    { name: ".yaml counts", files: [{ filename: ".github/runbooks/b.yaml", status: "added" }], want: [".github/runbooks/b.yaml"] },
    { name: "a removed runbook has nothing to check", files: [{ filename: ".github/runbooks/a.yml", status: "removed" }], want: [] },
    { name: "not YAML", files: [{ filename: ".github/runbooks/README.md", status: "added" }], want: [] },
    { name: "outside the directory", files: [{ filename: ".github/workflows/ci.yml", status: "modified" }], want: [] },
    { name: "a sibling folder with the same prefix", files: [{ filename: ".github/runbooks-old/a.yml", status: "modified" }], want: [] },
    { name: "a subfolder", files: [{ filename: ".github/runbooks/llm/a.yml", status: "renamed" }], want: [".github/runbooks/llm/a.yml"] },
  ])("$name", ({ files, want }) => {
    expect(changedRunbookPaths(files, ".github/runbooks/")).toEqual(want);
    expect(changedRunbookPaths(files, ".github/runbooks")).toEqual(want);
  });

  it(`checks at most ${MAX_CHECKED_FILES} files`, () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ filename: `rb/${i}.yml`, status: "added" }));
    expect(changedRunbookPaths(many, "rb")).toEqual(many.slice(0, MAX_CHECKED_FILES).map((f) => f.filename));
  });
});
