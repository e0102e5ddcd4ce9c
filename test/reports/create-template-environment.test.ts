import { describe, expect, it } from "vitest";
import { createTemplateEnvironment } from "../../src/reports/environment/create-template-environment.js";
import { MermaidDiagram } from "../../src/reports/mermaid/mermaid-diagram.js";

const env = createTemplateEnvironment();

function failure(source: string, data: unknown = {}) {
  const result = env.render(source, data);
  if (result.ok) throw new Error(`expected a TemplateError, got output ${JSON.stringify(result.output.slice(0, 200))}`);
  return result.error;
}

function output(source: string, data: unknown = {}): string {
  const result = env.render(source, data);
  if (!result.ok) throw new Error(`${result.error.line}:${result.error.column} ${result.error.message}`);
  return result.output;
}

describe("safe template environment: must-hold attacks give a clear error at the line", () => {
  it.each([
    ["# Report\n\n{{constructor.constructor}}", 3, 3, /"constructor" is not allowed.*prototype access is refused/],
    ["# Report\n{{#with __proto__}}x{{/with}}", 2, 9, /"__proto__" is not allowed/],
    ['line 1\nline 2\n  {{lookup this "constructor"}}', 3, 17, /"constructor" is not allowed/],
    ["{{#each items}}\n  {{this.constructor.name}}\n{{/each}}", 2, 5, /"constructor" is not allowed/],
    ["{{@root.__proto__}}", 1, 3, /"__proto__"/],
    ['{{#with (lookup this "__proto__")}}{{/with}}', 1, 22, /"__proto__"/],
    ["{{[constructor]}}", 1, 3, /"constructor"/],
  ])("%j", (source, line, column, message) => {
    const error = failure(source);
    expect(error.message).toMatch(message);
    expect([error.line, error.column]).toEqual([line, column]);
  });

  it.each([
    ["ok\n{{{summary}}}", 2, 1],
    ["ok\n  {{& summary}}", 2, 3],
  ])("refuses unescaped output: %j", (source, line, column) => {
    expect(failure(source, { summary: "<script>" })).toEqual({
      message: "{{{…}}} and {{&…}} (unescaped output) are not allowed: use {{…}} or a helper such as {{md …}}",
      line,
      column,
    });
  });

  it("refuses a prototype name that only arrives in the data, at the lookup's line", () => {
    const error = failure("ok\n{{lookup this field}}", { field: "constructor" });
    expect(error).toEqual({ message: expect.stringMatching(/"constructor" is not allowed/), line: 2, column: 1 });
  });

  it("stops a recursive partial at the recursive call", () => {
    const source = [
      "# Report",
      '{{#*inline "node"}}',
      "  - {{name}}",
      "  {{> node}}",
      "{{/inline}}",
      "{{> node}}",
    ].join("\n");
    const error = failure(source, { name: "x" });
    expect(error.message).toMatch(/partial "node" is nested more than 8 deep \(does it call itself\?\)/);
    expect(error.line).toBe(4);
  });

  it("bounds partial fan-out (each call calls the next ten times)", () => {
    const defs = ["a", "b", "c", "d", "e"].map(
      (name, i, all) => `{{#*inline "${name}"}}${i + 1 < all.length ? `{{> ${all[i + 1]}}}`.repeat(10) : "x"}{{/inline}}`,
    );
    const error = failure(`${defs.join("\n")}\n{{> a}}`);
    expect(error.message).toMatch(/partials were called more than 1000 times/);
    // The 1,001st call is a call of "e", first made from the definition of "d".
    expect(error.line).toBe(4);
  });

  it.each([
    ["# Title\n\n{{#each items}}\n{{name}\n{{/each}}", 4, /syntax error: unexpected INVALID/],
    ["# Title\n{{#each items}}\n{{/if}}", 2, /syntax error: each doesn't match if/],
    ["ok\n{{#if x}}\nnever closed", 3, /syntax error: the template ended inside/],
    ["a\n  b {{ }}", 2, /syntax error/],
  ])("reports a syntax error at its line: %j", (source, line, message) => {
    const error = failure(source);
    expect(error.message).toMatch(message);
    expect(error.line).toBe(line);
    expect(env.validate(source)).toEqual(error);
  });

  it("points at the column of an unclosed mustache", () => {
    expect(failure("x\nSummary: {{summary}\n")).toMatchObject({ line: 2, column: 19 });
  });

  it("stops a 10 MB output at the loop that makes it", () => {
    // 100 × 100 × 1,000 characters = 10 MB if nothing stopped it.
    const items = Array.from({ length: 100 }, (_, i) => i);
    const source = "# Report\n\n{{#each items}}\n{{#each ../items}}{{@root.pad}}{{/each}}\n{{/each}}";
    const error = failure(source, { items, pad: "x".repeat(1_000) });
    expect(error.message).toBe("over budget: this loop produced more than 1048576 characters of output (the limit)");
    expect([error.line, error.column]).toEqual([3, 1]);
  });

  it("bounds output that no loop makes (a long value repeated)", () => {
    const small = createTemplateEnvironment({ maxOutputLength: 1_000 });
    const result = small.render("{{x}}{{x}}{{x}}", { x: "y".repeat(400) });
    expect(result).toEqual({
      ok: false,
      error: { message: "over budget: the template produced more than 1000 characters of output (the limit)", line: 1, column: 1 },
    });
  });

  it("bounds loop iterations over all loops", () => {
    const small = createTemplateEnvironment({ maxIterations: 50 });
    const result = small.render("x\n{{#each a}}{{#each ../a}}.{{/each}}{{/each}}", { a: Array.from({ length: 10 }) });
    expect(result).toMatchObject({ ok: false, error: { message: "over budget: loops ran more than 50 times in total", line: 2 } });
  });

  it("bounds the time a render takes, measured at each loop iteration (a clock that moves 1 ms a call)", () => {
    let now = 0;
    const slow = createTemplateEnvironment({ maxRenderMs: 20 }, { clock: () => (now += 1) });
    const result = slow.render("a\nb\n{{#each a}}{{#each ../a}}.{{/each}}{{/each}}", { a: Array.from({ length: 10 }) });
    expect(result).toMatchObject({ ok: false, error: { message: "over budget: rendering took longer than 20 ms", line: 3 } });
    expect(slow.render("{{#each a}}.{{/each}}", { a: [1, 2] })).toEqual({ ok: true, output: ".." });
  });

  it("refuses a call of a helper the environment does not have before rendering anything", () => {
    expect(env.validate("a\n  {{#if (shout x)}}y{{/if}}")).toEqual({ message: 'unknown helper "shout"', line: 2, column: 9 });
    expect(env.validate("{{x}} {{#x}}{{/x}} {{md x}} {{@root.x}}")).toBeUndefined();
  });

  it("refuses oversized templates and deep nesting", () => {
    const small = createTemplateEnvironment({ maxTemplateLength: 10 });
    expect(small.validate("x".repeat(11))).toMatchObject({ message: "the template is longer than 10 characters" });
    const deep = "{{#if a}}".repeat(40) + "{{/if}}".repeat(40);
    expect(env.validate(deep)).toMatchObject({ message: "blocks are nested more than 32 deep", line: 1, column: 289 });
  });

  it.each([
    ["{{nope 1}}", /unknown helper "nope"/],
    ["\n{{> missing}}", /The partial missing could not be found/],
  ])("turns run-time errors into TemplateErrors: %j", (source, message) => {
    expect(failure(source).message).toMatch(message);
  });

  it("gives the line of a missing partial", () => {
    expect(failure("a\nb\n  {{> missing}}")).toMatchObject({ line: 3, column: 3 });
  });

  it("does not call functions in the data, nor reach prototypes through it", () => {
    let called = false;
    const data = { fn: () => ((called = true), "ran"), obj: JSON.parse('{"__proto__": {"polluted": "yes"}}') };
    expect(output("[{{fn}}][{{obj.polluted}}][{{#each obj}}{{@key}}{{/each}}]", data)).toBe("[][][]");
    expect(called).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [123, "a template must be text"],
    [{ type: "Program", body: [], strip: {} }, "a template must be text"],
    [null, "a template must be text"],
  ])("compiles only strings, never a pre-built AST: %j", (source, message) => {
    expect(env.render(source as unknown as string, {})).toEqual({ ok: false, error: { message, line: 1, column: 1 } });
    expect(env.validate(source as unknown as string)).toEqual({ message, line: 1, column: 1 });
  });

  it("keeps environments apart", () => {
    const other = createTemplateEnvironment();
    expect(output("{{eq 1 1}}")).toBe("true");
    expect(other.render("{{eq 1 1}}", {})).toEqual({ ok: true, output: "true" });
  });
});

describe("escaping: {{x}} gives safe Markdown text", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["ping @alice and @acme/sre", "ping @\u200Balice and @\u200Bacme/sre"],
    ["fixed in #12 and acme/x#3", "fixed in #\u200B12 and acme/x#\u200B3"],
    ["<!-- firewatch:card -->", "&lt;!-- firewatch:card --&gt;"],
    ["&#64;bob", "&amp;#\u200B64;bob"],
  ])("%j", (value, expected) => {
    expect(output("{{v}}", { v: value })).toBe(expected);
  });

  it("as plain text (a workflow input): no HTML escaping, code fences kept, mentions still neutralised", () => {
    const result = env.render("{{v}}|{{w}}", { v: 'Rollback <v2> & "A/B"', w: "```\n@alice" }, { as: "text" });
    expect(result).toEqual({ ok: true, output: 'Rollback <v2> & "A/B"|```\n@\u200Balice' });
  });

  it("caps long data strings with a visible marker", () => {
    const small = createTemplateEnvironment({ maxDataStringLength: 30 });
    const result = small.render("{{v}}", { v: "x".repeat(100) });
    expect(result).toEqual({ ok: true, output: `${"x".repeat(17)}… (truncated)` });
  });
});

describe("helpers", () => {
  const data = {
    start: "2026-03-14T09:00:00Z",
    end: "2026-03-14T10:23:41Z",
    tags: ["gpu", "<b>", "@oncall"],
    note: "a | b\nc",
    diagram: new MermaidDiagram("gantt\n  title x\n  section s\n  style fill:#333"),
    empty: "",
  };
  it.each([
    ["{{date start}}", "2026-03-14 09:00 UTC"],
    ['{{date start "date"}}', "2026-03-14"],
    ['{{date start "time"}}', "09:00 UTC"],
    ["{{date missing}}", "—"],
    ["{{duration start end}}", "1h 23m"],
    ["{{duration 45000}}", "45s"],
    ["{{duration 93784000}}", "1d 2h"],
    ["{{duration end start}}", "—"],
    ["{{duration start missing}}", "—"],
    ["{{join tags}}", "gpu, &lt;b&gt;, @\u200Boncall"],
    ['{{join tags " / "}}', "gpu / &lt;b&gt; / @\u200Boncall"],
    ["| {{cell note}} |", "| a \\| b<br>c |"],
    ["{{md note}}", "a | b\nc"],
    ['{{#if (eq empty "")}}yes{{/if}}', "yes"],
    ['{{default empty "none"}}', "none"],
    ['{{default tags "none"}}', "gpu,&lt;b&gt;,@\u200Boncall"],
    ["{{mermaid diagram}}", "```mermaid\ngantt\n  title x\n  section s\n  style fill:#333\n```"],
    ["{{mermaid note}}", "```mermaid\na | b\nc\n```"],
    ["{{mermaid missing}}", ""],
    ["{{#each tags}}{{@index}}={{this}};{{/each}}", "0=gpu;1=&lt;b&gt;;2=@\u200Boncall;"],
    ["{{#each missing}}x{{else}}none{{/each}}", "none"],
    ["{{#each tags as |t i|}}{{i}}{{t}} {{/each}}", "0gpu 1&lt;b&gt; 2@\u200Boncall "],
  ])("%s", (source, expected) => {
    expect(output(source, data)).toBe(expected);
  });

  it("refuses an unknown date style at its line", () => {
    expect(failure('\n{{date start "long"}}', data)).toMatchObject({ line: 2, message: expect.stringMatching(/date: style must be/) });
  });

  it("fences a diagram so a backtick run inside cannot close it", () => {
    const out = output("{{mermaid d}}", { d: new MermaidDiagram("graph TD\n  A[```]") });
    expect(out.startsWith("````mermaid\n")).toBe(true);
    expect(out.endsWith("\n````")).toBe(true);
  });
});
