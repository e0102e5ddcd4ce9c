import { readFileSync } from "node:fs";
import type { RepositorySeed } from "../../test/support/github/state/github-state.js";

const root = new URL("../../", import.meta.url);
const shipped = (path: string): string => readFileSync(new URL(path, root), "utf8");

/** The demo repository's `.github/firewatch.yml`: two services with their teams and on-call people. */
export const DEMO_CONFIG = `# Firewatch configuration for acme/llm-platform (the demo's repository)
services:
  inference:
    team: "@acme/ml-serving"
    oncall: [amara]
  gateway:
    team: "@acme/edge"
    oncall: [kenji]
roles: [commander, communications, scribe]
escalation:
  critical: ["@acme/sre-leads"]
runbooks:
  http_allow: [status.openai.com, "*.internal.example.com"]   # the shipped upstream-provider-outage runbook calls these
postmortem:
  when: resolve
  directory: docs/postmortems
`;

/** Files shipped with Firewatch that the demo copies into the repository unchanged. */
export const SHIPPED_FILES = [
  ".github/ISSUE_TEMPLATE/incident.yml",
  ".github/runbooks/gpu-oom-inference.yml",
  ".github/runbooks/model-quality-regression.yml",
  ".github/runbooks/upstream-provider-outage.yml",
  ".github/workflows/rollback-model.yml",
  ".github/fault-trees/inference-unavailable.yml",
] as const;

/** The people in the story, and their role in the repository. */
export const PEOPLE = {
  /** On call for inference (from the config). */
  amara: "write",
  /** On call for the gateway (from the config). */
  kenji: "write",
  /** SRE lead; takes incident command. */
  priya: "maintain",
  /** Communications; posts the stakeholder updates. */
  dana: "triage",
  /** ML engineer; owns the model rollout. */
  marco: "write",
  /** Support engineer who saw the alert first. */
  lena: "triage",
} as const satisfies RepositorySeed["collaborators"];

export const TEAMS = ["acme/ml-serving", "acme/edge", "acme/sre-leads"] as const;

export function demoRepository(): RepositorySeed & { files: Record<string, string> } {
  const files: Record<string, string> = { ".github/firewatch.yml": DEMO_CONFIG };
  for (const path of SHIPPED_FILES) files[path] = shipped(path);
  files["README.md"] = "# llm-platform\n\nServing and gateway for Acme's LLM APIs.\n";
  return { owner: "acme", name: "llm-platform", files, collaborators: { ...PEOPLE } };
}
