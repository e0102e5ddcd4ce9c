import * as yaml from "js-yaml";
import { ProbotOctokit } from "probot";
import { parseConfig } from "../../src/config/load-config.js";
import { createScope, type EventScope } from "../../src/handlers/event-scope.js";
import type { GitHubStandIn } from "./github/github-stand-in.js";

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, fatal: () => {}, trace: () => {}, child: () => quiet } as unknown as EventScope["log"];

/**
 * An EventScope as the app opens one, authenticated as the app's installation on the
 * stand-in, for calling command operations (`/why`, `/postmortem`) directly in a scenario
 * while their comment wiring lives elsewhere. Requests go through the stand-in and are
 * validated like the app's own.
 */
export function reportScope(gh: GitHubStandIn, deliveryId = "test-delivery"): EventScope {
  const Octokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));
  const octokit = new Octokit({ auth: { token: gh.installationToken() }, baseUrl: gh.urls.api, log: quiet }) as unknown as EventScope["octokit"];
  const repo = { owner: gh.repo.owner.login, repo: gh.repo.name };
  const file = gh.fileOn(gh.repo.defaultBranch, ".github/firewatch.yml");
  const loaded = parseConfig(file === undefined ? {} : yaml.load(file));
  const deps = { now: () => gh.clock.now(), sleep: async (ms: number) => void gh.clock.advance(ms) };
  return createScope({ octokit, repo, log: quiet, deliveryId, deps, loaded });
}
