import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { fakeCliIo } from "../support/fake-cli-io.js";

const NESTED_EACH = `${"{{#each @root.incident.service_list}}".repeat(30)}x${"{{/each}}".repeat(30)}`;

const RUNAWAY = `name: runaway
steps:
  - id: fan-out
    title: Every combination
    type: communicate
    run:
      kind: comment
      template: |
        Services:
        ${NESTED_EACH}
  - id: roll
    title: Roll back
    type: remediate
    run: { kind: workflow, workflow: roll-back.yml, inputs: { reason: "{{incident.title}}" } }
`;

const TRIPLE_STASH = `name: planted
steps:
  - id: tell
    title: Tell
    type: communicate
    run:
      kind: comment
      template: |
        Looking into
        {{{incident.title}}}
`;

const fakeIo = fakeCliIo;

describe("firewatch CLI: runbook templates", () => {
  it("dry-run of a 30-deep {{#each}} over two services ends with the over-budget error on that step; inputs shown as the workflow gets them", async () => {
    const { io, out } = fakeIo({ "/repo/runaway.yml": RUNAWAY });
    const code = await runCli(["dry-run", "runaway.yml", "--severity", "critical", "--service", "inference", "--service", "gateway", "--title", 'Rollback <v2> & "A/B"'], io);
    expect(code).toBe(0);
    const text = out.join("\n");
    expect(text).toMatch(/1\. \*\*Every combination\*\* `fan-out`[^\n]*\n {3}❌ template error at line 2, column \d+ of the template: over budget: loops ran more than 10000 times in total\n/);
    expect(text).toContain('with `reason=Rollback <v2> & "A/B"`');
  });

  it.each([
    ["validate", ["validate", "planted.yml"], "out"],
    ["dry-run", ["dry-run", "planted.yml"], "err"],
  ] as const)("%s refuses {{{…}}} at its line", async (_name, args, stream) => {
    const { io, out, err } = fakeIo({ "/repo/planted.yml": TRIPLE_STASH });
    expect(await runCli([...args], io)).toBe(1);
    expect((stream === "out" ? out : err).join("\n")).toMatch(/planted\.yml:10:\d+: .*template error: \{\{\{…\}\}\} and \{\{&…\}\} \(unescaped output\) are not allowed/);
  });
});
