import { readFileSync } from "node:fs";
import type { Octokit } from "@octokit/rest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GitHubStandIn } from "../support/github/github-stand-in.js";
import { startStandIn } from "./start-stand-in.js";

const repo = { owner: "acme", repo: "ops" };
const WORKFLOW = readFileSync(new URL("../../.github/workflows/rollback-model.yml", import.meta.url), "utf8");

describe("GitHub stand-in: workflows, check runs, contents at a commit, pull request files", () => {
  let gh: GitHubStandIn;
  let octokit: Octokit;
  beforeEach(async () => {
    ({ gh, octokit } = await startStandIn());
    const main = gh.repo.branches.get("main")!;
    main.set(".github/workflows/rollback-model.yml", WORKFLOW);
    main.set(".github/runbooks/a.yml", "name: a\n");
    main.set(".github/runbooks/nested/b.yml", "name: b\n");
  });
  afterEach(async () => {
    await gh.stop();
    gh.assertClean();
  });

  it("dispatches a workflow: the run's title carries the correlation id, run details on request, 404 and 422 like GitHub", async () => {
    const inputs = { service: "inference", target_version: "previous", firewatch_run_id: "fw1-x-1.roll" };
    const { status, data } = await octokit.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", { ...repo, workflow_id: "rollback-model.yml", ref: "main", inputs, return_run_details: true });
    expect(status).toBe(200);
    const runId = (data as { workflow_run_id: number }).workflow_run_id;
    const run = (await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId })).data;
    expect(run).toMatchObject({ display_title: "Roll back inference to previous [fw1-x-1.roll]", status: "queued", event: "workflow_dispatch", head_branch: "main" });
    expect((await octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: "rollback-model.yml", ref: "main", inputs })).status).toBe(204);
    expect((await octokit.rest.actions.listWorkflowRunsForRepo({ ...repo })).data.total_count).toBe(2);
    await expect(octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: "missing.yml", ref: "main" })).rejects.toMatchObject({ status: 404 });
    expect(gh.runbooks().dispatches()).toHaveLength(2);

    gh.completeWorkflowRun("fw1-x-1.roll", "failure");
    expect((await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId })).data).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(gh.pendingWebhooks).toBe(1);
  });

  it("check runs keep annotations across updates; more than 50 in one request is refused (GitHub's description says so)", async () => {
    const annotation = (line: number) => ({ path: "a.yml", start_line: line, end_line: line, annotation_level: "failure" as const, message: `bad ${line}` });
    const { data } = await octokit.rest.checks.create({ ...repo, name: "firewatch/runbooks", head_sha: "abc", status: "in_progress", output: { title: "t", summary: "s", annotations: [annotation(1)] } });
    await octokit.rest.checks.update({ ...repo, check_run_id: data.id, conclusion: "failure", output: { title: "t", summary: "s", annotations: [annotation(2)] } });
    await expect(octokit.rest.checks.update({ ...repo, check_run_id: data.id, output: { title: "t", summary: "s", annotations: Array.from({ length: 51 }, (_, i) => annotation(i + 1)) } })).rejects.toMatchObject({ status: 422 });
    expect(gh.failures.all).toEqual([expect.stringContaining("/output/annotations: must NOT have more than 50 items")]);
    gh.failures.clear();
    expect(gh.checkRuns()[0]).toMatchObject({ status: "completed", conclusion: "failure", annotations: [annotation(1), annotation(2)] });
    expect((await octokit.rest.checks.listForRef({ ...repo, ref: "abc", check_name: "firewatch/runbooks" })).data.total_count).toBe(1);
  });

  it("lists a directory and reads files at a commit; lists a pull request's changed files", async () => {
    const head = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
    const listing = (await octokit.rest.repos.getContent({ ...repo, path: ".github/runbooks", ref: head })).data;
    expect(Array.isArray(listing) && listing.map((e) => [e.type, e.path])).toEqual([["file", ".github/runbooks/a.yml"], ["dir", ".github/runbooks/nested"]]);
    const pr = gh.runbooks().openPullRequest("alice", { title: "Change a", head: "change-a", changes: { ".github/runbooks/a.yml": "name: a2\n", ".github/runbooks/c.yml": "name: c\n" } });
    const files = (await octokit.rest.pulls.listFiles({ ...repo, pull_number: pr })).data;
    expect(files.map((f) => [f.filename, f.status])).toEqual([[".github/runbooks/a.yml", "modified"], [".github/runbooks/c.yml", "added"]]);
    const atHead = (await octokit.rest.repos.getContent({ ...repo, path: ".github/runbooks/a.yml", ref: gh.runbooks().headSha(pr) })).data as { content: string };
    expect(Buffer.from(atHead.content, "base64").toString()).toBe("name: a2\n");
    const atMain = (await octokit.rest.repos.getContent({ ...repo, path: ".github/runbooks/a.yml", ref: head })).data as { content: string };
    expect(Buffer.from(atMain.content, "base64").toString()).toBe("name: a\n");
  });
});
