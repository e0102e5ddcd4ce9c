import { describe, expect, it } from "vitest";
import { validateRunbook } from "../../src/runbooks/validate-runbook.js";

const head = "name: demo\nsteps:\n";
const step = (id: string, extra = "", run = "kind: manual") => `  - id: ${id}\n    title: ${id}\n    type: assess\n    run: { ${run} }\n${extra}`;

const cases: { name: string; source: string; line: number; message: RegExp; column?: number }[] = [
  { name: "invalid YAML", source: head + "  - id: a\n    title: [oops\n", line: 5, message: /./ },
  { name: "missing title", source: head + "  - id: a\n    type: assess\n    run: { kind: manual }\n", line: 3, message: /title is required/ },
  { name: "unknown step kind", source: head + step("a", "", "kind: teleport"), line: 6, message: /unknown step kind; valid kinds: manual, comment, label, assign, workflow, http, approval/ },
  { name: "unknown field", source: head + step("a", "    nedds: [b]\n"), line: 7, message: /unknown field "nedds"/, column: 5 },
  { name: "bad type", source: head + "  - id: a\n    title: a\n    type: fix\n    run: { kind: manual }\n", line: 5, message: /type must be one of assess, communicate/ },
  { name: "duplicate id", source: head + step("a") + step("a"), line: 7, message: /duplicate step id "a"/ },
  { name: "unknown needs", source: head + step("a") + step("b", "    needs: [c]\n"), line: 11, message: /needs unknown step "c"/ },
  { name: "cycle", source: head + step("a", "    needs: [c]\n") + step("b", "    needs: [a]\n") + step("c", "    needs: [b]\n"), line: 7, message: /cycle: a → c → b → a|cycle: a → b → c → a/ },
  { name: "http host not allowed", source: head + step("a", "", "kind: http, url: 'https://evil.example.com/x'"), line: 6, message: /host "evil.example.com" is not in runbooks.http_allow/ },
  { name: "bad duration", source: head + step("a", "    timeout: soon\n"), line: 7, message: /duration/ },
  { name: "template syntax error", source: head + "  - id: a\n    title: a\n    type: communicate\n    run:\n      kind: comment\n      template: |\n        Hello\n        {{incident.title}\n        oops\n", line: 10, message: /template error/ },
  { name: "triple-stash (unescaped output)", source: head + "  - id: a\n    title: a\n    type: communicate\n    run:\n      kind: comment\n      template: |\n        Hello\n        {{{incident.title}}}\n", line: 10, message: /template error: \{\{\{…\}\}\} and \{\{&…\}\} \(unescaped output\) are not allowed/ },
  { name: "triple-stash in a workflow input", source: head + step("a", "", "kind: workflow, workflow: roll.yml, inputs: { reason: '{{{incident.title}}}' }"), line: 6, message: /unescaped output/ },
  { name: "blocks nested past the budget", source: head + step("a", "", `kind: comment, template: '${"{{#each incident.labels}}".repeat(33)}${"{{/each}}".repeat(33)}'`), line: 6, message: /template error: blocks are nested more than 32 deep/ },
  { name: "unknown helper", source: head + step("a", "", "kind: comment, template: '{{shout incident.title}}'"), line: 6, message: /template error: unknown helper "shout"/ },
  { name: "alias", source: head + step("a", "    when: &w { severities: [high] }\n") + step("b", "    when: *w\n"), line: 12, message: /aliases/ },
  { name: "recovery without objectives", source: "name: demo\nkind: recovery\nsteps:\n" + step("a"), line: 2, message: /needs objectives/ },
];

describe("validateRunbook", () => {
  it.each(cases)("$name → line $line", ({ source, line, message, column }) => {
    const result = validateRunbook(source, ".github/runbooks/demo.yml");
    expect(result.runbook).toBeUndefined();
    const error = result.errors.find((e) => message.test(e.message));
    expect(error, JSON.stringify(result.errors)).toBeDefined();
    expect(error?.line).toBe(line);
    if (column !== undefined) expect(error?.column).toBe(column);
    expect(error?.path).toBe(".github/runbooks/demo.yml");
  });

  it("accepts allowed hosts, wildcard subdomains, and a valid runbook", () => {
    const source = head + step("a", "", "kind: http, url: 'https://api.status.example.com/health'") + step("b");
    const result = validateRunbook(source, "x.yml", { httpAllow: ["*.status.example.com"] });
    expect(result.errors).toEqual([]);
    expect(result.runbook?.steps.map((s) => s.id)).toEqual(["a", "b"]);
  });

  it("never throws on hostile input", () => {
    for (const source of ["", "[]", "42", "name: x\nsteps: 7\n", "__proto__: {steps: []}\n", "\u0000\u0001"]) {
      expect(() => validateRunbook(source, "x.yml")).not.toThrow();
      expect(validateRunbook(source, "x.yml").errors.length).toBeGreaterThan(0);
    }
  });
});
