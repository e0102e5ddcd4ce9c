import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadYaml } from "../../src/yaml/load-yaml.js";
import { validateRunbook } from "../../src/runbooks/validate-runbook.js";

const dir = new URL("../../.github/runbooks/", import.meta.url);
const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f));
const ALLOW = ["status.openai.com", "gateway.internal.example.com"];

describe("shipped runbooks", () => {
  it("exist", () => expect(files.length).toBeGreaterThanOrEqual(3));
  it.each(files)("%s passes validation", async (file) => {
    const result = validateRunbook(await readFile(new URL(file, dir), "utf8"), file, { httpAllow: ALLOW });
    expect(result.errors).toEqual([]);
  });

  it("dispatch workflows that exist and accept the correlation input in their run name", async () => {
    const source = await readFile(new URL("../../.github/workflows/rollback-model.yml", import.meta.url), "utf8");
    const loaded = loadYaml(source);
    const workflow = loaded.ok ? (loaded.value as { "run-name": string; on: { workflow_dispatch: { inputs: Record<string, unknown> } } }) : undefined;
    expect(workflow?.on.workflow_dispatch.inputs).toHaveProperty("firewatch_run_id");
    expect(workflow?.["run-name"]).toContain("${{ inputs.firewatch_run_id }}");
    const runbook = validateRunbook(await readFile(new URL("model-quality-regression.yml", dir), "utf8"), "m.yml").runbook;
    for (const step of runbook?.steps ?? []) if (step.run.kind === "workflow") expect(Object.keys(workflow?.on.workflow_dispatch.inputs ?? {})).toEqual(expect.arrayContaining(Object.keys(step.run.inputs)));
  });
});
