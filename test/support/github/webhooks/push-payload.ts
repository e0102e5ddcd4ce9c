import { nodeId, type BaseUrls } from "../shapes/base-urls.js";
import { repositoryShape } from "../shapes/repository-shape.js";
import { userShape } from "../shapes/user-shape.js";
import type { GitHubState } from "../state/github-state.js";
import type { PushWebhookIntent } from "../state/mutation-context.js";
import { examples } from "./build-payload.js";

/** A `push` payload: @octokit/webhooks-examples' push example with this commit and repository. */
export function pushPayload(state: GitHubState, urls: BaseUrls, intent: PushWebhookIntent): Record<string, unknown> {
  const example = examples().find((d) => d.name === "push")?.examples[0];
  if (!example) throw new Error('@octokit/webhooks-examples has no "push" example');
  const payload = structuredClone(example);
  const exampleCommit = ((payload.commits as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
  const commit = {
    ...exampleCommit,
    id: intent.after,
    tree_id: intent.after,
    message: intent.message,
    timestamp: state.clock.iso(),
    url: `${urls.web}/${intent.repo.owner.login}/${intent.repo.name}/commit/${intent.after}`,
    added: intent.added,
    modified: intent.modified,
    removed: intent.removed,
  };
  delete payload.organization;
  delete payload.enterprise;
  Object.assign(payload, {
    ref: `refs/heads/${intent.branch}`,
    before: intent.before,
    after: intent.after,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `${urls.web}/${intent.repo.owner.login}/${intent.repo.name}/compare/${intent.before.slice(0, 12)}...${intent.after.slice(0, 12)}`,
    commits: [commit],
    head_commit: commit,
    repository: repositoryShape(urls, intent.repo, state.clock.iso()),
    sender: userShape(urls, intent.sender),
    installation: { id: state.app.installationId, node_id: nodeId("Installation", state.app.installationId) },
  });
  return payload;
}
