import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { DELIVERY_MODES, startFirewatch } from "../support/firewatch.js";

const CONFIG = `
services:
  inference:
    team: "@acme/ml-serving"
    oncall: [gpu-oncall]
  gateway:
    team: "@acme/edge"
    oncall: [edge-oncall]
`;

const FORM_BODY = [
  "### Summary",
  "",
  "inference: requests failing with CUDA out of memory since the launch",
  "",
  "### Severity",
  "",
  "critical",
  "",
  "### Affected services",
  "",
  "inference, gateway",
  "",
  "### Impact",
  "",
  "40% of chat completions return 503",
  "",
  "### Detected at",
  "",
  "2026-01-01 09:55 UTC",
  "",
  "### Links",
  "",
  "https://grafana.example.com/d/vllm",
].join("\n");

describe.each(DELIVERY_MODES)("declaring an incident ($name)", ({ deliverTwice }) => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("from the issue form: labels, on-call assignees, team mentioned and one card", async () => {
    scenario = await startFirewatch({
      deliverTwice,
      files: { ".github/firewatch.yml": CONFIG },
      collaborators: { "gpu-oncall": "write", "edge-oncall": "write" },
    });
    const { gh } = scenario;
    const n = gh
      .as("alice")
      .openIssue({ title: "[Incident] GPU OOM", body: FORM_BODY, labels: ["incident"] });
    await gh.settle();

    const issue = gh.issue(n);
    expect(issue.labels.sort()).toEqual(["incident", "severity:critical", "status:detected"]);
    expect(issue.assignees.sort()).toEqual(["edge-oncall", "gpu-oncall"]);
    const cards = issue.comments.filter((c) => c.body.includes("Incident:"));
    expect(cards).toHaveLength(1);
    const card = cards[0]!.body;
    expect(card).toContain("| Severity | `critical` |");
    expect(card).toContain("| Status | `detected` |");
    expect(card).toContain("@acme/ml-serving, @acme/edge");
    expect(card).toContain("| Detected | 2026-01-01 09:55 UTC |");
    expect(card).not.toContain("Needs attention");
  });

  it("from the incident label on an existing issue, with defaults and a request for what is missing", async () => {
    // bob labels his own issue: GitHub lets only triage and above add labels.
    scenario = await startFirewatch({ deliverTwice, collaborators: { bob: "triage" } });
    const { gh } = scenario;
    const n = gh.as("bob").openIssue({ title: "Latency on embeddings", body: "p95 is up" });
    await gh.settle();
    expect(gh.issue(n).comments).toHaveLength(0);

    gh.as("bob").addLabels(n, ["incident"]);
    await gh.settle();
    const issue = gh.issue(n);
    expect(issue.labels.sort()).toEqual(["incident", "severity:high", "status:detected"]);
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]!.body).toContain("Needs attention");
    expect(issue.comments[0]!.body).toContain("No affected services are named");
  });
});

describe("declaring from a form whose label the repository lacks", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("recognises the form body alone and adds the incident label", async () => {
    scenario = await startFirewatch();
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "[Incident] GPU OOM", body: FORM_BODY });
    await gh.settle();
    const issue = gh.issue(n);
    expect(issue.labels.sort()).toEqual(["incident", "severity:critical", "status:detected"]);
    expect(issue.comments.map((c) => c.body.includes("## 🔥 Incident"))).toEqual([true, false]);
    expect(issue.comments[1]!.body).toContain("Escalated to **critical**");
  });
});

describe("related incidents at declaration", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("lists an incident detected minutes earlier on the same service, and not an unrelated old one", async () => {
    scenario = await startFirewatch({ collaborators: { bob: "triage" } });
    const { gh } = scenario;
    const form = (summary: string, services: string) =>
      `### Summary\n\n${summary}\n\n### Severity\n\nhigh\n\n### Affected services\n\n${services}`;
    const old = gh.as("alice").openIssue({
      title: "Old vector-store outage",
      body: form("slow", "vector-store"),
      labels: ["incident"],
    });
    await gh.settle();
    gh.clock.advance("3d");
    const first = gh
      .as("alice")
      .openIssue({ title: "Gateway 502s", body: form("502s", "gateway"), labels: ["incident"] });
    await gh.settle();
    gh.clock.advance("3m");
    const second = gh.as("bob").openIssue({
      title: "Inference timeouts",
      body: form("timeouts", "inference, gateway"),
      labels: ["incident"],
    });
    await gh.settle();
    const card = gh.issue(second).comments[0]!.body;
    expect(card).toContain("### Related incidents");
    expect(card).toMatch(new RegExp(`- #${first} Gateway 502s — strong: .*`));
    expect(card).not.toContain(`#${old} `);
  });
});

describe("declaring from bad input", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it.each([
    ["an empty body", ""],
    [
      "a garbled body",
      '### \u0000\u0007 ###\n###Summary###\n<!-- firewatch:data incident {"v":2} -->\n@everyone #1',
    ],
    [
      "an unknown severity and 100 KB in a field",
      `### Summary\n\n${"GPU ".repeat(25_000)}\n\n### Severity\n\nextreme\n\n### Detected at\n\nsoon`,
    ],
  ])("declares with defaults and says what is missing: %s", async (_name, body) => {
    scenario = await startFirewatch();
    const { gh } = scenario;
    const n = gh
      .as("alice")
      .openIssue({ title: "Something is off with inference", body, labels: ["incident"] });
    await gh.settle();
    const issue = gh.issue(n);
    expect(issue.labels.sort()).toEqual(["incident", "severity:high", "status:detected"]);
    const cards = issue.comments.filter((c) => c.body.includes("## 🔥 Incident"));
    expect(cards).toHaveLength(1);
    expect(cards[0]!.body).toContain("Needs attention");
    expect(cards[0]!.body.length).toBeLessThan(65_536);
    expect(cards[0]!.body).not.toMatch(/[^\u200b]@everyone/);
  });
});
