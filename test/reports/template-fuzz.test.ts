import { describe, expect, it } from "vitest";
import { createTemplateEnvironment } from "../../src/reports/environment/create-template-environment.js";

// Fragments that, glued together at random, make broken, odd and hostile templates.
const FRAGMENTS = [
  "{{", "}}", "{{{", "}}}", "{{#each items}}", "{{/each}}", "{{#if a}}", "{{else}}", "{{/if}}", "{{#with a}}", "{{/with}}",
  "{{> p}}", '{{#*inline "p"}}', "{{/inline}}", "{{> @partial-block}}", "{{* deco}}", "{{lookup this k}}", "{{../a}}",
  "{{@root.items.length}}", "{{date a}}", "{{duration 5 a}}", "{{join items}}", "{{mermaid a}}", "{{cell a}}", "{{nope 1}}",
  "{{!-- c --}}", "{{!", "\\{{a}}", "{{a.b.c}}", "{{this}}", "{{@index}}", "{{[a b]}}", "(", ")", "=", '"', "|", "\n", "text ",
  "{{#each items as |x i|}}", "{{x}}", "{{log a}}", "{{#unless a}}", "{{/unless}}", "{{~a~}}", "{{&a}}", "{{{{raw}}}}", "{{{{/raw}}}}",
];

describe("fuzzed templates never crash the app", () => {
  it("returns output or a TemplateError with a line for 2,000 random templates", () => {
    const env = createTemplateEnvironment({ maxOutputLength: 100_000, maxIterations: 5_000 });
    const data = { a: "@x <b> #1", k: "constructor", items: ["1", "2", "3"], deco: () => "never called" };
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    let errors = 0;
    for (let n = 0; n < 2_000; n++) {
      const source = Array.from({ length: 1 + (next() % 12) }, () => FRAGMENTS[next() % FRAGMENTS.length]).join("");
      const result = env.render(source, data);
      if (result.ok) {
        expect(result.output).not.toMatch(/<b>|@x|#1/);
      } else {
        errors += 1;
        expect(result.error.message.length).toBeGreaterThan(0);
        expect(result.error.line).toBeGreaterThanOrEqual(1);
        expect(result.error.line).toBeLessThanOrEqual(source.split("\n").length + 1);
        expect(result.error.column).toBeGreaterThanOrEqual(1);
      }
    }
    // Both paths are exercised: plenty of templates render, plenty fail.
    expect(errors).toBeGreaterThan(100);
    expect(2_000 - errors).toBeGreaterThan(100);
  });
});
