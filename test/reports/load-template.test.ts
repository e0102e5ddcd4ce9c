import { describe, expect, it } from "vitest";
import { createTemplateEnvironment } from "../../src/reports/environment/create-template-environment.js";
import { REPORT_KINDS, defaultTemplate } from "../../src/reports/default-templates.js";
import { loadTemplate, templateOverridePath } from "../../src/reports/load-template.js";

describe("loadTemplate", () => {
  it.each(REPORT_KINDS)("uses the packaged default for %s when the repository has none", (kind) => {
    const result = loadTemplate(kind, undefined);
    expect(result).toEqual({
      ok: true,
      template: { kind, source: defaultTemplate(kind), origin: "default", path: `templates/${kind}.md.hbs` },
    });
    expect(defaultTemplate(kind)).toMatch(/^\{\{!--/);
  });

  it.each(REPORT_KINDS)("the default %s template passes the same checks as a repository's", (kind) => {
    expect(createTemplateEnvironment().validate(defaultTemplate(kind))).toBeUndefined();
  });

  it("takes a valid override as is", () => {
    const result = loadTemplate("postmortem", "# {{incident.title}}\n");
    expect(result).toEqual({
      ok: true,
      template: {
        kind: "postmortem",
        source: "# {{incident.title}}\n",
        origin: "repository",
        path: ".github/firewatch/templates/postmortem.md.hbs",
      },
    });
  });

  it.each([
    ["", 1, "the template is empty"],
    ["  \n", 1, "the template is empty"],
    ["# Recovery\n\n{{#each steps}}\n{{name}}\n", 5, "syntax error: the template ended inside an expression or block (check that every {{ has a matching }} and every block is closed)"],
    ["ok\n{{this.__proto__.x}}", 2, '"__proto__" is not allowed in a template (prototype access is refused)'],
  ])("reports a broken override with its path and line: %j", (source, line, message) => {
    expect(loadTemplate("recovery-report", source)).toEqual({
      ok: false,
      path: ".github/firewatch/templates/recovery-report.md.hbs",
      error: { message, line, column: expect.any(Number) },
    });
  });

  it("names the override path for each kind", () => {
    expect(REPORT_KINDS.map(templateOverridePath)).toEqual([
      ".github/firewatch/templates/postmortem.md.hbs",
      ".github/firewatch/templates/recovery-report.md.hbs",
    ]);
  });
});
