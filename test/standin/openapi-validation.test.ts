import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Octokit } from "@octokit/rest";
import type { GitHubStandIn } from "../support/github/github-stand-in.js";
import { startStandIn } from "./start-stand-in.js";

describe("GitHub stand-in: every request is checked against GitHub's OpenAPI description", () => {
  let gh: GitHubStandIn;
  let octokit: Octokit;
  let token: string;
  beforeEach(async () => {
    ({ gh, octokit, token } = await startStandIn());
    gh.as("alice").openIssue({ title: "latency regression" });
  });
  afterEach(async () => {
    await gh.stop();
  });

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${gh.urls.api}${path}`, {
      method,
      headers: { authorization: `token ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("rejects an unknown path and records it", async () => {
    const response = await call("POST", "/repos/acme/ops/issues/1/stickers", { sticker: "fire" });
    expect(response.status).toBe(404);
    expect(gh.failures.all).toEqual(["POST /repos/acme/ops/issues/1/stickers: no such operation in GitHub's REST API"]);
    expect(() => gh.assertClean()).toThrow(/1 failure\(s\):\n {2}1\. POST \/repos\/acme\/ops\/issues\/1\/stickers/);
  });

  it("rejects a body without a required field, naming the operation and the field", async () => {
    const response = await call("POST", "/repos/acme/ops/issues/1/comments", { text: "hi" });
    expect(response.status).toBe(422);
    expect(gh.failures.all).toEqual([
      expect.stringMatching(/^issues\/create-comment \(POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments\): invalid request: body \(root\): missing required property "body"/),
    ]);
    expect(gh.issue(1).comments).toEqual([]);
  });

  it("rejects a field of the wrong type and a malformed query parameter", async () => {
    await call("PATCH", "/repos/acme/ops/issues/1", { state: "resolved" });
    await call("GET", "/repos/acme/ops/issues?per_page=lots");
    expect(gh.failures.all).toEqual([
      expect.stringContaining('issues/update (PATCH /repos/{owner}/{repo}/issues/{issue_number}): invalid request: body /state: must be equal to one of the allowed values: ["open","closed"]'),
      expect.stringContaining('issues/list-for-repo (GET /repos/{owner}/{repo}/issues): invalid request: query parameter "per_page"="lots": must be integer'),
    ]);
    expect(gh.issue(1).state).toBe("open");
  });

  it("accepts null where the description says nullable, even beside an enum without null", async () => {
    await octokit.rest.issues.update({ owner: "acme", repo: "ops", issue_number: 1, state: "closed", state_reason: null });
    expect(gh.issue(1).state).toBe("closed");
    gh.assertClean();
  });

  it("answers 501 for an operation it does not implement and records which", async () => {
    await expect(octokit.rest.issues.lock({ owner: "acme", repo: "ops", issue_number: 1 })).rejects.toMatchObject({ status: 501 });
    expect(gh.failures.all).toEqual(["stand-in does not implement issues/lock (PUT /repos/{owner}/{repo}/issues/{issue_number}/lock)"]);
  });

  it("checks its own responses, so a handler that forgets GitHub's required fields is caught", async () => {
    gh.handlers["issues/get"] = () => ({ status: 200, body: { number: 1, title: "incomplete" } });
    await octokit.rest.issues.get({ owner: "acme", repo: "ops", issue_number: 1 });
    expect(gh.failures.all).toEqual([
      expect.stringMatching(/^stand-in bug: issues\/get \(GET .*\) 200 response does not match GitHub's schema: \(root\): missing required property "assignee"/),
    ]);
  });

  it("refuses requests without an installation token and app endpoints without a valid app JWT", async () => {
    const anonymous = await fetch(`${gh.urls.api}/repos/acme/ops/issues/1`);
    const forged = await fetch(`${gh.urls.api}/app`, { headers: { authorization: "Bearer a.b.c" } });
    expect([anonymous.status, forged.status]).toEqual([401, 401]);
    expect(gh.failures.all).toEqual([
      "issues/get (GET /repos/{owner}/{repo}/issues/{issue_number}): issues/get needs an installation token issued by the stand-in",
      expect.stringContaining("apps/get-authenticated (GET /app): "),
    ]);
  });

  it("serves the API only under /api/v3, as GitHub Enterprise Server does", async () => {
    const response = await fetch(`${gh.urls.web}/repos/acme/ops/issues/1`, { headers: { authorization: `token ${token}` } });
    expect(response.status).toBe(404);
    expect(gh.failures.all).toEqual([expect.stringContaining("not under /api/v3")]);
  });
});
