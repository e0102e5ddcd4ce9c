import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { startFirewatch } from "../support/firewatch.js";

describe("configuration from the repository", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("uses renamed labels from .github/firewatch.yml", async () => {
    scenario = await startFirewatch({
      files: {
        ".github/firewatch.yml":
          "labels:\n  incident: outage\n  status_prefix: 'state/'\ndefault_severity: medium\n",
      },
    });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Token usage spike", labels: ["outage"] });
    await gh.settle();
    expect(gh.issue(n).labels.sort()).toEqual(["outage", "severity:medium", "state/detected"]);
  });

  it("shows an invalid field on the incident card and goes on with the default", async () => {
    scenario = await startFirewatch({
      files: {
        ".github/firewatch.yml": "default_severity: extreme\npermissions:\n  commands: everyone\n",
      },
    });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Gateway 502s", labels: ["incident"] });
    await gh.settle();
    const issue = gh.issue(n);
    expect(issue.labels).toContain("severity:high");
    const card = issue.comments[0]!.body;
    expect(card).toContain("`default_severity`");
    expect(card).toContain("`permissions.commands`");
    expect(card).toContain("(the default is used)");
  });

  it("reports a file that is not YAML and still declares the incident", async () => {
    scenario = await startFirewatch({
      files: { ".github/firewatch.yml": "labels: [unclosed\n  - : :" },
    });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Embeddings down", labels: ["incident"] });
    await gh.settle();
    const issue = gh.issue(n);
    expect(issue.labels).toContain("status:detected");
    expect(issue.comments[0]!.body).toMatch(/`\(file\)` could not be read/);
  });
});
