import { nodeId, type BaseUrls } from "../shapes/base-urls.js";
import { pullShape } from "../shapes/pull-shape.js";
import { repositoryShape } from "../shapes/repository-shape.js";
import { userShape } from "../shapes/user-shape.js";
import type { GitHubState } from "../state/github-state.js";
import type { PullRequestWebhookIntent } from "../state/mutation-context.js";
import { examples } from "./build-payload.js";

/** A `pull_request` webhook: a real example with the stand-in's pull request, repository and sender. */
export function pullRequestPayload(state: GitHubState, urls: BaseUrls, intent: PullRequestWebhookIntent): Record<string, unknown> {
  const definition = examples().find((candidate) => candidate.name === "pull_request");
  const example = definition?.examples.find((candidate) => candidate.action === intent.action) ?? definition?.examples[0];
  if (!example) throw new Error('@octokit/webhooks-examples has no "pull_request" example');
  const payload = structuredClone(example);
  for (const key of ["requested_reviewer", "requested_team", "changes", "label", "organization", "enterprise", "before", "after"]) delete payload[key];
  const at = state.clock.iso();
  Object.assign(payload, {
    action: intent.action,
    number: intent.pull.number,
    pull_request: pullShape(urls, intent.repo, intent.pull, at),
    repository: repositoryShape(urls, intent.repo, at),
    sender: userShape(urls, intent.sender),
    installation: { id: state.app.installationId, node_id: nodeId("Installation", state.app.installationId) },
    ...(intent.requestedReviewer && { requested_reviewer: userShape(urls, intent.requestedReviewer) }),
  });
  return payload;
}
