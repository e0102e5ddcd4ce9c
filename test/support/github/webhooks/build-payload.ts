import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { nodeId, type BaseUrls } from "../shapes/base-urls.js";
import { commentShape } from "../shapes/comment-shape.js";
import { issueShape, labelShape } from "../shapes/issue-shape.js";
import { repositoryShape } from "../shapes/repository-shape.js";
import { userShape } from "../shapes/user-shape.js";
import type { GitHubState } from "../state/github-state.js";
import type { WebhookIntent } from "../state/mutation-context.js";
import { pullRequestPayload } from "./pull-request-payload.js";
import { pushPayload } from "./push-payload.js";
import { workflowRunPayload } from "./workflow-run-payload.js";

interface WebhookDefinition {
  name: string;
  examples: Record<string, unknown>[];
}

const require = createRequire(import.meta.url);
/** @octokit/webhooks-examples, read once per process. */
let examplesCache: WebhookDefinition[] | undefined;

export function examples(): WebhookDefinition[] {
  examplesCache ??= JSON.parse(
    readFileSync(require.resolve("@octokit/webhooks-examples"), "utf8"),
  ) as WebhookDefinition[];
  return examplesCache;
}

/** Keys of an example that only belong to some actions; set again from the intent when they apply. */
const ACTION_SPECIFIC_KEYS = ["label", "comment", "assignee", "changes", "organization", "enterprise"];

/**
 * The payload GitHub would send for a change: a real example for the event (and action,
 * when the examples have one — there is no `issues.closed` example, so another `issues`
 * example stands in), with the objects replaced by the stand-in's current ones.
 */
export function buildPayload(state: GitHubState, urls: BaseUrls, intent: WebhookIntent): Record<string, unknown> {
  if (intent.event === "pull_request") return pullRequestPayload(state, urls, intent);
  if (intent.event === "workflow_run") return workflowRunPayload(state, urls, intent);
  if (intent.event === "push") return pushPayload(state, urls, intent);
  const definition = examples().find((candidate) => candidate.name === intent.event);
  const example =
    definition?.examples.find((candidate) => candidate.action === intent.action) ?? definition?.examples[0];
  if (!example) throw new Error(`@octokit/webhooks-examples has no "${intent.event}" example`);

  const payload = structuredClone(example);
  for (const key of ACTION_SPECIFIC_KEYS) delete payload[key];
  Object.assign(payload, {
    action: intent.action,
    issue: issueShape(urls, intent.repo, intent.issue),
    repository: repositoryShape(urls, intent.repo, state.clock.iso()),
    sender: userShape(urls, intent.sender),
    installation: { id: state.app.installationId, node_id: nodeId("Installation", state.app.installationId) },
    ...(intent.label && { label: labelShape(urls, intent.repo, intent.label) }),
    ...(intent.comment && { comment: commentShape(urls, intent.repo, intent.comment) }),
    ...(intent.assignee && { assignee: userShape(urls, intent.assignee) }),
    ...(intent.changes && { changes: intent.changes }),
  });
  return payload;
}
