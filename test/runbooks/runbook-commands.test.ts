import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { DELIVERY_MODES } from "../support/firewatch.js";
import { startRunbookFirewatch } from "../support/runbook-firewatch.js";

const BY_HAND = `name: by-hand
steps:
  - id: look
    title: Look at the queue depth
    type: assess
    run: { kind: manual }
  - id: ship
    title: Ship the fix
    type: remediate
    run: { kind: approval }
  - id: tell
    title: Tell everyone
    type: communicate
    run: { kind: comment, template: "Fixed {{incident.title}}." }
`;

const BROKEN =
  "name: broken\nsteps:\n  - id: a\n    title: a\n    type: assess\n    run: { kind: teleport }\n";

describe.each(DELIVERY_MODES)("runbook commands ($name)", ({ deliverTwice }) => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  const start = async () => {
    scenario = await startRunbookFirewatch({
      deliverTwice,
      files: { ".github/runbooks/by-hand.yml": BY_HAND, ".github/runbooks/broken.yml": BROKEN },
      collaborators: { alice: "triage", lead: "write", reader: "read" },
    });
    const n = scenario.gh
      .as("alice")
      .openIssue({ title: "Queue saturation", labels: ["incident"] });
    await scenario.gh.settle();
    return { gh: scenario.gh, n };
  };
  const bodies = (s: Scenario, n: number) => s.gh.issue(n).comments.map((c) => c.body);

  it("lists, tests, runs, completes steps, refuses the unpermitted and cancels", async () => {
    const { gh, n } = await start();
    expect(bodies(scenario!, n).some((b) => b.includes("📘 Runbook"))).toBe(false);

    gh.as("alice").comment(n, "/runbook list");
    gh.as("alice").comment(n, "/runbook test by-hand");
    gh.as("alice").comment(n, "/runbook run broken");
    await gh.settle();
    let all = bodies(scenario!, n).join("\n---\n");
    expect(all).toContain("| `by-hand` | by hand | not run |");
    expect(all).toContain("| `broken` | by hand | ❌ 1 error (line 6) |");
    expect(all).toContain("#### Dry run of `by-hand`");
    expect(all).toContain("> Fixed Queue saturation.");
    expect(all).toContain(
      "`.github/runbooks/broken.yml` has errors, so it cannot run:\n\n- line 6: unknown step kind",
    );
    expect(all).not.toContain("📘 Runbook");

    gh.as("alice").comment(n, "/runbook run by-hand");
    await gh.settle();
    const runbook = () =>
      gh.issue(n).comments.find((c) => c.body.includes("📘 Runbook `by-hand`"))!;
    expect(runbook().body).toContain("started by @alice");

    gh.as("reader").editComment(
      runbook().id,
      runbook().body.replace("- [ ] **Look", "- [x] **Look"),
    );
    await gh.settle();
    expect(runbook().body).toContain(
      "- [ ] **Look at the queue depth** `look` _assess_ — ▶️ running",
    );
    expect(
      bodies(scenario!, n).filter((b) =>
        b.includes("@reader only people with at least `triage` access can complete runbook steps"),
      ),
    ).toHaveLength(1);

    gh.as("alice").comment(n, "/step done look queue is at 3x");
    gh.as("alice").comment(n, "/approve ship");
    await gh.settle();
    all = bodies(scenario!, n).join("\n---\n");
    expect(runbook().body).toMatch(/`look` _assess_ — ✅ done · by @alice/);
    expect(all).toContain(
      "Sorry, `/approve` needs at least the **write** role in this repository.",
    );
    expect(runbook().body).toContain("waiting for `/approve ship`");

    gh.as("alice").comment(n, "/runbook run by-hand");
    gh.as("lead").comment(n, "/runbook cancel by-hand");
    await gh.settle();
    all = bodies(scenario!, n).join("\n---\n");
    expect(all).toContain("`by-hand` is already running on this incident");
    expect(runbook().body).toContain("— cancelled");
    expect(runbook().body).toContain("cancelled by lead");
    expect(gh.issue(n).comments.find((c) => c.body.includes("## 🔥 Incident"))!.body).toMatch(
      /- \[`by-hand`\]\(#issuecomment-\d+\) — cancelled/,
    );
  });

  it("/approve by a permitted user finishes the runbook; a second /approve changes nothing", async () => {
    const { gh, n } = await start();
    gh.as("alice").comment(n, "/runbook run by-hand");
    gh.as("alice").comment(n, "/step done look");
    gh.as("lead").comment(n, "/approve ship");
    gh.as("lead").comment(n, "/approve ship");
    await gh.settle();
    const all = bodies(scenario!, n);
    expect(all.filter((b) => b.includes("📘 Runbook `by-hand` — succeeded"))).toHaveLength(1);
    expect(all.filter((b) => b.endsWith("Fixed Queue saturation."))).toHaveLength(1);
    expect(all.join("\n")).toContain("Step `ship` is not waiting right now.");
  });
});
