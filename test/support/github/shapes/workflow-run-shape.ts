import type { Repository } from "../state/model.js";
import type { WorkflowRun } from "../state/runbook-model.js";
import { nodeId, type BaseUrls } from "./base-urls.js";
import { repositoryShape } from "./repository-shape.js";
import { userShape } from "./user-shape.js";

/** GitHub's `workflow-run`. */
export function workflowRunShape(urls: BaseUrls, repo: Repository, run: WorkflowRun) {
  const fullName = `${repo.owner.login}/${repo.name}`;
  const api = `${urls.api}/repos/${fullName}/actions/runs/${run.id}`;
  const repository = repositoryShape(urls, repo, run.updatedAt);
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId("WorkflowRun", run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    display_title: run.displayTitle,
    run_number: run.runNumber,
    run_attempt: 1,
    event: run.event ?? "workflow_dispatch",
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    url: api,
    html_url: `${urls.web}/${fullName}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    run_started_at: run.createdAt,
    actor: userShape(urls, run.actor),
    triggering_actor: userShape(urls, run.actor),
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${urls.api}/repos/${fullName}/check-suites/${run.id + 1}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${urls.api}/repos/${fullName}/actions/workflows/${run.workflowId}`,
    head_commit: null,
    repository,
    head_repository: repository,
  };
}
