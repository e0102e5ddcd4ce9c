import { describe, expect, it } from "vitest";
import { identifyRunbook, runbookIdOf } from "../../src/runbooks/runbook-identity.js";
import { validateRunbook } from "../../src/runbooks/validate-runbook.js";

const FILE = ".github/runbooks/db-failover.yml";
const step = (id: string, run = "manual", extra = "") => `  - id: ${id}\n    title: ${id}\n    type: assess\n    run: ${run}\n${extra}`;

describe("runbooks as people write them", () => {
  it.each([
    { name: "a bare manual kind", run: "manual", want: { kind: "manual" } },
    { name: "a bare approval kind", run: "approval", want: { kind: "approval" } },
    { name: "the mapping form still works", run: "{ kind: manual, instructions: Look }", want: { kind: "manual", instructions: "Look" } },
  ])("accepts $name", ({ run, want }) => {
    const result = validateRunbook(`name: Database failover\nsteps:\n${step("a", run)}`, FILE);
    expect(result.errors).toEqual([]);
    expect(result.runbook?.steps[0]?.run).toEqual(want);
  });

  it.each([
    { file: ".github/runbooks/db-failover.yml", source: "name: Database failover\n", id: "db-failover", title: "Database failover", alias: undefined },
    { file: ".github/runbooks/db-failover.yml", source: "", id: "db-failover", title: undefined, alias: undefined },
    { file: ".github/runbooks/db-failover.yml", source: "name: db-failover\n", id: "db-failover", title: undefined, alias: undefined },
    { file: ".github/runbooks/db-failover.yml", source: "name: failover\n", id: "db-failover", title: "failover", alias: "failover" },
    { file: ".github/runbooks/DB_Failover.yaml", source: "name: Database failover\n", id: "db-failover", title: "Database failover", alias: undefined },
  ])("$file with `$source` has id $id", ({ file, source, id, title, alias }) => {
    const result = validateRunbook(`${source}steps:\n${step("a")}`, file);
    expect(result.errors).toEqual([]);
    expect(result.runbook).toMatchObject({ name: id });
    expect(result.runbook?.title).toBe(title);
    expect(result.runbook?.alias).toBe(alias);
  });

  it.each([
    { path: "a.yml", id: "a" },
    { path: ".github/runbooks/gpu-oom.yaml", id: "gpu-oom" },
    { path: "runbooks/GPU OOM (inference).yml", id: "gpu-oom-inference" },
    { path: "runbooks/Réplica_Failover.yml", id: "replica-failover" },
    { path: "runbooks/🔥.yml", id: undefined },
  ])("runbookIdOf($path) = $id", ({ path, id }) => {
    expect(runbookIdOf(path)).toBe(id);
  });

  it("a name that only repeats the id is no title", () => {
    expect(identifyRunbook({ name: " db-failover ", kind: "response", on_failure: "stop", steps: [], rollback: [] }, "db-failover")).toEqual({ name: "db-failover", kind: "response", on_failure: "stop", steps: [], rollback: [] });
  });

  // Every problem is reported at its line and column (the key's, as everywhere), several at once.
  it.each<{ name: string; source: string; file?: string; want: { line: number; column: number; message: string }[] }>([
    { name: "a kind that needs options, written alone", source: `steps:\n${step("a", "comment")}`, want: [{ line: 5, column: 5, message: "run: a comment step needs options: write it as a mapping, run: { kind: comment, … } (only manual or approval can be written alone)" }] },
    { name: "an unknown bare kind", source: `steps:\n${step("a", "teleport")}`, want: [{ line: 5, column: 5, message: 'run: unknown step kind "teleport"; valid kinds: manual, comment, label, assign, workflow, http, approval (manual or approval may be written alone, e.g. run: manual)' }] },
    { name: "run of the wrong type", source: `steps:\n${step("a", "5")}`, want: [{ line: 5, column: 5, message: "run must be a mapping with a kind (or just manual or approval), found the number 5" }] },
    { name: "run left out", source: "steps:\n  - { id: a, title: a, type: assess }\n", want: [{ line: 2, column: 5, message: "run is required" }] },
    { name: "a mapping run still gets its own errors", source: `steps:\n${step("a", "{ kind: comment }")}`, want: [{ line: 5, column: 5, message: "template is required" }] },
    { name: "steps as text", source: "steps: restart the pods\n", want: [{ line: 1, column: 1, message: 'steps must be a list, found the text "restart the pods"' }] },
    { name: "a title as a number", source: "steps:\n  - { id: a, title: 42, type: assess, run: manual }\n", want: [{ line: 2, column: 14, message: "title must be text, found the number 42" }] },
    { name: "needs as text", source: `steps:\n${step("a")}${step("b", "manual", "    needs: a\n")}`, want: [{ line: 10, column: 5, message: 'needs must be a list, found the text "a"' }] },
    { name: "a need that is not text", source: `steps:\n${step("a")}${step("b", "manual", "    needs: [1]\n")}`, want: [{ line: 10, column: 13, message: "needs[0] must be text, found the number 1" }] },
    { name: "a severity that does not exist", source: `triggers: { severities: [urgent] }\nsteps:\n${step("a")}`, want: [{ line: 1, column: 26, message: 'severities[0] must be one of critical, high, medium, low, found the text "urgent"' }] },
    { name: "on_failure as a list", source: `on_failure: [stop]\nsteps:\n${step("a")}`, want: [{ line: 1, column: 1, message: "on_failure must be one of stop, continue, rollback, found a list of 1" }] },
    { name: "an empty name", source: `name:\nsteps:\n${step("a")}`, want: [{ line: 1, column: 1, message: "name must be text, found an empty value" }] },
    {
      name: "a duplicate id beside a missing title",
      source: `steps:\n${step("a")}  - { id: a, type: assess, run: manual }\n`,
      want: [
        { line: 6, column: 5, message: "title is required" },
        { line: 6, column: 7, message: 'duplicate step id "a" (first used by steps[0])' },
      ],
    },
    {
      name: "an unknown need beside an unknown kind",
      source: `steps:\n${step("a", "{ kind: teleport }")}${step("b", "manual", "    needs: [c]\n")}`,
      want: [
        { line: 5, column: 12, message: "unknown step kind; valid kinds: manual, comment, label, assign, workflow, http, approval" },
        { line: 10, column: 13, message: 'step "b" needs unknown step "c" (known steps ids: a, b)' },
      ],
    },
    {
      name: "a cycle beside a wrong type, in rollback too",
      source: `on_failure: 7\nsteps:\n${step("a", "manual", "    needs: [b]\n")}${step("b", "manual", "    needs: [a]\n")}rollback:\n${step("a")}`,
      want: [
        { line: 1, column: 1, message: "on_failure must be one of stop, continue, rollback, found the number 7" },
        { line: 7, column: 5, message: "steps form a cycle: a → b → a" },
        { line: 14, column: 5, message: 'duplicate step id "a" (already used in steps)' },
      ],
    },
    { name: "a file name without letters or digits", file: ".github/runbooks/🔥.yml", source: `steps:\n${step("a")}`, want: [{ line: 1, column: 1, message: "the file name gives no runbook id: name it with letters or digits, e.g. database-failover.yml (the id is what /runbook run takes)" }] },
  ])("$name", ({ source, file, want }) => {
    const result = validateRunbook(source, file ?? FILE);
    expect(result.runbook).toBeUndefined();
    expect(result.errors.map(({ line, column, message }) => ({ line, column, message }))).toEqual(want);
  });
});
