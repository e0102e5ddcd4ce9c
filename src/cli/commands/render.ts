import { Octokit } from "@octokit/rest";
import { parseArgs } from "node:util";
import { parseConfig } from "../../config/load-config.js";
import type { GitHubClient } from "../../github/client.js";
import { loadPostmortemInput } from "../../github/load-postmortem-input.js";
import { readRepositoryFile } from "../../github/read-repository-file.js";
import { labelNames } from "../../incident/label-names.js";
import { buildPostmortemData } from "../../reports/data/build-postmortem-data.js";
import { templateOverridePath } from "../../reports/load-template.js";
import { renderReport } from "../../reports/render-report.js";
import { loadYaml } from "../../yaml/load-yaml.js";
import type { CliCommand, CliIo } from "../cli-command.js";
import { apiUrlFrom } from "./metrics.js";

const USAGE = "firewatch render postmortem --repo owner/name --issue N";
const REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export interface RenderDeps {
  env: NodeJS.ProcessEnv;
  now(): Date;
  createClient(options: { baseUrl: string; token: string }): GitHubClient;
}

export const defaultRenderDeps: RenderDeps = {
  env: process.env,
  now: () => new Date(),
  // @octokit/rest has the same REST methods the app's loaders call on Probot's client.
  createClient: ({ baseUrl, token }) => new Octokit({ baseUrl, auth: token, userAgent: "firewatch-cli", log: quiet }) as unknown as GitHubClient,
};

/** `firewatch render postmortem`: prints the postmortem as the app would write it, from the repository's template when it has one. */
export function createRenderCommand(deps: RenderDeps): CliCommand {
  return { name: "render", summary: "preview an incident's postmortem (Markdown to stdout)", usage: USAGE, run: (args, io) => run(args, io, deps) };
}

export const renderCommand = createRenderCommand(defaultRenderDeps);

async function run(args: string[], io: CliIo, deps: RenderDeps): Promise<number> {
  let parsed: { positionals: string[]; values: { repo?: string; issue?: string } };
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { repo: { type: "string" }, issue: { type: "string" } } });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals[0] !== "postmortem") return usage(io, positionals[0] ? `cannot render "${positionals[0]}"; only postmortem` : "say what to render: postmortem");
  const match = REPO.exec(values.repo ?? "");
  if (!match) return usage(io, "--repo owner/name is required");
  const issue = Number(values.issue);
  if (!Number.isInteger(issue) || issue < 1) return usage(io, "--issue N is required");
  const token = deps.env.GITHUB_TOKEN || deps.env.GH_TOKEN;
  if (!token) {
    io.stderr("firewatch render: GITHUB_TOKEN is not set (a token that can read the repository's issues and contents).");
    return 2;
  }
  const octokit = deps.createClient({ baseUrl: apiUrlFrom(deps.env), token });
  const repo = { owner: match[1]!, repo: match[2]! };
  const configText = await readRepositoryFile(octokit, repo, ".github/firewatch.yml");
  const yaml = loadYaml(configText ?? "");
  const { config } = parseConfig(yaml.ok ? yaml.value : undefined);
  const input = await loadPostmortemInput({ octokit, repo, config, names: labelNames(config) }, issue, deps.now().toISOString());
  if (!input) {
    io.stderr(`firewatch render: ${repo.owner}/${repo.repo}#${issue} is not a Firewatch incident (no incident card).`);
    return 1;
  }
  const override = await readRepositoryFile(octokit, repo, templateOverridePath("postmortem"));
  const result = renderReport("postmortem", override, buildPostmortemData(input));
  if (result.ok) {
    io.stdout(result.markdown);
    return 0;
  }
  io.stderr(`${templateOverridePath("postmortem")}:${result.error.line}:${result.error.column}: ${result.error.message}`);
  if (result.fallback !== undefined) io.stdout(result.fallback);
  return 1;
}

function usage(io: CliIo, problem: string): number {
  io.stderr(`firewatch render: ${problem}\nusage: ${USAGE}`);
  return 2;
}
