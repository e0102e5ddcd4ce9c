import { afterEach, describe, expect, it } from "vitest";
import { startActionsRepo, type ActionsRepo } from "./actions-repo.js";

const CARD = "## 🔥 Incident";

describe("Actions mode: every run handles every command not handled yet", () => {
  let r: ActionsRepo | undefined;
  afterEach(async () => {
    await r?.stop();
    r = undefined;
  });

  /** An incident declared by its label, each of its events handled by a workflow run. */
  async function declared(repo: ActionsRepo): Promise<number> {
    const n = repo.gh.as("alice").openIssue({ title: "Inference 5xx after the rollout", labels: ["incident"] });
    for (const event of repo.gh.takeWorkflowEvents()) {
      const outcome = await repo.run(event);
      expect(outcome.failed).toEqual([]);
    }
    expect(repo.gh.issue(n).comments.filter((c) => c.body.includes(CARD))).toHaveLength(1);
    return n;
  }

  it("two comments, only the second one's run started: both are handled, in order; a third run does nothing twice", async () => {
    r = await startActionsRepo();
    const { gh } = r;
    const n = await declared(r);
    const ack = gh.as("alice").comment(n, "/ack");
    const severity = gh.as("alice").comment(n, "/severity critical");
    const events = gh.takeWorkflowEvents();
    expect(events.map((e) => e.name)).toEqual(["issue_comment", "issue_comment"]);
    // GitHub kept only the newest pending run of the issue's concurrency group.
    const outcome = await r.run(events[1]!);
    expect(outcome.failed).toEqual([]);
    expect(outcome.handled).toEqual([`comment ${ack} on #${n}`, `comment ${severity} on #${n}`]);
    const issue = gh.issue(n);
    expect(issue.labels).toEqual(expect.arrayContaining(["severity:critical", "status:investigating"]));
    expect(issue.comments.find((c) => c.id === ack)!.reactions).toEqual({ "+1": 1 });
    expect(issue.comments.find((c) => c.id === severity)!.reactions).toEqual({ "+1": 1 });
    expect(issue.comments.find((c) => c.body.includes(CARD))!.user).toBe("github-actions[bot]");

    // The first comment's run comes after all (or is re-run): nothing is done twice.
    const writes = () => gh.requests.filter((q) => q.method !== "GET").length;
    const before = { comments: gh.issue(n).comments.length, writes: writes(), events: gh.issue(n).events.length };
    expect(gh.takeWorkflowEvents()).toEqual([]); // the app's own writes start no run
    const again = await r.run(events[0]!);
    expect(again).toEqual({ handled: [], failed: [] });
    expect({ comments: gh.issue(n).comments.length, writes: writes(), events: gh.issue(n).events.length }).toEqual(before);
  });

  it("a label change catches up a command left pending, and a /help answered earlier is not answered again", async () => {
    r = await startActionsRepo();
    const { gh } = r;
    const n = await declared(r);
    const help = gh.as("alice").comment(n, "/help");
    await r.run(gh.takeWorkflowEvents()[0]!);
    const replies = () => gh.issue(n).comments.filter((c) => c.body.includes(`@alice`) && c.user === "github-actions[bot]");
    expect(replies()).toHaveLength(1);
    const note = gh.as("alice").comment(n, "/note scaling the GPU pool");
    gh.as("alice").addLabels(n, ["severity:low"]);
    const events = gh.takeWorkflowEvents();
    expect(events.map((e) => e.name)).toEqual(["issue_comment", "issues"]);
    const outcome = await r.run(events[1]!);
    expect(outcome).toEqual({ handled: ["issues.labeled", `comment ${note} on #${n}`], failed: [] });
    expect(gh.issue(n).comments.find((c) => c.body.includes(CARD))!.body).toContain("scaling the GPU pool");
    expect(replies()).toHaveLength(1);
    expect(gh.issue(n).comments.find((c) => c.id === help)!.reactions).toEqual({ "+1": 1 });
  });

  it("a command older than a day is left alone: the first run after Actions mode is set up does not answer the past", async () => {
    r = await startActionsRepo();
    const { gh } = r;
    const n = gh.as("alice").openIssue({ title: "An old discussion" });
    gh.as("alice").comment(n, "/ack");
    gh.takeWorkflowEvents();
    gh.clock.advance("25h");
    const help = gh.as("alice").comment(n, "/help");
    const outcome = await r.run(gh.takeWorkflowEvents()[0]!);
    expect(outcome.handled).toEqual([`comment ${help} on #${n}`]);
    expect(gh.issue(n).comments.filter((c) => c.user === "github-actions[bot]")).toHaveLength(1);
  });

  it("a /declare on a plain issue declares it once; later runs do not say it is already an incident", async () => {
    r = await startActionsRepo();
    const { gh } = r;
    const n = gh.as("alice").openIssue({ title: "Token usage spike" });
    gh.takeWorkflowEvents();
    gh.as("alice").comment(n, "/declare");
    const [declare] = gh.takeWorkflowEvents();
    expect((await r.run(declare!)).failed).toEqual([]);
    expect(gh.issue(n).labels).toContain("incident");
    gh.takeWorkflowEvents();
    await r.run(declare!);
    const ack = gh.as("alice").comment(n, "/ack");
    const outcome = await r.run(gh.takeWorkflowEvents()[0]!);
    expect(outcome.handled).toEqual([`comment ${ack} on #${n}`]);
    expect(gh.issue(n).comments.filter((c) => c.body.includes("already an incident"))).toHaveLength(0);
    expect(gh.issue(n).comments.filter((c) => c.body.includes(CARD))).toHaveLength(1);
  });
});
