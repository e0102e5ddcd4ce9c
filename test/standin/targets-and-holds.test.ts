import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { ApplicationFunction } from "probot";
import { startScenario, type Scenario } from "../support/harness.js";

/** A bare webhook receiver standing in for one replica: answers 200, counts what it got. */
async function receiver(): Promise<{ url: string; got: string[]; server: Server }> {
  const got: string[] = [];
  const server = createServer((req, res) => {
    got.push(String(req.headers["x-github-delivery"]));
    req.resume().on("end", () => res.writeHead(200).end("ok"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, got, server };
}

const commentOnOpen: ApplicationFunction = (app) => {
  app.on("issues.opened", async (context) => {
    await context.octokit.rest.issues.createComment(context.issue({ body: "on it" }));
  });
};

describe("GitHub stand-in: several webhook targets, and holding a request open", () => {
  let scenario: Scenario | undefined;
  const servers: Server[] = [];
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
  });

  async function twoTargets() {
    scenario = await startScenario({ appFn: () => {} });
    const [a, b] = [await receiver(), await receiver()];
    servers.push(a.server, b.server);
    return { gh: scenario.gh, a, b };
  }

  it("round-robin: each POST goes to the next target, copies of a delivery included", async () => {
    const { gh, a, b } = await twoTargets();
    gh.webhookTarget = [a.url, b.url];
    gh.as("alice").openIssue({ title: "one" });
    gh.as("alice").openIssue({ title: "two" });
    await gh.settle({ burst: true, twice: "together" });
    expect([a.got.length, b.got.length]).toEqual([2, 2]);
    expect(gh.deliveries.map((d) => (d.target === a.url ? "a" : "b")).sort()).toEqual(["a", "a", "b", "b"]);
  });

  it("random: the same seed picks the same targets", async () => {
    const { gh, a, b } = await twoTargets();
    const picks = async (seed: number) => {
      gh.setWebhookTargets([a.url, b.url], { pick: "random", seed });
      for (let i = 0; i < 8; i++) gh.as("alice").openIssue({ title: `n${i}` });
      const before = gh.deliveries.length;
      await gh.settle();
      return gh.deliveries.slice(before).map((d) => (d.target === a.url ? "a" : "b")).join("");
    };
    const first = await picks(5);
    expect(await picks(5)).toBe(first);
    expect(first).toMatch(/a/);
    expect(first).toMatch(/b/);
  });

  it("holdNext keeps the request open before the write until released", async () => {
    scenario = await startScenario({ appFn: commentOnOpen });
    const { gh } = scenario;
    const hold = gh.holdNext("issues/create-comment");
    const number = gh.as("alice").openIssue({ title: "held" });
    const settled = gh.settle();
    await hold.reached;
    expect(gh.issue(number).comments).toEqual([]);
    hold.release();
    await settled;
    expect(gh.issue(number).comments.map((c) => c.body)).toEqual(["on it"]);
  });

  it("holdNext with afterApplying holds after the write landed, before the answer", async () => {
    scenario = await startScenario({ appFn: commentOnOpen });
    const { gh } = scenario;
    const hold = gh.holdNext({ route: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", afterApplying: true });
    const number = gh.as("alice").openIssue({ title: "held" });
    const settled = gh.settle();
    await hold.reached;
    expect(gh.issue(number).comments.map((c) => c.body)).toEqual(["on it"]);
    expect(gh.deliveries).toEqual([]);
    hold.release();
    await settled;
    expect(gh.deliveries.map((d) => `${d.event}:${d.status}`)).toEqual(["issues:200", "issue_comment:200"]);
  });
});
