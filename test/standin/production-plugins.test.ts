import { afterEach, describe, expect, it } from "vitest";
import type { ApplicationFunction } from "probot";
import { secondaryRateLimit } from "../support/github/http/fault-injection.js";
import { startScenario, type Scenario } from "../support/harness.js";
import type { OctokitPlugins } from "../support/octokit-plugins.js";

/** On an opened issue: reads it back, then comments its title (what a GET failure would stop). */
const readThenComment: ApplicationFunction = (app) => {
  app.on("issues.opened", async (context) => {
    const { data } = await context.octokit.rest.issues.get(context.issue());
    await context.octokit.rest.issues.createComment(context.issue({ body: `seen: ${data.title}` }));
  });
};

describe("harness: plugins: \"production\" keeps Probot's throttle and retry plugins on", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  const start = async (appFn: ApplicationFunction, plugins: OctokitPlugins) => {
    scenario = await startScenario({ appFn, plugins });
    return scenario;
  };
  const calls = (s: Scenario, operationId: string) =>
    s.gh.requests.filter((r) => r.operationId === operationId).map((r) => r.status);

  it("a 5xx on a GET is retried by plugin-retry, and the app carries on", async () => {
    const s = await start(readThenComment, "production");
    s.gh.failNext({ route: "issues/get", status: 502, times: 2 });
    const number = s.gh.as("alice").openIssue({ title: "disk full" });
    // Production waits 1 s then 4 s before these two retries; here 1 ms and 4 ms (no timed
    // assertion: a machine under load makes those flaky; the test's own timeout bounds it).
    await s.gh.settle();
    expect(calls(s, "issues/get")).toEqual([502, 502, 200]);
    expect(s.gh.issue(number).comments.map((c) => c.body)).toEqual(["seen: disk full"]);
  });

  it("with plugins off (the default) the same 5xx reaches the app: the test above can fail", async () => {
    const s = await start(readThenComment, "off");
    s.gh.failNext({ route: "issues/get", status: 502 });
    const number = s.gh.as("alice").openIssue({ title: "disk full" });
    await s.gh.settle();
    expect(calls(s, "issues/get")).toEqual([502]);
    expect(s.gh.issue(number).comments).toEqual([]);
    expect(s.gh.failures.all).toEqual([expect.stringMatching(/^webhook issues\.opened .* answered 502: .*Injected 502/)]);
    s.gh.failures.clear();
  });

  it("a 403 secondary rate limit reaches Probot's throttle handler, which does not retry it", async () => {
    const errors: number[] = [];
    const appFn: ApplicationFunction = (app) => {
      app.on("issues.opened", async (context) => {
        await context.octokit.rest.issues
          .createComment(context.issue({ body: "first" }))
          .catch((error: { status: number }) => errors.push(error.status));
      });
    };
    const s = await start(appFn, "production");
    s.gh.failNext(secondaryRateLimit("issues/create-comment", 30));
    s.gh.as("alice").openIssue({ title: "busy" });
    await s.gh.settle();
    expect(s.app.throttleEvents).toEqual([
      { kind: "secondary-limit", method: "POST", url: "/repos/{owner}/{repo}/issues/{issue_number}/comments", retryAfter: 30, retried: false },
    ]);
    expect(errors).toEqual([403]);
    expect(calls(s, "issues/create-comment")).toEqual([403]);
  });

  it("writes go through the throttle's queues and all succeed", async () => {
    const appFn: ApplicationFunction = (app) => {
      app.on("issues.opened", async (context) => {
        const writes = [1, 2, 3, 4, 5].map((n) => context.octokit.rest.issues.createComment(context.issue({ body: `note ${n}` })));
        await Promise.all([...writes, context.octokit.rest.issues.addLabels(context.issue({ labels: ["triage"] }))]);
      });
    };
    const s = await start(appFn, "production");
    const number = s.gh.as("alice").openIssue({ title: "many writes" });
    await s.gh.settle();
    expect(s.gh.issue(number).comments.map((c) => c.body).sort()).toEqual(["note 1", "note 2", "note 3", "note 4", "note 5"]);
    expect(s.gh.issue(number).labels).toEqual(["triage"]);
    expect(s.app.throttleEvents).toEqual([]);
  });
});
