import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Octokit } from "@octokit/rest";
import type { GitHubStandIn } from "../support/github/github-stand-in.js";
import { secondaryRateLimit, tooManyRequests } from "../support/github/http/fault-injection.js";
import { startStandIn } from "./start-stand-in.js";

const repo = { owner: "acme", repo: "ops" };

describe("GitHub stand-in: REST behaviour", () => {
  let gh: GitHubStandIn;
  let octokit: Octokit;
  beforeEach(async () => {
    ({ gh, octokit } = await startStandIn());
  });
  afterEach(async () => {
    await gh.stop();
    gh.assertClean();
  });

  it("pages lists like GitHub: 30 by default, Link rel=next/last, per_page capped at 100", async () => {
    for (let i = 1; i <= 65; i++) gh.as("alice").openIssue({ title: `incident ${i}` });
    const first = await octokit.rest.issues.listForRepo({ ...repo });
    expect(first.data).toHaveLength(30);
    expect(first.data[0]?.number).toBe(65);
    expect(first.headers.link).toMatch(/page=2>; rel="next", <[^>]+page=3>; rel="last"/);
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, per_page: 100 });
    expect(all.map((issue) => issue.number)).toEqual(Array.from({ length: 65 }, (_, i) => 65 - i));
  });

  it("answers a conditional GET with 304 and an empty body, and logs it", async () => {
    const number = gh.as("alice").openIssue({ title: "GPU OOM" });
    const first = await octokit.rest.issues.get({ ...repo, issue_number: number });
    const etag = first.headers.etag ?? "";
    await expect(
      octokit.rest.issues.get({ ...repo, issue_number: number, headers: { "if-none-match": etag } }),
    ).rejects.toMatchObject({ status: 304 });
    gh.as("alice").addLabels(number, ["incident"]);
    const changed = await octokit.rest.issues.get({ ...repo, issue_number: number, headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(gh.requests.map((r) => [r.operationId, r.status, r.notModified])).toEqual([
      ["issues/get", 200, false],
      ["issues/get", 304, true],
      ["issues/get", 200, false],
    ]);
  });

  it("failNext answers the error without doing the write", async () => {
    const number = gh.as("alice").openIssue({ title: "gateway 502s" });
    gh.failNext({ route: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", status: 502, times: 2 });
    const attempt = () => octokit.rest.issues.createComment({ ...repo, issue_number: number, body: "ack" });
    await expect(attempt()).rejects.toMatchObject({ status: 502 });
    await expect(attempt()).rejects.toMatchObject({ status: 502 });
    await attempt();
    expect(gh.issue(number).comments.map((c) => c.body)).toEqual(["ack"]);
  });

  it("failNext with afterApplying does the write and then fails: the ambiguous 5xx", async () => {
    const number = gh.as("alice").openIssue({ title: "gateway 502s" });
    gh.failNext({ route: "issues/create-comment", status: 500, afterApplying: true });
    await expect(octokit.rest.issues.createComment({ ...repo, issue_number: number, body: "ack" })).rejects.toMatchObject({ status: 500 });
    expect(gh.issue(number).comments.map((c) => c.body)).toEqual(["ack"]);
  });

  it("offers GitHub's secondary rate limit (403 + retry-after) and 429", async () => {
    const number = gh.as("alice").openIssue({ title: "token spike" });
    gh.failNext(secondaryRateLimit("issues/add-labels", 30));
    gh.failNext(tooManyRequests("issues/add-labels"));
    const add = () => octokit.rest.issues.addLabels({ ...repo, issue_number: number, labels: ["incident"] });
    const limited = await add().catch((error: { status: number; response: { headers: Record<string, string>; data: { message: string } } }) => error);
    expect(limited).toMatchObject({ status: 403, response: { headers: { "retry-after": "30" } } });
    expect((limited as { response: { data: { message: string } } }).response.data.message).toMatch(/secondary rate limit/);
    await expect(add()).rejects.toMatchObject({ status: 429 });
    await add();
    expect(gh.issue(number).labels).toEqual(["incident"]);
  });

  it("refuses a failNext route that names no operation", () => {
    expect(() => gh.failNext({ route: "POST /repos/{owner}/{repo}/stickers", status: 500 })).toThrow(/no operation POST/);
  });

  it("serves files as JSON (base64) and raw, on the default branch or a ref, 404 when missing", async () => {
    gh.repo.branches.get("main")?.set(".github/firewatch.yml", "severity: high\n");
    const json = await octokit.rest.repos.getContent({ ...repo, path: ".github/firewatch.yml" });
    expect(Buffer.from((json.data as { content: string }).content, "base64").toString()).toBe("severity: high\n");
    const raw = await octokit.rest.repos.getContent({ ...repo, path: ".github/firewatch.yml", ref: "main", mediaType: { format: "raw" } });
    expect(raw.data as unknown).toBe("severity: high\n");
    await expect(octokit.rest.repos.getContent({ ...repo, path: "missing.yml" })).rejects.toMatchObject({ status: 404 });
    await expect(octokit.rest.repos.getContent({ ...repo, path: ".github/firewatch.yml", ref: "nope" })).rejects.toMatchObject({ status: 404 });
  });

  it("reports role_name with the legacy permission, 'none' for a known non-collaborator, 404 for nobody", async () => {
    gh.as("mallory");
    const permission = (username: string) => octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    expect((await permission("alice")).data).toMatchObject({ role_name: "triage", permission: "read" });
    expect((await permission("bob")).data).toMatchObject({ role_name: "maintain", permission: "write" });
    expect((await permission("mallory")).data).toMatchObject({ role_name: "none", permission: "none" });
    await expect(permission("nobody")).rejects.toMatchObject({ status: 404 });
  });

  it("records the timeline with actors and virtual-clock timestamps", async () => {
    const number = gh.as("alice").openIssue({ title: "KV-cache saturation", labels: ["incident"] });
    gh.clock.advance("5m");
    gh.as("bob").close(number);
    gh.clock.advance("1h");
    gh.as("bob").reopen(number);
    await octokit.rest.issues.addAssignees({ ...repo, issue_number: number, assignees: ["alice"] });
    const events = await octokit.rest.issues.listEvents({ ...repo, issue_number: number });
    expect(events.data.map((e) => [e.event, e.actor?.login, e.created_at])).toEqual([
      ["labeled", "alice", "2026-01-05T09:00:00Z"],
      ["closed", "bob", "2026-01-05T09:05:00Z"],
      ["reopened", "bob", "2026-01-05T10:05:00Z"],
      ["assigned", "firewatch[bot]", "2026-01-05T10:05:00Z"],
    ]);
    const timeline = await octokit.rest.issues.listEventsForTimeline({ ...repo, issue_number: number });
    expect(timeline.data).toHaveLength(4);
  });
});
