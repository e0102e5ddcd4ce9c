import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { DELIVERY_MODES } from "../support/firewatch.js";
import { startRunbookFirewatch } from "../support/runbook-firewatch.js";

const GOOD = `name: good
triggers:
  severities: [high]
steps:
  - id: tell
    title: Tell the channel
    type: communicate
    run: { kind: comment, template: "Looking into {{incident.title}}." }
`;

const step = (id: string, run: string, extra = "") => `  - id: ${id}\n    title: ${id}\n    type: assess\n${extra}    run: ${run}\n`;

/** Each bad file, and the line its error must be reported at. */
const BAD: Record<string, { text: string; line: number; message: RegExp }> = {
  "invalid-yaml": { text: "name: broken\nsteps:\n  - id: a\n    title: [unclosed\n", line: 5, message: /./ },
  "alias-bomb": { text: `name: bomb\na: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n`, line: 3, message: /aliases \(\*name\) are not allowed/ },
  "deep-nesting": { text: `name: deep\nsteps: ${"[".repeat(200)}${"]".repeat(200)}\n`, line: 2, message: /./ },
  "unknown-kind": { text: `name: unknown-kind\nsteps:\n${step("a", "{ kind: manual }")}${step("b", "{ kind: teleport }")}`, line: 10, message: /unknown step kind; valid kinds: manual, comment/ },
  cycle: { text: `name: cycle\nsteps:\n${step("a", "{ kind: manual }", "    needs: [b]\n")}${step("b", "{ kind: manual }", "    needs: [a]\n")}`, line: 6, message: /cycle/ },
  "triple-stash": { text: `name: triple-stash\nsteps:\n${step("a", "{ kind: manual }")}  - id: b\n    title: b\n    type: communicate\n    run:\n      kind: comment\n      template: |\n        Looking into\n        {{{incident.title}}}\n`, line: 14, message: /template error: \{\{\{…\}\}\} and \{\{&…\}\} \(unescaped output\) are not allowed/ },
  "template-error": { text: `name: template-error\nsteps:\n${step("a", "{ kind: manual }")}${step("b", '{ kind: comment, template: "Hello {{#if incident.title}} unclosed" }')}`, line: 10, message: /template error/ },
};

const MANY_ERRORS = `name: many-errors\nsteps:\n${Array.from({ length: 60 }, (_, i) => step(`s${i}`, "{ kind: manual }", "    colour: red\n")).join("")}`;

describe.each(DELIVERY_MODES)("the firewatch/runbooks check ($name)", ({ deliverTwice }) => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("annotates every error at its line, in batches of 50, and dry-runs the valid runbook", async () => {
    scenario = await startRunbookFirewatch({ deliverTwice });
    const { gh } = scenario;
    const changes: Record<string, string> = { ".github/runbooks/good.yml": GOOD, ".github/runbooks/many-errors.yml": MANY_ERRORS, ".github/runbooks/huge.yml": `name: huge\n# ${"x".repeat(5 * 1024 * 1024)}\n`, "README.md": "not a runbook" };
    for (const [name, bad] of Object.entries(BAD)) changes[`.github/runbooks/${name}.yml`] = bad.text;
    const pr = gh.runbooks().openPullRequest("alice", { title: "Runbooks", head: "runbooks", changes });
    await gh.settle();

    const checks = gh.checkRuns();
    expect(checks).toHaveLength(1);
    const check = checks[0]!;
    expect(check).toMatchObject({ name: "firewatch/runbooks", headSha: gh.runbooks().headSha(pr), status: "completed", conclusion: "failure" });
    for (const [name, bad] of Object.entries(BAD)) {
      const found = check.annotations.filter((a) => a.path === `.github/runbooks/${name}.yml`);
      expect(found, name).not.toHaveLength(0);
      expect(found[0], name).toMatchObject({ start_line: bad.line, end_line: bad.line, annotation_level: "failure" });
      expect(found.map((a) => a.message).join(" | "), name).toMatch(bad.message);
    }
    expect(check.annotations.find((a) => a.path === ".github/runbooks/huge.yml")).toMatchObject({ start_line: 1, message: "the file is 5.0 MB; the limit is 256 KB" });
    const many = check.annotations.filter((a) => a.path === ".github/runbooks/many-errors.yml");
    expect(many).toHaveLength(60);
    expect(many[0]).toMatchObject({ start_line: 6, message: 'unknown field "colour"' });
    expect(check.annotationBatches.every((n) => n <= 50)).toBe(true);
    expect(check.summary).toContain("#### Dry run of `good`");
    expect(check.summary).toContain("> Looking into Synthetic incident (dry run).");

    gh.runbooks().pushToPullRequest("alice", pr, Object.fromEntries([...Object.keys(BAD), "many-errors", "huge"].map((n) => [`.github/runbooks/${n}.yml`, GOOD.replace("name: good", `name: fixed-${n}`)])));
    await gh.settle();
    const second = gh.checkRuns().filter((c) => c.headSha === gh.runbooks().headSha(pr));
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ conclusion: "success", annotations: [] });
  });

  it("bad runbook files on the default branch stop nothing: the valid one still starts", async () => {
    const files: Record<string, string> = { ".github/runbooks/good.yml": GOOD };
    for (const [name, bad] of Object.entries(BAD)) files[`.github/runbooks/${name}.yml`] = bad.text;
    scenario = await startRunbookFirewatch({ deliverTwice, files, collaborators: { alice: "triage" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "GPU OOM", labels: ["incident"] });
    await gh.settle();
    const comments = gh.issue(n).comments;
    expect(comments.filter((c) => c.body.includes("### 📘 Runbook `good` — succeeded"))).toHaveLength(1);
    expect(comments.filter((c) => c.body === "<!-- firewatch:key runbook:fw1-good-1:tell -->\nLooking into GPU OOM.")).toHaveLength(1);
  });
});
