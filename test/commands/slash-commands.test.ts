import { afterEach, describe, expect, it } from "vitest";
import type { Scenario } from "../support/harness.js";
import { DELIVERY_MODES, startFirewatch } from "../support/firewatch.js";

const CONFIG = `
services:
  inference:
    team: "@acme/ml-serving"
    oncall: [gpu-oncall]
escalation:
  critical: ["@acme/sre-leads", vp-eng]
`;
const COLLABORATORS = {
  alice: "triage",
  "gpu-oncall": "write",
  carol: "write",
  reader: "read",
} as const;
/** The card as a reader sees it: without its hidden HTML comments (which GitHub does not render). */
const card = (comments: { body: string }[]) =>
  comments.find((c) => c.body.includes("## 🔥 Incident"))!.body.replace(/<!--[\s\S]*?-->/g, "");
const replies = (comments: { body: string; user: string }[]) =>
  comments.filter((c) => c.user === "firewatch[bot]" && !c.body.includes("## 🔥 Incident"));

describe.each(DELIVERY_MODES)("slash commands ($name)", ({ deliverTwice }) => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  async function incident() {
    scenario = await startFirewatch({
      deliverTwice,
      files: { ".github/firewatch.yml": CONFIG },
      collaborators: { ...COLLABORATORS },
    });
    const { gh } = scenario;
    const n = gh
      .as("alice")
      .openIssue({ title: "GPU OOM on inference", labels: ["incident", "severity:high"] });
    await gh.settle();
    return { gh, n };
  }

  it("/ack acknowledges, assigns the commenter, makes them commander, and reacts 👍 without a reply", async () => {
    const { gh, n } = await incident();
    gh.clock.advance("3m");
    const id = gh.as("alice").comment(n, "/ack");
    await gh.settle();
    const issue = gh.issue(n);
    expect(issue.labels).toContain("status:investigating");
    expect(issue.labels).not.toContain("status:detected");
    expect(issue.assignees).toContain("alice");
    expect(card(issue.comments)).toContain("commander @alice");
    expect(card(issue.comments)).toContain("(3m to acknowledge)");
    expect(card(issue.comments)).toMatch(/\| `investigating` \| .* \| alice \|/);
    expect(issue.comments.find((c) => c.id === id)!.reactions).toEqual({ "+1": 1 });
    expect(replies(issue.comments)).toHaveLength(0);
  });

  it("several commands in one comment, in order, with notes, updates, roles and services", async () => {
    const { gh, n } = await incident();
    gh.as("alice").comment(
      n,
      [
        "/ack",
        '/status identified "KV cache exhausted after the campaign"',
        "/role scribe @carol",
        "/services inference",
        "/note rolled back to vllm 0.6.3 @everyone #12",
        "```",
        "/resolve not this one, it is in a code block",
        "```",
        "> /resolve nor this quoted one",
        "",
        "/update Mitigated; error rate back under 1% <script>alert(1)</script>",
      ].join("\n"),
    );
    await gh.settle();
    const issue = gh.issue(n);
    expect(issue.state).toBe("open");
    expect(issue.labels).toContain("status:identified");
    expect(issue.assignees.sort()).toEqual(["alice", "gpu-oncall"]);
    const body = card(issue.comments);
    expect(body).toContain("scribe @carol");
    expect(body).toContain("@acme/ml-serving");
    expect(body).toContain("KV cache exhausted after the campaign");
    expect(body).toContain("| Last update |");
    expect(body).toContain("&lt;script&gt;");
    expect(body).not.toContain("<script>");
    expect(body).not.toMatch(/[^`]@everyone/);
    expect(body).not.toMatch(/(^|[^\u200b])#12\b/);
    expect(body).not.toContain("No affected services");
  });

  it("/severity critical escalates to the configured contacts, once", async () => {
    const { gh, n } = await incident();
    gh.as("alice").comment(n, "/severity critical customers affected");
    await gh.settle();
    const issue = gh.issue(n);
    expect(issue.labels.filter((l) => l.startsWith("severity:"))).toEqual(["severity:critical"]);
    const escalations = replies(issue.comments).filter((c) =>
      c.body.includes("Escalated to **critical**"),
    );
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.body).toContain("@acme/sre-leads @vp-eng");
  });

  it("/action opens one linked follow-up issue; /resolve resolves and closes", async () => {
    const { gh, n } = await incident();
    gh.as("alice").comment(n, "/action Add autoscaling to the inference pool @carol");
    await gh.settle();
    const follow = gh.issue(n + 1);
    expect(follow.title).toBe("Add autoscaling to the inference pool");
    expect(follow.labels).toEqual(["incident-follow-up"]);
    expect(follow.assignees).toEqual(["carol"]);
    expect(follow.body).toContain(`Follow-up from incident #${n}`);
    expect(card(gh.issue(n).comments)).toContain(`#${n + 1} Add autoscaling to the inference pool (carol)`);

    gh.clock.advance("25m");
    gh.as("alice").comment(n, "/resolve Rolled back the model and raised the KV cache limit");
    await gh.settle();
    const issue = gh.issue(n);
    expect(issue.state).toBe("closed");
    expect(issue.labels).toContain("status:resolved");
    expect(card(issue.comments)).toContain("Rolled back the model");
    expect(card(issue.comments)).toContain("to resolve)");
  });

  it("a read-only user gets a polite refusal and no effect", async () => {
    const { gh, n } = await incident();
    const before = gh.issue(n).labels.slice().sort();
    const id = gh.as("reader").comment(n, "/resolve done\n/ack");
    await gh.settle();
    const issue = gh.issue(n);
    expect(issue.labels.slice().sort()).toEqual(before);
    expect(issue.state).toBe("open");
    const reply = replies(issue.comments);
    expect(reply).toHaveLength(1);
    expect(reply[0]!.body).toContain("needs at least the **triage** role");
    expect(issue.comments.find((c) => c.id === id)!.reactions).toEqual({ confused: 1 });
  });

  it("unknown and malformed commands get the closest command and the correct form", async () => {
    const { gh, n } = await incident();
    gh.as("alice").comment(
      n,
      "/stauts identified\n/severity extreme\n/commander nobody-here\n/status",
    );
    await gh.settle();
    const reply = replies(gh.issue(n).comments)[0]!.body;
    expect(reply).toContain("Did you mean `/status`?");
    expect(reply).toContain("`/severity <severity> [reason]`");
    expect(reply).toContain("`nobody-here` cannot take a role here");
    expect(reply).toContain("Usage: `/status <status> [reason]`");
  });

  it("/help lists the commands the commenter may use", async () => {
    const { gh, n } = await incident();
    gh.as("alice").comment(n, "/help");
    await gh.settle();
    const reply = replies(gh.issue(n).comments)[0]!.body;
    expect(reply).toContain("| command | does |");
    expect(reply).toContain("`/ack`");
  });
});

describe("slash commands: garbage", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("ignores comments without commands, bots and edits; survives 10,000 commands and 1 MB", async () => {
    scenario = await startFirewatch({ collaborators: { alice: "admin" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Token spike", labels: ["incident"] });
    await gh.settle();
    const requestsBefore = gh.requests.length;
    gh.as("alice").comment(n, "looking into it, no commands here / really");
    gh.as("alice").comment(n, "/");
    await gh.settle();
    expect(gh.requests.length).toBe(requestsBefore);

    gh.as("alice").comment(n, Array.from({ length: 10_000 }, () => "/note spam").join("\n"));
    gh.as("alice").comment(n, `/note ${"x".repeat(1_000_000)}`);
    await gh.settle();
    const issue = gh.issue(n);
    const body = card(issue.comments);
    expect(body.length).toBeLessThan(65_536);
    expect(
      issue.comments.some((c) => c.body.includes("at most 20 commands are run from one comment")),
    ).toBe(true);
  });
});

describe("slash commands: who may run them", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("with commands open to `read`, someone with no role on the repository is still refused", async () => {
    scenario = await startFirewatch({
      files: { ".github/firewatch.yml": "permissions:\n  commands: read\n" },
      collaborators: { alice: "triage", reader: "read" },
    });
    const { gh } = scenario;
    gh.state.ensureUser("stranger", "User");
    const n = gh.as("alice").openIssue({ title: "Gateway 502s", labels: ["incident"] });
    await gh.settle();
    gh.as("reader").comment(n, "/note from a reader");
    const id = gh.as("stranger").comment(n, "/note from outside");
    await gh.settle();
    const issue = gh.issue(n);
    expect(card(issue.comments)).toContain("from a reader");
    expect(card(issue.comments)).not.toContain("from outside");
    const reply = replies(issue.comments);
    expect(reply).toHaveLength(1);
    expect(reply[0]!.body).toContain("`/note` needs at least the **read** role");
    expect(issue.comments.find((c) => c.id === id)!.reactions).toEqual({ confused: 1 });
  });
});

describe("slash commands: /resolve after the status already moved", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("/status resolved, then /resolve <summary>: the summary is recorded; a second /resolve is refused", async () => {
    scenario = await startFirewatch({ collaborators: { alice: "triage" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Gateway 502s", labels: ["incident"] });
    await gh.settle();
    gh.as("alice").comment(n, "/status resolved");
    await gh.settle();
    expect(gh.issue(n).state).toBe("closed");
    const id = gh.as("alice").comment(n, "/resolve Rolled the gateway config back");
    await gh.settle();
    expect(card(gh.issue(n).comments)).toMatch(/\| Resolution \| .* · alice: Rolled the gateway config back \|/);
    expect(gh.issue(n).comments.find((c) => c.id === id)!.reactions).toEqual({ "+1": 1 });

    gh.as("alice").comment(n, "/resolve Something else");
    await gh.settle();
    expect(card(gh.issue(n).comments)).not.toContain("Something else");
    expect(replies(gh.issue(n).comments).at(-1)!.body).toContain("reopen the issue first to change the resolution");
  });

  it("a reopen drops the old Resolution row; the next resolution replaces it", async () => {
    scenario = await startFirewatch({ collaborators: { alice: "triage" } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "Gateway 502s", labels: ["incident"] });
    await gh.settle();
    gh.as("alice").comment(n, "/resolve Rolled the gateway config back");
    await gh.settle();
    expect(card(gh.issue(n).comments)).toContain("| Resolution |");
    gh.clock.advance("5m");
    gh.as("alice").reopen(n);
    await gh.settle();
    expect(card(gh.issue(n).comments)).not.toContain("| Resolution |");

    gh.clock.advance("5m");
    gh.as("alice").close(n);
    await gh.settle();
    expect(card(gh.issue(n).comments)).not.toContain("| Resolution |");
    gh.as("alice").comment(n, "/resolve Pinned the upstream TLS version");
    await gh.settle();
    expect(card(gh.issue(n).comments)).toMatch(/\| Resolution \| .* · alice: Pinned the upstream TLS version \|/);
  });
});
