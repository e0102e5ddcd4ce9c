import { Octokit } from "@octokit/rest";
import { Argument } from "commander";
import { parseConfig } from "../../config/load-config.js";
import type { GitHubClient } from "../../github/client.js";
import { loadPostmortemInput } from "../../github/load-postmortem-input.js";
import { readRepositoryFile } from "../../github/read-repository-file.js";
import { labelNames } from "../../incident/label-names.js";
import { buildPostmortemData } from "../../reports/data/build-postmortem-data.js";
import { templateOverridePath } from "../../reports/load-template.js";
import { renderReport } from "../../reports/render-report.js";
import { loadYaml } from "../../yaml/load-yaml.js";
import type { CliCommand, CliInput, CliIo } from "../cli-command.js";
import { defineCommand } from "../define-command.js";
import { describeApiError } from "../describe-api-error.js";
import { apiUrlFrom } from "./metrics.js";

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
  return defineCommand({
    name: "render",
    define: (command) =>
      command
        .description("preview an incident's postmortem (Markdown to stdout)")
        .usage("postmortem --repo <owner/name> --issue <n>")
        .addArgument(new Argument("<report>", "what to render").choices(["postmortem"]))
        .option("--repo <owner/name>", "the incident's repository (required)")
        .option("--issue <n>", "the incident's issue number (required)"),
    execute: (input, io) => run(input, io, deps),
  });
}

export const renderCommand = createRenderCommand(defaultRenderDeps);

async function run({ options, usageError: usage }: CliInput, io: CliIo, deps: RenderDeps): Promise<number> {
  const values = options as { repo?: string; issue?: string };
  const match = REPO.exec(values.repo ?? "");
  if (!match) return usage("--repo owner/name is required");
  const issue = Number(values.issue);
  if (!Number.isInteger(issue) || issue < 1) return usage("--issue N is required");
  const token = deps.env.GITHUB_TOKEN || deps.env.GH_TOKEN;
  if (!token) {
    io.stderr("firewatch render: GITHUB_TOKEN is not set (a token that can read the repository's issues and contents).");
    return 2;
  }
  const apiUrl = apiUrlFrom(deps.env);
  const octokit = deps.createClient({ baseUrl: apiUrl, token });
  const repo = { owner: match[1]!, repo: match[2]! };
  try {
    return await render(octokit, repo, issue, io, deps.now());
  } catch (error) {
    const name = `${repo.owner}/${repo.repo}`;
    io.stderr(`firewatch render: ${describeApiError(error, apiUrl, { name: `${name}#${issue}`, needs: `read access to ${name}'s issues and contents` })}`);
    return 1;
  }
}

async function render(octokit: GitHubClient, repo: { owner: string; repo: string }, issue: number, io: CliIo, now: Date): Promise<number> {
  const configText = await readRepositoryFile(octokit, repo, ".github/firewatch.yml");
  const yaml = loadYaml(configText ?? "");
  const { config } = parseConfig(yaml.ok ? yaml.value : undefined);
  const input = await loadPostmortemInput({ octokit, repo, config, names: labelNames(config) }, issue, now.toISOString());
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
