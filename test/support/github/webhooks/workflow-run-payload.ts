import { nodeId, type BaseUrls } from "../shapes/base-urls.js";
import { repositoryShape } from "../shapes/repository-shape.js";
import { userShape } from "../shapes/user-shape.js";
import { workflowRunShape } from "../shapes/workflow-run-shape.js";
import type { GitHubState } from "../state/github-state.js";
import type { WorkflowRunWebhookIntent } from "../state/workflow-run-intent.js";
import { examples } from "./build-payload.js";

/** `workflow_run.completed`: a real example with the stand-in's run, workflow, repository and sender. */
export function workflowRunPayload(state: GitHubState, urls: BaseUrls, intent: WorkflowRunWebhookIntent): Record<string, unknown> {
  const example = examples()
    .find((candidate) => candidate.name === "workflow_run")
    ?.examples.find((candidate) => candidate.action === intent.action);
  if (!example) throw new Error('@octokit/webhooks-examples has no "workflow_run.completed" example');
  const payload = structuredClone(example);
  delete payload.organization;
  const { run, repo } = intent;
  const fullName = `${repo.owner.login}/${repo.name}`;
  Object.assign(payload, {
    action: intent.action,
    workflow_run: { ...(payload.workflow_run as Record<string, unknown>), ...workflowRunShape(urls, repo, run) },
    workflow: {
      ...(payload.workflow as Record<string, unknown>),
      id: run.workflowId,
      node_id: nodeId("Workflow", run.workflowId),
      name: run.name,
      path: run.path,
      url: `${urls.api}/repos/${fullName}/actions/workflows/${run.workflowId}`,
      html_url: `${urls.web}/${fullName}/blob/${repo.defaultBranch}/${run.path}`,
    },
    repository: repositoryShape(urls, repo, state.clock.iso()),
    sender: userShape(urls, intent.sender),
    installation: { id: state.app.installationId, node_id: nodeId("Installation", state.app.installationId) },
  });
  return payload;
}
