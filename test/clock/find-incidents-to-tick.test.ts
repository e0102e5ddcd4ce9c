import { afterEach, describe, expect, it } from "vitest";
import { findIncidentsToTick } from "../../src/clock/find-incidents-to-tick.js";
import { WEBHOOK_SECRET } from "../support/app-credentials.js";
import { GitHubStandIn } from "../support/github/github-stand-in.js";
import { testOctokit } from "../support/octokit-plugins.js";
import { rsaKeyPair } from "../support/rsa-key-pair.js";

describe("findIncidentsToTick: one search for an installation's open incidents", () => {
  let gh: GitHubStandIn | undefined;
  afterEach(async () => {
    await gh?.stop();
    gh?.assertClean();
    gh = undefined;
  });

  it("an organisation's open incidents across its repositories, grouped by repository, in one request", async () => {
    gh = await GitHubStandIn.start({ appPublicKey: rsaKeyPair().publicKey, webhookSecret: WEBHOOK_SECRET });
    gh.state.ensureUser("acme", "Organization");
    const ops = gh.addRepository({ owner: "acme", name: "ops" });
    const inference = gh.addRepository({ owner: "acme", name: "inference" });
    const other = gh.addRepository({ owner: "other", name: "ops" });
    const open = gh.as("alice", ops).openIssue({ title: "GPU OOM", labels: ["incident"] });
    const closed = gh.as("alice", ops).openIssue({ title: "Old", labels: ["incident"] });
    gh.as("alice", ops).close(closed);
    gh.as("alice", ops).openIssue({ title: "Not an incident" });
    const elsewhere = gh.as("alice", inference).openIssue({ title: "Latency", labels: ["incident"] });
    gh.as("alice", other).openIssue({ title: "Someone else's", labels: ["incident"] });
    const Octokit = testOctokit("off", []);
    const octokit = new Octokit({ auth: { token: gh.workflowToken() }, baseUrl: gh.urls.api });
    const before = gh.requests.length;
    const found = await findIncidentsToTick(octokit, { login: "acme", type: "Organization" }, "incident");
    expect(found.sort((a, b) => a.repo.localeCompare(b.repo))).toEqual([
      { owner: "acme", repo: "inference", issues: [elsewhere] },
      { owner: "acme", repo: "ops", issues: [open] },
    ]);
    const made = gh.requests.slice(before);
    expect(made).toHaveLength(1);
    expect(decodeURIComponent(made[0]!.query)).toContain('q=is:issue is:open label:"incident" org:acme');
  });
});
