import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createWallClock } from "../support/github/state/wall-clock.js";
import { Receivers } from "../notify/support/receivers.js";
import { validateSlack } from "../notify/support/validators.js";
import { startActionsRepo, type ActionsRepo, type WorkflowEvent } from "./actions-repo.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const CARD = "## 🔥 Incident";

/** `node lib/action.js` as the action's step runs it (build first: `npm run build`), with only PATH and HOME from outside. */
async function runStep(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["lib/action.js"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const [code] = (await once(child, "exit")) as [number | null];
  clearTimeout(timer);
  return { code, stdout, stderr };
}

describe("node lib/action.js against the stand-in, as GitHub Actions runs it", () => {
  let r: ActionsRepo | undefined;
  afterEach(async () => {
    await r?.stop();
    r = undefined;
  });

  async function step(event: WorkflowEvent, runId: number) {
    const result = await runStep(r!.envFor(event, runId));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    return result;
  }

  it("a label change declares the incident and a comment command changes it, as github-actions[bot]", async () => {
    r = await startActionsRepo({}, createWallClock());
    const { gh } = r;
    const n = gh.as("alice").openIssue({ title: "Inference 5xx after the rollout" });
    gh.takeWorkflowEvents();
    gh.as("alice").addLabels(n, ["incident"]);
    const [labeled] = gh.takeWorkflowEvents();
    expect(labeled).toMatchObject({ name: "issues", payload: { action: "labeled" } });
    const first = await step(labeled!, 101);
    expect(first.stdout).toContain("Firewatch handled issues.labeled");
    const card = gh.issue(n).comments.find((c) => c.body.includes(CARD));
    expect(card?.user).toBe("github-actions[bot]");
    expect(gh.issue(n).labels).toContain("status:detected");

    const ack = gh.as("alice").comment(n, "/ack\n/severity critical");
    const [comment] = gh.takeWorkflowEvents();
    const second = await step(comment!, 102);
    expect(second.stdout).toContain(`Firewatch handled comment ${ack} on #${n}`);
    expect(gh.issue(n).labels).toEqual(expect.arrayContaining(["incident", "severity:critical", "status:investigating"]));
    expect(gh.issue(n).comments.find((c) => c.id === ack)!.reactions).toEqual({ "+1": 1 });
    // Every request went to GITHUB_API_URL with the GITHUB_TOKEN (the stand-in refuses anything else).
    expect(gh.requests.filter((q) => q.status === 401 || q.status === 403)).toEqual([]);
  }, 90_000);

  it("notifies a channel whose URL the workflow's env gives (from a secret), as on the server", async () => {
    const clock = createWallClock();
    const receivers = await Receivers.start(clock, { "/slack": validateSlack });
    try {
      r = await startActionsRepo(
        {
          ".github/firewatch.yml": [
            "notifications:",
            "  channels:",
            "    sre-slack: { kind: slack, url_env: FIREWATCH_NOTIFY_SLACK_SRE }",
            "  routes:",
            "    - to: [sre-slack]",
          ].join("\n"),
        },
        clock,
      );
      const { gh } = r;
      const n = gh.as("alice").openIssue({ title: "vLLM pods OOMKilled on the H100 pool" });
      gh.takeWorkflowEvents();
      gh.as("alice").addLabels(n, ["incident"]);
      const [labeled] = gh.takeWorkflowEvents();
      const result = await runStep({
        ...r.envFor(labeled!, 301),
        FIREWATCH_NOTIFY_SLACK_SRE: `${receivers.url}/slack`,
      });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const [message] = receivers.at("/slack");
      expect(receivers.problems()).toEqual([]);
      expect(message?.raw).toContain("vLLM pods OOMKilled on the H100 pool");
      const card = gh.issue(n).comments.find((c) => c.body.includes(CARD))!;
      expect(card.body).toMatch(/`sre-slack` \(slack\): ✅ sent `declared`/);
      // The URL is a secret: the card names the channel, never the address.
      expect(card.body).not.toContain(receivers.url);
    } finally {
      await receivers.stop();
    }
  }, 90_000);

  it("a failure is a non-zero exit with an ::error:: line that says what", async () => {
    r = await startActionsRepo({}, createWallClock());
    const { gh } = r;
    const n = gh.as("alice").openIssue({ title: "Latency" });
    gh.takeWorkflowEvents();
    gh.as("alice").addLabels(n, ["incident"]);
    const [labeled] = gh.takeWorkflowEvents();
    gh.failNext({ route: "issues/create-comment", status: 422, times: 5 });
    const result = await runStep(r.envFor(labeled!, 201));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::Firewatch could not handle issues\.labeled: .+$/m);
    expect(gh.issue(n).comments).toHaveLength(0);
  }, 90_000);

  it("without its settings it exits 1 with one ::error:: line naming them", async () => {
    const result = await runStep({ GITHUB_EVENT_NAME: "issues" });
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe(
      "::error::Firewatch cannot run: GITHUB_TOKEN, GITHUB_EVENT_PATH, GITHUB_REPOSITORY are not set. Run Firewatch as a step of a GitHub Actions workflow (uses: <owner>/firewatch@v1), which sets them; GITHUB_TOKEN comes from the action's `token` input (default: github.token).",
    );
    expect(result.stderr).toBe("");
  });
});
