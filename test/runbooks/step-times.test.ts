import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { startRunbookFirewatch } from "../support/runbook-firewatch.js";

const RUNBOOK = `name: look-then-act
triggers:
  severities: [high]
steps:
  - id: look
    title: Look at the KV-cache dashboard
    type: assess
    run: { kind: manual }
  - id: act
    title: Shed load at the gateway
    type: remediate
    run: { kind: manual }
`;

const runbookComment = (s: Scenario, n: number) =>
  s.gh.issue(n).comments.find((c) => c.body.includes("### 📘 Runbook"))!;
const minute = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

describe("runbook step times are GitHub's, not the app's clock", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("a step completed by /step done or a ticked box ends when GitHub says the comment was written, however late the delivery", async () => {
    scenario = await startRunbookFirewatch({ files: { ".github/runbooks/look-then-act.yml": RUNBOOK } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "TTFT above 5 s", labels: ["incident"] });
    await gh.settle();

    gh.clock.advance("3m");
    const typed = gh.clock.iso();
    gh.as("alice").comment(n, "/step done look queue drained");
    gh.clock.advance("7m"); // the delivery arrives late
    await gh.settle();
    expect(runbookComment(scenario, n).body).toMatch(new RegExp(`\`look\` _assess_ — ✅ done · by @alice · at ${minute(typed)}`));

    gh.clock.advance("5m");
    const ticked = gh.clock.iso();
    const comment = runbookComment(scenario, n);
    gh.as("alice").editComment(comment.id, comment.body.replace("- [ ] **Shed load at the gateway**", "- [x] **Shed load at the gateway**"));
    gh.clock.advance("9m");
    await gh.settle();
    expect(runbookComment(scenario, n).body).toMatch(new RegExp(`\`act\` _remediate_ — ✅ done · by @alice · at ${minute(ticked)}`));
  });
});
