import { readFileSync } from "node:fs";
import * as yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { registeredEvents } from "../support/registered-events.js";

interface Workflow {
  on: Record<string, { types?: string[]; workflows?: string[] } | { cron: string }[] | null>;
  permissions: Record<string, string>;
  concurrency: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, { steps: { uses?: string }[] }>;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: { run?: string; uses?: string; env?: Record<string, string>; "working-directory"?: string }[] };
}


describe(".github/workflows/firewatch.yml, the workflow users copy for Actions mode", () => {
  const workflow = yaml.load(readFileSync(".github/workflows/firewatch.yml", "utf8")) as Workflow;

  it("is started by every event action the app handles (push only drops a server's cache), and by a schedule", () => {
    const listed = Object.entries(workflow.on).flatMap(([event, spec]) =>
      spec && !Array.isArray(spec) && spec.types ? spec.types.map((type) => `${event}.${type}`) : [event],
    );
    const handled = registeredEvents().filter((e) => e !== "push");
    expect(listed.filter((e) => !["schedule", "workflow_dispatch"].includes(e)).sort()).toEqual(handled.sort());
    expect(workflow.on.schedule).toEqual([{ cron: "*/10 * * * *" }]);
  });

  it("asks for the app's permissions (app.yml), as github-actions[bot]", () => {
    const manifest = yaml.load(readFileSync("app.yml", "utf8")) as { default_permissions: Record<string, string> };
    const { metadata: _metadata, ...needed } = manifest.default_permissions;
    expect(workflow.permissions).toEqual(Object.fromEntries(Object.entries(needed).map(([k, v]) => [k.replaceAll("_", "-"), v])));
  });

  it("runs one run at a time per issue and cancels none", () => {
    expect(workflow.concurrency.group).toMatch(/^firewatch-\$\{\{ github\.event\.issue\.number \|\| github\.event\.pull_request\.number \|\|/);
    expect(workflow.concurrency["cancel-in-progress"]).toBe(false);
  });

  it("uses the action by its repository and major version, never an npm package", () => {
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(steps.map((s) => s.uses)).toEqual(["firewatch-app/firewatch@v1"]);
    expect(readFileSync(".github/workflows/firewatch.yml", "utf8")).not.toMatch(/npx/);
  });
});

describe("action.yml", () => {
  const action = yaml.load(readFileSync("action.yml", "utf8")) as Action;

  it("installs the locked dependencies in its own folder (which builds lib/), then runs node lib/action.js with the token", () => {
    expect(action.runs.using).toBe("composite");
    const run = action.runs.steps.filter((s) => s.run);
    expect(run.map((s) => s.run)).toEqual(["npm ci --no-audit --no-fund", "node lib/action.js"]);
    expect(run.every((s) => s["working-directory"] === "${{ github.action_path }}")).toBe(true);
    expect(run[1]!.env).toEqual({ GITHUB_TOKEN: "${{ inputs.token }}" });
    expect(action.inputs.token!.default).toBe("${{ github.token }}");
    const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.prepare).toBe("npm run build");
  });
});
