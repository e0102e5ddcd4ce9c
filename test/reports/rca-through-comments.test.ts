import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { DELIVERY_MODES, startFirewatch } from "../support/firewatch.js";

const CONFIG =
  "services:\n  inference:\n    team: '@acme/ml-serving'\npostmortem:\n  when: command\n";

describe.each(DELIVERY_MODES)("root-cause analysis from comments ($name)", ({ deliverTwice }) => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("records the five whys, causes, trigger, root cause and lessons once each, and the postmortem shows them", async () => {
    scenario = await startFirewatch({
      deliverTwice,
      files: { ".github/firewatch.yml": CONFIG },
      collaborators: { priya: "write" },
    });
    const { gh } = scenario;
    const n = gh
      .as("priya")
      .openIssue({ title: "Inference down: CUDA OOM", labels: ["incident", "severity:critical"] });
    await gh.settle();
    gh.as("priya").comment(
      n,
      [
        "/why the inference pods ran out of GPU memory",
        "/why requests grew 300% in ten minutes",
        "/why a marketing campaign launched without warning the platform team",
        "/cause process no capacity review before campaigns",
        "/trigger the 14:00 campaign email",
        "/root-cause no capacity planning or autoscaling for launches",
        "/lesson went-well the runbook rolled the model back in 4 minutes",
      ].join("\n"),
    );
    await gh.settle();
    gh.as("priya").comment(n, "/cause astrology the stars");
    gh.as("priya").comment(n, "/postmortem");
    await gh.settle();

    const comments = gh.issue(n).comments;
    const card = comments.find((c) => c.body.includes("## 🔥 Incident"))!.body;
    expect(card).toContain("**Trigger:** the 14:00 campaign email");
    expect(card).toContain("no capacity planning or autoscaling for launches");
    expect(comments.some((c) => c.body.includes("`astrology`") && c.body.includes("process"))).toBe(
      true,
    );

    const branch = `firewatch/postmortem-${n}`;
    const paths = [...(gh.repo.branches.get(branch)?.keys() ?? [])].filter((p) =>
      p.startsWith("docs/postmortems/"),
    );
    expect(paths).toHaveLength(1);
    const file = gh.fileOn(branch, paths[0]!) ?? "";
    expect(file).toContain("the 14:00 campaign email");
    // One row per why, even with every webhook delivered twice.
    expect(file.split("\n").filter((l) => /^\| \d \| /.test(l))).toHaveLength(3);
    expect(file).toContain("a marketing campaign launched without warning the platform team");
    expect(file).toContain("the runbook rolled the model back in 4 minutes");
  });
});
