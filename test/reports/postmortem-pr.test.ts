import { afterEach, describe, expect, it } from "vitest";
import { causeCommand, lessonCommand, rootCauseCommand, whyCommand } from "../../src/handlers/rca/index.js";
import { postmortemCommand } from "../../src/handlers/reports/index.js";
import type { Scenario } from "../support/harness.js";
import { DELIVERY_MODES, startFirewatch } from "../support/firewatch.js";
import { reportScope } from "../support/report-scope.js";

const CONFIG = `
services:
  inference:
    team: "@acme/ml-serving"
`;

const FORM = (title: string) =>
  ["### Summary", "", `${title}: CUDA out of memory`, "", "### Severity", "", "critical", "", "### Affected services", "", "inference", ""].join("\n");

const BRANCH = (n: number) => `firewatch/postmortem-${n}`;

async function declare(scenario: Scenario, title = "[Incident] GPU OOM on inference"): Promise<number> {
  const { gh } = scenario;
  const n = gh.as("alice").openIssue({ title, body: FORM(title), labels: ["incident"] });
  await gh.settle();
  gh.clock.advance(4 * 60_000);
  gh.as("alice").addLabels(n, ["status:investigating"]);
  await gh.settle();
  gh.clock.advance(30 * 60_000);
  return n;
}

const card = (scenario: Scenario, n: number) => scenario.gh.issue(n).comments.find((c) => c.body.includes("Incident:"))!.body;
const postmortemFiles = (scenario: Scenario, n: number) =>
  [...(scenario.gh.repo.branches.get(BRANCH(n))?.keys() ?? [])].filter((p) => p.startsWith("docs/postmortems/"));

describe.each(DELIVERY_MODES)("postmortem pull request ($name)", ({ deliverTwice }) => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("opens one pull request on resolve with the report, asks the owning team, links it from the incident and the card", async () => {
    scenario = await startFirewatch({ deliverTwice, files: { ".github/firewatch.yml": CONFIG } });
    const { gh } = scenario;
    gh.addTeam("acme/ml-serving");
    const n = await declare(scenario);
    gh.as("alice").close(n);
    await gh.settle();

    const pulls = gh.pulls();
    expect(pulls).toHaveLength(1);
    const pr = pulls[0]!;
    expect(pr).toMatchObject({ headRef: BRANCH(n), baseRef: "main", title: "Postmortem: [Incident] GPU OOM on inference" });
    expect(pr.body).toContain(`#${n}`);
    expect(pr.requestedTeams.map((t) => t.fullSlug)).toEqual(["acme/ml-serving"]);
    const files = postmortemFiles(scenario, n);
    expect(files).toEqual([expect.stringMatching(/^docs\/postmortems\/\d{4}-\d{2}-\d{2}-gpu-oom-on-inference\.md$/)]);
    const report = gh.fileOn(BRANCH(n), files[0]!)!;
    expect(report).toContain("# Postmortem: [Incident] GPU OOM on inference");
    expect(report).toContain("| Time to acknowledge (MTTA) | 4m |");
    expect(report).toContain("| Time to resolve (MTTR) | 34m |");
    expect(gh.issue(n).comments.filter((c) => c.body.includes(`Opened the postmortem pull request #${pr.number}`))).toHaveLength(1);
    expect(card(scenario, n)).toContain(`#${pr.number}`);
  });

  it("moves the incident to post-incident when the pull request is merged, and the card records it", async () => {
    scenario = await startFirewatch({ deliverTwice, files: { ".github/firewatch.yml": CONFIG } });
    const { gh } = scenario;
    const n = await declare(scenario);
    gh.as("alice").close(n);
    await gh.settle();
    const pr = gh.pulls()[0]!;
    expect(gh.issue(n).comments.some((c) => c.body.includes("`@acme/ml-serving` for a review") || c.body.includes("acme/ml-serving"))).toBe(true);
    gh.clock.advance(2 * 86_400_000);
    gh.as("bob").mergePullRequest(pr.number);
    await gh.settle();
    expect(gh.issue(n).labels).toContain("status:post-incident");
    expect(gh.issue(n).labels).not.toContain("status:resolved");
    expect(card(scenario, n)).toMatch(new RegExp(`#${pr.number} \\(merged`));
  });
});

describe("regenerating the postmortem", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("updates the same branch and pull request, and never overwrites a person's edit", async () => {
    scenario = await startFirewatch({ files: { ".github/firewatch.yml": "postmortem:\n  when: command\n" } });
    const { gh } = scenario;
    const n = await declare(scenario);
    const scope = reportScope(gh);
    await whyCommand(scope, n, { text: "the GPU pool ran out of memory" }, "alice", gh.clock.iso());
    expect(await postmortemCommand(scope, n, {}, "alice", gh.clock.iso())).toEqual({ ok: true });
    expect(gh.pulls()).toHaveLength(1);
    const path = postmortemFiles(scenario, n)[0]!;
    expect(gh.fileOn(BRANCH(n), path)).toContain("the GPU pool ran out of memory");

    gh.clock.advance(60_000);
    await whyCommand(scope, n, { text: "requests grew 300% after the campaign" }, "bob", gh.clock.iso());
    await postmortemCommand(scope, n, {}, "alice", gh.clock.iso());
    expect(gh.pulls()).toHaveLength(1);
    expect(gh.fileOn(BRANCH(n), path)).toContain("requests grew 300% after the campaign");
    expect(postmortemFiles(scenario, n)).toEqual([path]);

    gh.as("carol").commitFile(BRANCH(n), path, "# Our own words\n");
    await gh.settle();
    gh.clock.advance(60_000);
    await whyCommand(scope, n, { text: "no autoscaling" }, "bob", gh.clock.iso());
    const again = await postmortemCommand(scope, n, {}, "alice", gh.clock.iso());
    expect(again.ok).toBe(true);
    expect(gh.fileOn(BRANCH(n), path)).toBe("# Our own words\n");
    expect(gh.pulls()).toHaveLength(1);
    expect(gh.issue(n).comments.some((c) => c.body.includes("was edited since Firewatch wrote it"))).toBe(true);
  });

  it("keeps file and branch names safe whatever the title", async () => {
    scenario = await startFirewatch({ files: { ".github/firewatch.yml": "postmortem:\n  when: command\n" } });
    const { gh } = scenario;
    for (const title of ["../../x", `${"very long title ".repeat(20)}end`, "🔥🔥🔥"]) {
      const n = await declare(scenario, title);
      await postmortemCommand(reportScope(gh), n, {}, "alice", gh.clock.iso());
      const files = [...gh.repo.branches.get(BRANCH(n))!.keys()].filter((p) => !gh.repo.branches.get("main")!.has(p));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^docs\/postmortems\/\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.md$/);
      expect(files[0]!.length).toBeLessThan(100);
    }
    expect(postmortemFiles(scenario, 1)[0]).toMatch(/-x\.md$/);
  });

  it("puts RCA in the report without breaking tables, pinging people, linking issues or breaking the fishbone", async () => {
    scenario = await startFirewatch({ files: { ".github/firewatch.yml": "postmortem:\n  when: command\n" } });
    const { gh } = scenario;
    const n = await declare(scenario);
    const scope = reportScope(gh);
    await whyCommand(scope, n, { text: "a | b\nc @octocat fixed #12 <script>" }, "alice", gh.clock.iso());
    await causeCommand(scope, n, { category: "process", text: 'no "capacity"]; end review' }, "alice", gh.clock.iso());
    await rootCauseCommand(scope, n, { text: "no autoscaling @acme/ml-serving" }, "alice", gh.clock.iso());
    await lessonCommand(scope, n, { kind: "lucky", text: "traffic dropped at night" }, "alice", gh.clock.iso());
    await postmortemCommand(scope, n, {}, "alice", gh.clock.iso());
    await scope.flush(); // the card is written once, when the delivery's work is done
    const report = gh.fileOn(BRANCH(n), postmortemFiles(scenario, n)[0]!)!;
    const whyRow = report.split("\n").find((l) => l.startsWith("| 1 |"))!;
    expect(whyRow.split(/(?<!\\)\|/).length).toBe(6);
    expect(report).not.toMatch(/(^|[^\u200b])@octocat/);
    expect(report).not.toMatch(/(^|[^&\w\u200b])#12\b/);
    expect(report).not.toContain("<script>");
    expect(report).toContain("traffic dropped at night");
    expect(card(scenario, n)).toContain("Root cause analysis");
  });

  it("reports an untrusted template's problem at its line on the incident, and still opens the report from the default", async () => {
    scenario = await startFirewatch({ files: { ".github/firewatch.yml": "postmortem:\n  when: command\n" } });
    const { gh } = scenario;
    const n = await declare(scenario);
    const scope = reportScope(gh);
    const cases: [string, number][] = [
      ["# Report\n\n{{constructor.constructor}}\n", 3],
      ["# Report\n{{#with __proto__}}x{{/with}}\n", 2],
      ['{{#*inline "p"}}\n{{> p}}\n{{/inline}}\n{{> p}}\n', 2],
      ["# Report\n\n\n{{#if incident}}\n", 5],
    ];
    for (const [template, line] of cases) {
      gh.repo.branches.get("main")!.set(".github/firewatch/templates/postmortem.md.hbs", template);
      gh.clock.advance(60_000);
      await postmortemCommand(scope, n, {}, "alice", gh.clock.iso());
      const said = gh.issue(n).comments.at(-1)!.body;
      expect(said).toContain(`\`.github/firewatch/templates/postmortem.md.hbs\` line ${line}`);
      expect(said).toContain("default template");
    }
    expect(gh.pulls()).toHaveLength(1);
    expect(gh.fileOn(BRANCH(n), postmortemFiles(scenario, n)[0]!)).toContain("# Postmortem:");
  });
});
