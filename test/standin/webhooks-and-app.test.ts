import { afterEach, describe, expect, it } from "vitest";
import type { ApplicationFunction } from "probot";
import { startScenario, type Scenario } from "../support/harness.js";

describe("GitHub stand-in: webhooks and the app's lifecycle", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("deliverTwice sends every webhook a second time with the same X-GitHub-Delivery", async () => {
    const seen: string[] = [];
    const appFn: ApplicationFunction = (app) => {
      app.on("issue_comment.created", async (context) => {
        seen.push(context.id);
      });
    };
    scenario = await startScenario({ appFn, deliverTwice: true });
    const { gh } = scenario;
    const number = gh.as("alice").openIssue({ title: "embeddings down" });
    gh.as("alice").comment(number, "/ack");
    await gh.settle();

    expect(gh.deliveries.map((d) => `${d.event}.${d.action}#${d.attempt}:${d.status}`)).toEqual([
      "issues.opened#1:200",
      "issues.opened#2:200",
      "issue_comment.created#1:200",
      "issue_comment.created#2:200",
    ]);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
  });

  it("reads config through context.config, answers comments, and edits them with issue_comment.edited", async () => {
    const appFn: ApplicationFunction = (app) => {
      app.on("issue_comment.created", async (context) => {
        if (context.isBot) return;
        const config = await context.config<{ greeting: string }>("firewatch.yml", { greeting: "hello" });
        const { data } = await context.octokit.rest.issues.createComment(context.issue({ body: `${config?.greeting} (draft)` }));
        await context.octokit.rest.reactions.createForIssueComment(context.repo({ comment_id: context.payload.comment.id, content: "eyes" }));
        await context.octokit.rest.issues.updateComment(context.repo({ comment_id: data.id, body: `${config?.greeting}` }));
      });
    };
    scenario = await startScenario({
      appFn,
      repo: { owner: "acme", name: "ops", files: { ".github/firewatch.yml": "greeting: on it\n" } },
    });
    const { gh } = scenario;
    const number = gh.as("alice").openIssue({ title: "rag-pipeline stale answers" });
    gh.as("alice").comment(number, "/status identified");
    await gh.settle();

    expect(gh.issue(number).comments).toEqual([
      { id: expect.any(Number), body: "/status identified", user: "alice", reactions: { eyes: 1 } },
      { id: expect.any(Number), body: "on it", user: "firewatch[bot]", reactions: {} },
    ]);
    expect(gh.deliveries.map((d) => `${d.event}.${d.action}`)).toEqual([
      "issues.opened",
      "issue_comment.created",
      "issue_comment.created",
      "issue_comment.edited",
    ]);
    const edited = gh.deliveries[3]?.payload as { changes: { body: { from: string } }; sender: { type: string } };
    expect(edited.changes.body.from).toBe("on it (draft)");
    expect(edited.sender.type).toBe("Bot");
  });

  it("restart brings up a brand-new app instance; what lives on GitHub survives", async () => {
    const instances: number[] = [];
    let started = 0;
    const appFn: ApplicationFunction = (app) => {
      const instance = ++started;
      app.on("issues.labeled", async (context) => {
        instances.push(instance);
        if (context.payload.label?.name === "incident") {
          await context.octokit.rest.issues.addLabels(context.issue({ labels: ["status:detected"] }));
        }
      });
    };
    scenario = await startScenario({ appFn });
    const { gh, app } = scenario;
    const firstUrl = app.url;
    const number = gh.as("alice").openIssue({ title: "provider outage", labels: ["incident"] });
    await gh.settle();
    await app.restart();
    gh.as("bob").addLabels(number, ["severity:high"]);
    await gh.settle();

    expect(app.url).not.toBe(firstUrl);
    expect(instances).toEqual([1, 1, 2]);
    expect(gh.issue(number).labels).toEqual(["incident", "severity:high", "status:detected"]);
  });

  it("lets a test call the app's own HTTP routes", async () => {
    const appFn: ApplicationFunction = (_app, { addHandler }) => {
      addHandler?.((req, res) => {
        if (req.url !== "/alerts") return false;
        res.writeHead(202, { "content-type": "application/json" }).end('{"accepted":true}');
        return true;
      });
    };
    scenario = await startScenario({ appFn });
    const response = await scenario.app.fetch("/alerts", { method: "POST", body: "{}" });
    expect([response.status, await response.json()]).toEqual([202, { accepted: true }]);
  });

  it("stops a webhook loop after maxDeliveries (default 200) and says so", async () => {
    const appFn: ApplicationFunction = (app) => {
      app.on("issues.labeled", async (context) => {
        await context.octokit.rest.issues.addLabels(context.issue({ labels: [`again-${Math.random()}`] }));
      });
    };
    scenario = await startScenario({ appFn, maxDeliveries: 25 });
    const { gh } = scenario;
    gh.as("alice").openIssue({ title: "loop", labels: ["incident"] });
    await expect(gh.settle()).rejects.toThrow(/more than 25 webhook deliveries/);
    expect(gh.failures.all).toEqual([expect.stringMatching(/^webhook loop: more than 25 deliveries in one settle\(\); still pending: issues\.labeled/)]);
    gh.failures.clear();
  });

  it("records an app that answers a webhook with an error", async () => {
    const appFn: ApplicationFunction = (app) => {
      app.on("issues.opened", async () => {
        throw new Error("boom");
      });
    };
    scenario = await startScenario({ appFn });
    const { gh } = scenario;
    gh.as("alice").openIssue({ title: "crash" });
    await gh.settle();
    expect(gh.deliveries.map((d) => d.status)).toEqual([500]);
    expect(() => gh.assertClean()).toThrow(/webhook issues\.opened \(.*attempt 1\) answered 500/);
    gh.failures.clear();
  });
});
