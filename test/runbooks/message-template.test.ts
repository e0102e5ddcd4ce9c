import { describe, expect, it } from "vitest";
import { defaultMessageRenderer as renderer, MAX_MESSAGE_CHARS } from "../../src/runbooks/message-template.js";
import { incidentScope } from "../../src/runbooks/runbook-incident.js";

const scope = incidentScope({ number: 7, title: 'Rollback <v2> & "A/B"', severity: "high", services: ["inference", "gateway"], labels: ["incident"] }, "roll-back");

/** `{{#each}}` nested `depth` deep over the incident's services: 2^depth iterations if nothing stopped it. */
const nestedEach = (depth: number) => `${"{{#each @root.incident.service_list}}".repeat(depth)}x${"{{/each}}".repeat(depth)}`;

describe("runbook templates: checked before they run", () => {
  it.each([
    { name: "triple-stash", template: "Title:\n{{{incident.title}}}", message: /\{\{\{…\}\}\} and \{\{&…\}\} \(unescaped output\) are not allowed/, line: 2 },
    { name: "ampersand", template: "{{& incident.title}}", message: /unescaped output/, line: 1 },
    { name: "prototype path", template: "{{incident.constructor.name}}", message: /"constructor" is not allowed/, line: 1 },
    { name: "prototype lookup", template: '{{lookup incident "__proto__"}}', message: /"__proto__" is not allowed/, line: 1 },
    { name: "unknown helper", template: "ok\n\n{{shout incident.title}}", message: /unknown helper "shout"/, line: 3 },
    { name: "syntax", template: "{{#if incident.title}} unclosed", message: /syntax error/, line: 1 },
    { name: "blocks nested past the limit", template: `${"{{#if a}}".repeat(40)}${"{{/if}}".repeat(40)}`, message: /blocks are nested more than 32 deep/, line: 1 },
    { name: "template too long", template: "x".repeat(256 * 1024 + 1), message: /the template is longer than 262144 characters/, line: 1 },
  ])("refuses $name at line $line", ({ template, message, line }) => {
    const error = renderer.check(template);
    expect(error?.message).toMatch(/^template error: /);
    expect(error?.message).toMatch(message);
    expect(error?.line).toBe(line);
  });

  it.each(["Rolling back {{incident.title}} ({{incident.severity}})", "{{#each incident.service_list}}- {{this}}\n{{/each}}", "{{#if (eq incident.severity 'high')}}page{{/if}}", "{{md incident.title}}"])("accepts %j", (template) => {
    expect(renderer.check(template)).toBeUndefined();
  });
});

describe("runbook templates: bounded when they run", () => {
  it("stops {{#each}} nested 30 deep over two services with an over-budget error at its line", () => {
    const result = renderer.render(`Services:\n${nestedEach(30)}`, scope);
    expect(result).toMatchObject({ ok: false, error: { line: 2, message: expect.stringMatching(/^template error at line 2, column \d+ of the template: over budget: loops ran more than 10000 times in total$/) } });
  });

  it("stops output a comment cannot hold", () => {
    const result = renderer.render(`${nestedEach(12)}{{incident.title}}`.replace("x", "x".repeat(20)), scope);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(new RegExp(`over budget: .* more than ${MAX_MESSAGE_CHARS} characters`)) } });
  });

  it.each([
    { as: "markdown" as const, expected: 'Rollback &lt;v2&gt; &amp; &quot;A/B&quot;' },
    { as: "text" as const, expected: 'Rollback <v2> & "A/B"' },
  ])("{{incident.title}} as $as", ({ as, expected }) => {
    expect(renderer.render("{{incident.title}}", scope, as)).toEqual({ ok: true, text: expected });
  });

  it("still neutralises mentions in plain text, and never reaches prototypes", () => {
    const mention = incidentScope({ number: 1, title: "@alice see #12", severity: "high", services: [], labels: [] }, "r");
    expect(renderer.render("{{incident.title}}", mention, "text")).toEqual({ ok: true, text: "@\u200Balice see #\u200B12" });
    expect(renderer.render("{{incident.title}}", JSON.parse('{"incident": {"__proto__": {"title": "planted"}}}') as Record<string, unknown>, "text")).toEqual({ ok: true, text: "" });
  });
});
