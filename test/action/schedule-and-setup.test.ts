import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runAction } from "../../src/actions-mode/run-action.js";
import { ActionSetupError, readActionEnv } from "../../src/actions-mode/read-action-env.js";
import { startActionsRepo, type ActionsRepo } from "./actions-repo.js";

const RUNBOOK = `name: wait-for-human
triggers:
  severities: [critical, high, medium, low]
steps:
  - id: look
    title: Look at the dashboard
    type: assess
    timeout: 15m
    run: { kind: manual }
`;

describe("Actions mode: schedule is a tick", () => {
  let r: ActionsRepo | undefined;
  afterEach(async () => {
    await r?.stop();
    r = undefined;
  });

  it("a scheduled run fails a step past its timeout, with nobody touching the incident", async () => {
    r = await startActionsRepo({ ".github/runbooks/wait-for-human.yml": RUNBOOK });
    const { gh } = r;
    const n = gh.as("alice").openIssue({ title: "Latency" });
    gh.takeWorkflowEvents();
    gh.as("alice").addLabels(n, ["incident"]);
    for (const event of gh.takeWorkflowEvents()) expect((await r.run(event)).failed).toEqual([]);
    const runbook = () => gh.issue(n).comments.find((c) => c.body.includes("### 📘 Runbook `wait-for-human`"))!.body;
    expect(runbook()).not.toContain("— failed");

    const schedule = { name: "schedule", payload: { schedule: "*/5 * * * *" } };
    gh.clock.advance("10m");
    expect(await r.run(schedule)).toEqual({ handled: ["tick of acme/ops"], failed: [] });
    expect(runbook()).not.toContain("— failed");
    gh.clock.advance("6m");
    await r.run(schedule);
    expect(runbook()).toContain("— failed");
    expect(runbook()).toContain("timed out after 15m");
    expect(gh.requests.filter((q) => q.operationId === "search/issues-and-pull-requests")).toEqual([]);
  });
});

describe("Actions mode: what the run is given", () => {
  const base = {
    GITHUB_TOKEN: "t",
    GITHUB_EVENT_NAME: "issues",
    GITHUB_EVENT_PATH: "/tmp/e.json",
    GITHUB_REPOSITORY: "acme/ops",
  };

  it("defaults GITHUB_API_URL to api.github.com and takes a GitHub Enterprise Server's", () => {
    expect(readActionEnv(base).apiUrl).toBe("https://api.github.com");
    expect(readActionEnv({ ...base, GITHUB_API_URL: "https://ghe.example.com/api/v3/" }).apiUrl).toBe("https://ghe.example.com/api/v3");
  });

  it.each([
    [{ ...base, GITHUB_TOKEN: " " }, "GITHUB_TOKEN is not set."],
    [{ ...base, GITHUB_REPOSITORY: "ops" }, 'GITHUB_REPOSITORY "ops" is not owner/name.'],
    [{ ...base, GITHUB_API_URL: "ghe.example.com" }, 'GITHUB_API_URL "ghe.example.com" is not a URL.'],
  ])("refuses %j: %s", (env, message) => {
    expect(() => readActionEnv(env)).toThrow(ActionSetupError);
    expect(() => readActionEnv(env)).toThrow(message);
  });

  it("an event file that is missing or not JSON is a setup error that names it", async () => {
    const r = await startActionsRepo();
    const options = { now: () => new Date(), sleep: async () => {} };
    const missing = join(r.dir, "missing.json");
    await expect(runAction({ ...base, GITHUB_EVENT_PATH: missing }, options)).rejects.toThrow(`GITHUB_EVENT_PATH ${missing} cannot be read`);
    const broken = join(r.dir, "broken.json");
    writeFileSync(broken, "{ not json");
    await expect(runAction({ ...base, GITHUB_EVENT_PATH: broken }, options)).rejects.toThrow(`GITHUB_EVENT_PATH ${broken} is not a JSON event`);
    const good = join(r.dir, "good.json");
    writeFileSync(good, "{}");
    await expect(runAction({ ...base, GITHUB_EVENT_PATH: good, FIREWATCH_HTTP_ALLOW_CIDRS: "intranet" }, options)).rejects.toThrow(ActionSetupError);
    await r.stop();
  });
});
