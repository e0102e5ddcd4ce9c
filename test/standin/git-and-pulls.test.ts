import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Octokit } from "@octokit/rest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GitHubStandIn } from "../support/github/github-stand-in.js";
import { startStandIn } from "./start-stand-in.js";

const repo = { owner: "acme", repo: "ops" };
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("GitHub stand-in: git data, contents writes, pull requests", () => {
  let gh: GitHubStandIn;
  let octokit: Octokit;
  beforeEach(async () => {
    ({ gh, octokit } = await startStandIn());
    gh.repo.branches.get("main")!.set("README.md", "# ops\n");
  });
  afterEach(async () => {
    await gh.stop();
    gh.assertClean();
  });

  it("computes the SHAs git computes for blobs and trees", async () => {
    const blob = await octokit.rest.git.createBlob({ ...repo, content: "hello\n" });
    const tree = await octokit.rest.git.createTree({ ...repo, tree: [{ path: "docs/a.md", mode: "100644", type: "blob", content: "hello\n" }] });
    const dir = mkdtempSync(join(tmpdir(), "fw-git-"));
    execFileSync("git", ["init", "-q", dir]);
    mkdirSync(join(dir, "docs"));
    writeFileSync(join(dir, "docs", "a.md"), "hello\n");
    execFileSync("git", ["-C", dir, "add", "."]);
    const gitTree = execFileSync("git", ["-C", dir, "write-tree"]).toString().trim();
    const gitBlob = execFileSync("git", ["-C", dir, "hash-object", "docs/a.md"]).toString().trim();
    expect(blob.data.sha).toBe(gitBlob);
    expect(tree.data.sha).toBe(gitTree);
  });

  it("creates a branch from refs, commits a file through the contents API, and refuses a stale sha", async () => {
    const main = await octokit.rest.git.getRef({ ...repo, ref: "heads/main" });
    await octokit.rest.git.createRef({ ...repo, ref: "refs/heads/fix", sha: main.data.object.sha });
    await expect(octokit.rest.git.createRef({ ...repo, ref: "refs/heads/fix", sha: main.data.object.sha })).rejects.toMatchObject({ status: 422 });
    const created = await octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: "docs/p.md", branch: "fix", message: "add", content: b64("v1") });
    expect(created.status).toBe(201);
    expect(gh.fileOn("fix", "docs/p.md")).toBe("v1");
    expect(gh.fileOn("main", "docs/p.md")).toBeUndefined();
    const head = await octokit.rest.git.getRef({ ...repo, ref: "heads/fix" });
    expect(head.data.object.sha).toBe(created.data.commit.sha);
    const commit = await octokit.rest.git.getCommit({ ...repo, commit_sha: head.data.object.sha });
    expect(commit.data.parents.map((p) => p.sha)).toEqual([main.data.object.sha]);

    await expect(
      octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: "docs/p.md", branch: "fix", message: "no sha", content: b64("v2") }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: "docs/p.md", branch: "fix", message: "stale", content: b64("v2"), sha: "0".repeat(40) }),
    ).rejects.toMatchObject({ status: 409 });
    const updated = await octokit.rest.repos.createOrUpdateFileContents({
      ...repo, path: "docs/p.md", branch: "fix", message: "v2", content: b64("v2"), sha: created.data.content!.sha!,
    });
    expect(updated.status).toBe(200);
    expect(gh.fileOn("fix", "docs/p.md")).toBe("v2");
  });

  it("builds a commit from blobs and trees and refuses a non-fast-forward ref update", async () => {
    const main = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
    const base = (await octokit.rest.git.getCommit({ ...repo, commit_sha: main })).data.tree.sha;
    const blob = await octokit.rest.git.createBlob({ ...repo, content: b64("report"), encoding: "base64" });
    const tree = await octokit.rest.git.createTree({ ...repo, base_tree: base, tree: [{ path: "docs/r.md", mode: "100644", type: "blob", sha: blob.data.sha }] });
    const commit = await octokit.rest.git.createCommit({ ...repo, message: "r", tree: tree.data.sha, parents: [main] });
    await octokit.rest.git.createRef({ ...repo, ref: "refs/heads/r", sha: commit.data.sha });
    expect(gh.fileOn("r", "docs/r.md")).toBe("report");
    expect(gh.fileOn("r", "README.md")).toBe("# ops\n");
    await expect(octokit.rest.git.updateRef({ ...repo, ref: "heads/r", sha: main })).rejects.toMatchObject({ status: 422 });
    await octokit.rest.git.updateRef({ ...repo, ref: "heads/r", sha: main, force: true });
    expect(gh.fileOn("r", "docs/r.md")).toBeUndefined();
  });

  it("opens, lists by head, edits, asks reviews of teams (422 for an unknown team) and merges a pull request", async () => {
    gh.addTeam("acme/ml-serving");
    const main = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
    await octokit.rest.git.createRef({ ...repo, ref: "refs/heads/pm", sha: main });
    await expect(octokit.rest.pulls.create({ ...repo, head: "pm", base: "main", title: "empty" })).rejects.toMatchObject({ status: 422 });
    await octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: "pm.md", branch: "pm", message: "pm", content: b64("x") });
    const pr = await octokit.rest.pulls.create({ ...repo, head: "pm", base: "main", title: "Postmortem", body: "see" });
    await expect(octokit.rest.pulls.create({ ...repo, head: "pm", base: "main", title: "again" })).rejects.toMatchObject({ status: 422 });
    const listed = await octokit.rest.pulls.list({ ...repo, head: "acme:pm", state: "all" });
    expect(listed.data.map((p) => p.number)).toEqual([pr.data.number]);
    expect((await octokit.rest.pulls.list({ ...repo, head: "acme:other" })).data).toEqual([]);
    await octokit.rest.pulls.update({ ...repo, pull_number: pr.data.number, title: "Postmortem v2" });
    await expect(
      octokit.rest.pulls.requestReviewers({ ...repo, pull_number: pr.data.number, team_reviewers: ["nobody"] }),
    ).rejects.toMatchObject({ status: 422 });
    const reviewed = await octokit.rest.pulls.requestReviewers({ ...repo, pull_number: pr.data.number, team_reviewers: ["ml-serving"] });
    expect(reviewed.data.requested_teams?.map((t) => t.slug)).toEqual(["ml-serving"]);

    gh.as("bob").commitFile("pm", "pm.md", "edited by bob");
    gh.as("bob").mergePullRequest(pr.data.number);
    const merged = await octokit.rest.pulls.get({ ...repo, pull_number: pr.data.number });
    expect(merged.data).toMatchObject({ merged: true, state: "closed", title: "Postmortem v2" });
    expect(gh.fileOn("main", "pm.md")).toBe("edited by bob");
    expect(gh.pendingWebhooks).toBeGreaterThan(0);
  });
});
